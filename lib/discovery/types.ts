import type { ObjectRef } from "../snapshot/ref";

/**
 * Meshpane's view of what discovery found: plain data, shaped for the API and the UI, derived with the
 * Gloo Mesh v1 rules (reference §1.3–1.5). These are Meshpane's own types, not the Gloo CRs
 * (lib/model/discovery.ts has those); field names follow the CRs where the meaning is the same.
 */

export type Labels = Record<string, string>;

/** What every discovered item carries: where its source object lives and its Gloo v1 name. */
export interface DiscoveredBase {
  cluster: string;
  /** Namespace of the source object (the istiod Deployment, the controller, the Service). */
  namespace: string;
  /** Name of the source object. */
  name: string;
  /** The name Gloo Mesh v1 gives the discovered object (reference §1.2), e.g. `reviews-bookinfo-cluster-1`. */
  discoveredName: string;
}

/** Points at a discovered Mesh through its istiod Deployment. */
export interface MeshRef {
  cluster: string;
  namespace: string;
  name: string;
  discoveredName: string;
}

export type WorkloadKind = "Deployment" | "StatefulSet" | "DaemonSet";

/** Points at a discovered Workload through its controller. */
export interface WorkloadRef {
  cluster: string;
  namespace: string;
  name: string;
  kind: WorkloadKind;
  discoveredName: string;
}

/** An address reachable from outside the cluster: exactly one of `ip` and `dnsName`. */
export type ExternalAddress = { ip: string } | { dnsName: string };

/** One entry of the deprecated `Mesh.spec.istio.ingressGateways` (reference §1.3 step 8). */
export interface IngressGatewayView {
  name: string;
  namespace: string;
  /** The gateway Service's selector. */
  workloadLabels: Labels;
  address: ExternalAddress;
  /** Node port (NodePort Service) or service port (LoadBalancer Service) of the TLS port. */
  externalTlsPort: number;
  /** Numeric target port of the TLS port, or its port when the target port is unset. */
  tlsContainerPort: number;
}

export interface MeshInstallationView {
  namespace: string;
  cluster: string;
  /** The istiod Deployment's `spec.selector.matchLabels` (not the pod template labels). */
  podLabels: Labels;
  version: string;
  /** Region label of the cluster's first Node, empty if none. */
  region: string;
}

/** An Istio control plane (one istiod Deployment), reference §1.3. */
export interface MeshView extends DiscoveredBase {
  type: "istio";
  /** Tag of the istiod image, or its digest when it has one. */
  version: string;
  /**
   * Revision, derived from the Deployment name suffix (`istiod-1-22` ⇒ `1-22`, `istiod` ⇒ ``). The v2
   * derivation is [UNKNOWN] (reference §1.7); Meshpane uses the v1 suffix rule, which is also how the
   * mesh ConfigMap is found, rather than the `istio.io/rev` label.
   */
  revision: string;
  /** ConfigMap the mesh config was read from (`istio` + revision suffix). */
  meshConfigMap: string;
  /** `MeshConfig.trustDomain` as written, empty when absent. */
  trustDomain: string;
  /** What Istio uses: `trustDomain`, or `cluster.local` when it is empty. */
  effectiveTrustDomain: string;
  installation: MeshInstallationView;
  istiodServiceAccount: string;
  smartDnsProxyingEnabled: boolean;
  ingressGateways: IngressGatewayView[];
  /** Namespace of the cert-agent in this cluster (`agentInfo.agentNamespace`), empty if none. */
  agentNamespace: string;
}

/**
 * Why a workload is, or is not, in the mesh (reference §1.4), in the order the rules are tried:
 * a sidecar already in the pod template; the injection prediction (hostNetwork and system namespaces
 * veto, then the `sidecar.istio.io/inject` annotation, the injector's neverInjectSelector, the
 * namespace label, the injector's alwaysInjectSelector, its default policy); finally a live Pod that
 * has a sidecar. `annotation` and `injector-policy` can explain either outcome: `mesh` says which.
 * `none` means nothing asks for injection (or no Istio mesh runs in the cluster).
 */
