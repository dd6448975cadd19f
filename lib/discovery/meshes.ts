import type { ConfigMap, Deployment } from "../model/core";
import { objectsOf } from "../snapshot/snapshot";
import { report, type DiagnosticSink } from "./diagnostics";
import { firstBySkv2, nsKey, type ClusterIndex } from "./indexes";
import { detectIngressGateways, type GatewayDetector } from "./ingress-gateways";
import { nodeRegion } from "./locality";
import { imageVersion, readMeshConfig, type MeshConfigFacts } from "./mesh-config";
import { compareKeys, discoveredObjectName, skv2Key } from "./names";
import type { MeshRef, MeshView } from "./types";

/** Istio mesh detection (reference §1.3): one Mesh per istiod Deployment. */

const ISTIOD_PREFIX = "istiod";
const MESH_CONFIG_KEY = "mesh";
const DEFAULT_TRUST_DOMAIN = "cluster.local";

/**
 * The Meshes of one cluster, in skv2 order of their discovered names: the order in which "the first
 * Istio Mesh of the cluster" is meant (workload attribution, reference §1.4).
 */
export function discoverMeshes(index: ClusterIndex, detector: GatewayDetector, sink: DiagnosticSink): MeshView[] {
  const agentNamespace = certAgentNamespace(index);
  const found: { mesh: MeshView; deployment: Deployment }[] = [];
  for (const deployment of objectsOf<Deployment>(index.cluster, "Deployment.apps")) {
    const mesh = detectMesh(index, deployment, sink);
    if (!mesh) continue;
    mesh.agentNamespace = agentNamespace;
    mesh.ingressGateways = detectIngressGateways(index, mesh.namespace, detector, sink);
    found.push({ mesh, deployment });
  }
  found.sort((a, b) => compareKeys(skv2Key(a.mesh.discoveredName, ""), skv2Key(b.mesh.discoveredName, "")));
  reportSecondMeshes(index.cluster.name, found, sink);
  return found.map((f) => f.mesh);
}

/** The ref other views use to point at a Mesh. */
export function meshRefOf(mesh: MeshView): MeshRef {
  return { cluster: mesh.cluster, namespace: mesh.namespace, name: mesh.name, discoveredName: mesh.discoveredName };
}

/**
 * One Deployment as a Mesh: its name starts with `istiod` and a container image contains both
 * `istio` and `pilot`; the image must carry a tag or digest (the version), and the mesh ConfigMap
 * `istio<suffix>` must hold a `mesh` key. Anything else yields no Mesh and, where a person would
 * wonder, a diagnostic.
 */
function detectMesh(index: ClusterIndex, deployment: Deployment, sink: DiagnosticSink): MeshView | undefined {
  const { name } = deployment.metadata;
  const namespace = deployment.metadata.namespace ?? "";
  const cluster = index.cluster.name;
  if (!name.startsWith(ISTIOD_PREFIX)) return undefined;
  const containers = deployment.spec.template.spec.containers;
  const pilot = containers.find((c) => (c.image ?? "").includes("istio") && (c.image ?? "").includes("pilot"));
  if (!pilot) {
    report(sink, "MESH_IMAGE_NOT_PILOT", "info", cluster, deployment, `Deployment ${namespace}/${name} is named like istiod but no container image contains both "istio" and "pilot", so it is not an Istio mesh`);
    return undefined;
  }
  const version = imageVersion(pilot.image ?? "");
  if (version === "") {
    report(sink, "MESH_IMAGE_NO_VERSION", "warning", cluster, deployment, `istiod image "${pilot.image ?? ""}" must have a tag or a digest to give the mesh a version; no Mesh is produced`);
    return undefined;
  }
  // Revisioned installs (`istiod-1-12`) keep their mesh config in `istio-1-12` (newer v1 code, §1.3 step 3).
  const suffix = name.slice(ISTIOD_PREFIX.length);
  const configMapName = `istio${suffix}`;
  const config = loadMeshConfig(index, deployment, configMapName, sink);
  if (!config) return undefined;
  return {
    cluster, namespace, name,
    discoveredName: discoveredObjectName(name, namespace, cluster),
    type: "istio",
    version,
    // Meshpane's choice for the v2 `revision` ([UNKNOWN], §1.7): the name suffix without its dash.
    revision: suffix.startsWith("-") ? suffix.slice(1) : suffix,
    meshConfigMap: configMapName,
    trustDomain: config.trustDomain,
    effectiveTrustDomain: config.trustDomain !== "" ? config.trustDomain : DEFAULT_TRUST_DOMAIN,
    installation: { namespace, cluster, podLabels: { ...(deployment.spec.selector.matchLabels ?? {}) }, version, region: nodeRegion(index.firstNode) ?? "" },
    istiodServiceAccount: deployment.spec.template.spec.serviceAccountName ?? "",
    smartDnsProxyingEnabled: config.smartDnsProxyingEnabled,
    ingressGateways: [],
    agentNamespace: "",
  };
}

function loadMeshConfig(index: ClusterIndex, deployment: Deployment, configMapName: string, sink: DiagnosticSink): MeshConfigFacts | undefined {
  const namespace = deployment.metadata.namespace ?? "";
  const cluster = index.cluster.name;
  const where = `ConfigMap ${namespace}/${configMapName}`;
  const cm: ConfigMap | undefined = index.configMaps.get(nsKey(namespace, configMapName));
  if (!cm) {
    report(sink, "MESH_CONFIGMAP_MISSING", "error", cluster, deployment, `${where} must exist for istiod ${deployment.metadata.name} to be a Mesh (it holds the mesh config); no Mesh is produced`);
    return undefined;
  }
  const text = cm.data?.[MESH_CONFIG_KEY];
  if (text === undefined) {
    report(sink, "MESH_CONFIG_KEY_MISSING", "error", cluster, deployment, `${where} must have a "${MESH_CONFIG_KEY}" key for istiod ${deployment.metadata.name} to be a Mesh; no Mesh is produced`);
    return undefined;
  }
  const parsed = readMeshConfig(text);
  if (!parsed.ok) {
    report(sink, "MESH_CONFIG_INVALID", "error", cluster, deployment, `${where} key "${MESH_CONFIG_KEY}" must be a valid Istio MeshConfig (${parsed.reason}); no Mesh is produced`);
    return undefined;
  }
  return parsed.facts;
}

/**
 * `agentInfo.agentNamespace` (§1.3 step 7): the namespace of the first Deployment whose pod template
 * is labelled `app: cert-agent` (the newer rule), empty when none.
 */
function certAgentNamespace(index: ClusterIndex): string {
  const agents = objectsOf<Deployment>(index.cluster, "Deployment.apps").filter((d) => d.spec.template.metadata?.labels?.app === "cert-agent");
  return firstBySkv2(agents)?.metadata.namespace ?? "";
}

/** v1 assumes one mesh per cluster; say so on every Mesh after the first. */
function reportSecondMeshes(cluster: string, found: readonly { mesh: MeshView; deployment: Deployment }[], sink: DiagnosticSink): void {
  const first = found[0]?.mesh;
  if (!first) return;
  for (const { mesh, deployment } of found.slice(1)) {
    report(sink, "MESH_NOT_FIRST_IN_CLUSTER", "warning", cluster, deployment,
      `cluster ${cluster} runs more than one istiod; workloads with a sidecar in their template or a running sidecar are attributed to the first Mesh ${first.discoveredName}, not to ${mesh.discoveredName}`);
  }
}
