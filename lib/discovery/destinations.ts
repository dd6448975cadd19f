import type { Service } from "../model/core";
import { report, type DiagnosticSink } from "./diagnostics";
import { discoverEndpoints } from "./endpoints";
import { buildLabelIndex, matchSelector, podsMatching, type ClusterIndex, type LabelIndex } from "./indexes";
import { nodePortAddresses, nodeRegion } from "./locality";
import { meshRefOf } from "./meshes";
import { compareKeys, discoveredObjectName, skv2Key } from "./names";
import type { DestinationView, ExternalAddress, Labels, MeshRef, MeshView, ServicePortView, ServiceTypeView, WorkloadRef, WorkloadView } from "./types";

/** Destination detection (reference §1.5): which Kubernetes Services are mesh destinations. */

const DISCOVERY_ANNOTATION = "discovery.mesh.gloo.solo.io/enabled";
/** Labels that vary per rollout, never per subset. */
const SKIPPED_SUBSET_KEYS = new Set(["pod-template-hash", "service.istio.io/canonical-revision"]);

interface DestinationContext {
  index: ClusterIndex;
  meshes: readonly MeshView[];
  /** Mesh workloads with pod labels, by namespace and label, in skv2 order of their discovered names. */
  meshWorkloads: LabelIndex<WorkloadView>;
  clusterDomain: string;
  sink: DiagnosticSink;
}