export type InjectionReason =
  | "sidecar-in-template"
  | "namespace-label"
  | "annotation"
  | "injector-policy"
  | "hostNetwork"
  | "system-namespace"
  | "running-pod-sidecar"
  | "none";

/**
 * A workload controller (reference §1.4). Meshpane lists every Deployment, StatefulSet and
 * DaemonSet; those with `mesh: null` are ones Gloo would not emit (shown so the UI can say why).
 */
export interface WorkloadView extends DiscoveredBase {
  kind: WorkloadKind;
  controller: ObjectRef;
  /** Pod template labels. */
  podLabels: Labels;
  /** Pod template `serviceAccountName`, empty when unset (not defaulted to `default`). */
  serviceAccountName: string;
  mesh: MeshRef | null;
  injection: InjectionReason;
  /** A sentence saying which rule decided, for the UI. */
  injectionDetail: string;
  pods: { total: number; ready: number };
}

export type ServiceTypeView = "CLUSTER_IP" | "NODE_PORT" | "LOAD_BALANCER" | "EXTERNAL_NAME";

/** A Service port (reference §1.5 step 1); `targetPort` is a number or a port name. */
export interface ServicePortView {
  port: number;
  name: string;
  protocol: string;
  appProtocol: string;
  targetPort: number | string;
  nodePort: number;
}

export interface EndpointPortView {
  port: number;
  name: string;
  protocol: string;
  appProtocol: string;
}

/** One ready endpoint address (reference §1.5 step 4), with the ports of its subset. */
export interface EndpointView {
  ipAddress: string;
  /** Pod labels of the backing workload whose controller name prefixes the target Pod's name. */
  labels: Labels;
  /** Zone and Istio sub-zone of the endpoint's Node; null when the Node or its zone label is missing. */
  subLocality: { zone: string; subZone: string } | null;
  ports: EndpointPortView[];
}

/** A Kubernetes Service that is a mesh destination (reference §1.5). */
export interface DestinationView extends DiscoveredBase {
  kind: "Service";
  mesh: MeshRef;
  /** True when the `discovery.mesh.gloo.solo.io/enabled: "true"` annotation produced it (no subsets or endpoints). */
  annotatedOnly: boolean;
  serviceType: ServiceTypeView;
  ports: ServicePortView[];
  /** Label keys with two or more values across backing workloads, values sorted; null when none. */
  subsets: Record<string, string[]> | null;
  endpoints: EndpointView[];
  /** Backing mesh workloads (same cluster and namespace, selector ⊆ pod labels), in Gloo's order. */
  workloads: WorkloadRef[];
  externalAddresses: ExternalAddress[];
  /** Region of the Node of the first Pod the selector matches, empty if unknown. */
  region: string;
  /** Service labels. */
  labels: Labels;
  /** Service `spec.selector`. */
  workloadSelectorLabels: Labels;
  /** `<svc>.<ns>.svc.<clusterDomain>` (reference §1.5 step 5). */
  localFqdn: string;
}

export type DiscoverySeverity = "error" | "warning" | "info";

/** Stable codes for what discovery skipped or could not decide. */
export type DiscoveryCode =
  | "MESH_IMAGE_NO_VERSION"
  | "MESH_IMAGE_NOT_PILOT"
  | "MESH_CONFIGMAP_MISSING"
  | "MESH_CONFIG_KEY_MISSING"
  | "MESH_CONFIG_INVALID"
  | "MESH_NOT_FIRST_IN_CLUSTER"
  | "INJECTOR_CONFIG_INVALID"
  | "INGRESS_GATEWAY_SKIPPED"
  | "ANNOTATED_SERVICE_NO_MESH"
  | "SERVICE_NO_MESH_WORKLOAD"
  | "ENDPOINTS_MISSING";

/** Why something is absent or degraded, pointing at the object it is about. */
export interface DiscoveryDiagnostic {
  code: DiscoveryCode;
  severity: DiscoverySeverity;
  message: string;
  object: ObjectRef;
}

/** The result of one discovery pass over a snapshot. */
export interface Discovery {
  meshes: MeshView[];
  workloads: WorkloadView[];
  destinations: DestinationView[];
  diagnostics: DiscoveryDiagnostic[];
}
