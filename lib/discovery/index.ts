import { compareRefs, type ObjectRef } from "../snapshot/ref";
import { objectsOf, type Snapshot } from "../snapshot/snapshot";
import { sortDiagnostics, type DiagnosticSink } from "./diagnostics";
import { discoverDestinations } from "./destinations";
import { indexCluster } from "./indexes";
import { readGatewayDetectors } from "./ingress-gateways";
import { isRecord } from "./mesh-config";
import { discoverMeshes } from "./meshes";
import type { DestinationView, Discovery, MeshView, WorkloadView } from "./types";
import { discoverWorkloads } from "./workloads";

export type * from "./types";
export { sanitizeNameV2, discoveredObjectName, discoveredWorkloadName } from "./names";

const DEFAULT_CLUSTER_DOMAIN = "cluster.local";
/** Where a cluster's DNS domain is registered: the v2 admin kind, then the v1 multicluster kind. */
const CLUSTER_KINDS = ["KubernetesCluster.admin.gloo.solo.io", "KubernetesCluster.multicluster.solo.io"];

/**
 * Discovers Meshes, Workloads and Destinations in every cluster of the snapshot with the Gloo Mesh v1
 * rules (reference §1): Meshes first, then Workloads (they need Meshes), then Destinations (they need
 * Workloads), each cluster on its own, as v1 attributes only within a cluster. Pure and deterministic:
 * output is sorted by source object (kind, namespace, name, cluster), diagnostics likewise.
 */
export function discover(snapshot: Snapshot): Discovery {
  const detectorFor = readGatewayDetectors(snapshot);
  const clusterDomains = readClusterDomains(snapshot);
  const sink: DiagnosticSink = [];
  const meshes: MeshView[] = [];
  const workloads: WorkloadView[] = [];
  const destinations: DestinationView[] = [];
  for (const cluster of snapshot.clusters) {
    const index = indexCluster(cluster);
    const clusterMeshes = discoverMeshes(index, detectorFor(cluster.name), sink);
    const clusterWorkloads = discoverWorkloads(index, clusterMeshes, sink);
    const domain = clusterDomains.get(cluster.name) ?? DEFAULT_CLUSTER_DOMAIN;
    meshes.push(...clusterMeshes);
    workloads.push(...clusterWorkloads);
    destinations.push(...discoverDestinations(index, clusterMeshes, clusterWorkloads, domain, sink));
  }
  return {
    meshes: meshes.sort((a, b) => compareRefs(meshSource(a), meshSource(b))),
    workloads: workloads.sort((a, b) => compareRefs(a.controller, b.controller)),
    destinations: destinations.sort((a, b) => compareRefs(destinationSource(a), destinationSource(b))),
    diagnostics: sortDiagnostics(sink),
  };
}

/** The istiod Deployment a Mesh was discovered from. */
export function meshSource(mesh: Pick<MeshView, "cluster" | "namespace" | "name">): ObjectRef {
  return { cluster: mesh.cluster, group: "apps", kind: "Deployment", namespace: mesh.namespace, name: mesh.name };
}

/** The Service a Destination was discovered from. */
export function destinationSource(destination: Pick<DestinationView, "cluster" | "namespace" | "name">): ObjectRef {
  return { cluster: destination.cluster, group: "", kind: "Service", namespace: destination.namespace, name: destination.name };
}

/**
 * `spec.clusterDomain` of the KubernetesCluster objects on the management cluster(s), by cluster
 * name (the object's name). Read defensively, without the Gloo admin model: only a non-empty string
 * counts; the first registration of a name wins.
 */
function readClusterDomains(snapshot: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const cluster of snapshot.clusters.filter((c) => c.management)) {
    for (const gk of CLUSTER_KINDS) {
      for (const obj of objectsOf(cluster, gk)) {
        const domain = isRecord(obj.spec) ? obj.spec.clusterDomain : undefined;
        if (typeof domain === "string" && domain !== "" && !out.has(obj.metadata.name)) out.set(obj.metadata.name, domain);
      }
    }
  }
  return out;
}