/** The Destinations of one cluster, given its Meshes (skv2 order) and Workloads. */
export function discoverDestinations(
  index: ClusterIndex,
  meshes: readonly MeshView[],
  workloads: readonly WorkloadView[],
  clusterDomain: string,
  sink: DiagnosticSink,
): DestinationView[] {
  const candidates = workloads
    .filter((w) => w.mesh !== null && Object.keys(w.podLabels).length > 0)
    .map((w) => ({ w, key: skv2Key(w.discoveredName, "") }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((e) => e.w);
  const ctx: DestinationContext = { index, meshes, meshWorkloads: buildLabelIndex(candidates, (w) => w.namespace, (w) => w.podLabels), clusterDomain, sink };
  const out: DestinationView[] = [];
  for (const services of index.servicesByNamespace.values()) {
    for (const svc of services) {
      const destination = detectDestination(ctx, svc);
      if (destination) out.push(destination);
    }
  }
  return out;
}

/**
 * One Service as a Destination. With `discovery.mesh.gloo.solo.io/enabled: "true"` and an Istio mesh
 * in the cluster it is one without subsets or endpoints, attached to the cluster's *last* mesh (Gloo's
 * loop has a `break` that only leaves its `switch`). Otherwise it needs a backing mesh workload and
 * takes the first one's mesh; none ⇒ no Destination.
 */
function detectDestination(ctx: DestinationContext, svc: Service): DestinationView | undefined {
  const namespace = svc.metadata.namespace ?? "";
  const cluster = ctx.index.cluster.name;
  const selector = svc.spec?.selector ?? {};
  const backing = Object.keys(selector).length === 0 ? [] : matchSelector(ctx.meshWorkloads, namespace, selector, (w) => w.podLabels);
  if (svc.metadata.annotations?.[DISCOVERY_ANNOTATION] === "true") {
    const mesh = ctx.meshes[ctx.meshes.length - 1];
    if (mesh) return buildDestination(ctx, svc, meshRefOf(mesh), backing, true);
    report(ctx.sink, "ANNOTATED_SERVICE_NO_MESH", "warning", cluster, svc,
      `Service ${namespace}/${svc.metadata.name} is annotated ${DISCOVERY_ANNOTATION}: "true" but cluster ${cluster} has no Istio mesh; it is treated like any other Service`);
  }
  const first = backing[0];
  if (!first?.mesh) {
    const why = Object.keys(selector).length === 0 ? "it has no selector" : `no mesh workload in ${namespace} has pod labels that include its selector`;
    report(ctx.sink, "SERVICE_NO_MESH_WORKLOAD", "info", cluster, svc, `Service ${namespace}/${svc.metadata.name} is not a Destination: ${why}`);
    return undefined;
  }
  return buildDestination(ctx, svc, first.mesh, backing, false);
}

function buildDestination(ctx: DestinationContext, svc: Service, mesh: MeshRef, backing: readonly WorkloadView[], annotatedOnly: boolean): DestinationView {
  const { name } = svc.metadata;
  const namespace = svc.metadata.namespace ?? "";
  const cluster = ctx.index.cluster.name;
  const selector: Labels = { ...(svc.spec?.selector ?? {}) };
  return {
    cluster, namespace, name,
    discoveredName: discoveredObjectName(name, namespace, cluster),
    kind: "Service",
    mesh,
    annotatedOnly,
    serviceType: serviceTypeOf(svc.spec?.type),
    ports: servicePorts(svc),
    subsets: annotatedOnly ? null : findSubsets(backing),
    endpoints: annotatedOnly ? [] : discoverEndpoints(ctx.index, svc, backing, ctx.sink),
    workloads: backing.map(workloadRefOf),
    externalAddresses: externalAddresses(ctx.index, svc),
    region: serviceRegion(ctx.index, namespace, selector),
    labels: { ...(svc.metadata.labels ?? {}) },
    workloadSelectorLabels: selector,
    localFqdn: `${name}.${namespace}.svc.${ctx.clusterDomain}`,
  };
}

function workloadRefOf(w: WorkloadView): WorkloadRef {
  return { cluster: w.cluster, namespace: w.namespace, name: w.name, kind: w.kind, discoveredName: w.discoveredName };
}

/** Kubernetes Service type → v1 enum name; unset or unknown is CLUSTER_IP, the enum's zero value. */
function serviceTypeOf(type: string | undefined): ServiceTypeView {
  switch (type) {
    case "NodePort": return "NODE_PORT";
    case "LoadBalancer": return "LOAD_BALANCER";
    case "ExternalName": return "EXTERNAL_NAME";
    default: return "CLUSTER_IP";
  }
}

/**
 * Service ports with the API server's defaults applied (protocol TCP, targetPort = port), so a
 * hand-written manifest in a directory source reads like the object a cluster would store.
 */
function servicePorts(svc: Service): ServicePortView[] {
  return (svc.spec?.ports ?? []).map((p) => ({
    port: p.port,
    name: p.name ?? "",
    protocol: p.protocol ?? "TCP",
    appProtocol: p.appProtocol ?? "",
    targetPort: p.targetPort ?? p.port,
    nodePort: p.nodePort ?? 0,
  }));
}

/** Label keys with two or more distinct values across the backing workloads; values sorted. */
export function findSubsets(backing: readonly WorkloadView[]): Record<string, string[]> | null {
  const values = new Map<string, Set<string>>();
  for (const w of backing) {
    for (const [k, v] of Object.entries(w.podLabels)) {
      if (SKIPPED_SUBSET_KEYS.has(k)) continue;
      let set = values.get(k);
      if (!set) values.set(k, (set = new Set()));
      set.add(v);
    }
  }
  const keys = [...values.keys()].filter((k) => (values.get(k)?.size ?? 0) >= 2).sort(compareKeys);
  if (keys.length === 0) return null;
  return Object.fromEntries(keys.map((k) => [k, [...(values.get(k) ?? [])].sort(compareKeys)]));
}

/**
 * `spec.externalIPs`, then for NodePort the addresses of the Node of every Pod the selector matches
 * (an empty selector matches every Pod of the namespace, as Gloo's does), for LoadBalancer every
 * ingress IP, else hostname. Kept as Gloo lists them, duplicates included.
 */
function externalAddresses(index: ClusterIndex, svc: Service): ExternalAddress[] {
  const out: ExternalAddress[] = (svc.spec?.externalIPs ?? []).map((ip) => ({ ip }));
  if (svc.spec?.type === "NodePort") {
    for (const pod of podsMatching(index, svc.metadata.namespace ?? "", svc.spec.selector ?? {})) {
      const node = index.nodes.get(pod.spec.nodeName ?? "");
      if (node) out.push(...nodePortAddresses(node));
    }
  } else if (svc.spec?.type === "LoadBalancer") {
    for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
      // An ingress entry with neither field is skipped (Gloo would append an empty entry).
      if (ingress.ip) out.push({ ip: ingress.ip });
      else if (ingress.hostname) out.push({ dnsName: ingress.hostname });
    }
  }
  return out;
}

/** Region of the Node of the first Pod the selector matches; empty without a selector, Pod, Node or label. */
function serviceRegion(index: ClusterIndex, namespace: string, selector: Labels): string {
  if (Object.keys(selector).length === 0) return "";
  const pod = podsMatching(index, namespace, selector)[0];
  if (!pod) return "";
  return nodeRegion(index.nodes.get(pod.spec.nodeName ?? "")) ?? "";
}
