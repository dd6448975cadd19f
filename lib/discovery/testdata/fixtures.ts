import type { KubeObject } from "../../model/meta";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../../snapshot/snapshot";

/**
 * Small builders for discovery test inputs: each returns a plain Kubernetes object shaped as
 * `kubectl get -o yaml` shows it, with only the fields a test cares about. Used by the colocated
 * tests; never by runtime code.
 */

type Labels = Record<string, string>;

export interface ContainerSpec {
  name: string;
  image?: string;
}

export const APP = (name: string): ContainerSpec => ({ name, image: `docker.io/istio/examples-bookinfo-${name}:1.20.2` });
export const PROXY: ContainerSpec = { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.22.0" };

export interface ControllerOptions {
  namespace?: string;
  labels?: Labels;
  selector?: Labels;
  templateLabels?: Labels;
  templateAnnotations?: Labels;
  containers?: ContainerSpec[];
  serviceAccountName?: string;
  hostNetwork?: boolean;
}

/** A Deployment, StatefulSet or DaemonSet (apps/v1) with a pod template. */
export function controller(kind: "Deployment" | "StatefulSet" | "DaemonSet", name: string, o: ControllerOptions = {}): KubeObject {
  const templateLabels = o.templateLabels ?? { app: name };
  return {
    apiVersion: "apps/v1",
    kind,
    metadata: { name, namespace: o.namespace ?? "default", ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      selector: { matchLabels: o.selector ?? templateLabels },
      template: {
        metadata: { labels: templateLabels, ...(o.templateAnnotations ? { annotations: o.templateAnnotations } : {}) },
        spec: {
          containers: o.containers ?? [APP(name)],
          ...(o.serviceAccountName !== undefined ? { serviceAccountName: o.serviceAccountName } : {}),
          ...(o.hostNetwork !== undefined ? { hostNetwork: o.hostNetwork } : {}),
        },
      },
    },
  };
}

export const deployment = (name: string, o: ControllerOptions = {}) => controller("Deployment", name, o);

function ownerRef(kind: string, name: string, isController = true) {
  return { apiVersion: "apps/v1", kind, name, uid: `uid-${kind}-${name}`, ...(isController ? { controller: true } : {}) };
}

/** A ReplicaSet controlled by a Deployment (or by nothing when `deployment` is undefined). */
export function replicaSet(name: string, namespace: string, deployment: string | undefined, templateLabels: Labels = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace, ...(deployment ? { ownerReferences: [ownerRef("Deployment", deployment)] } : {}) },
    spec: { selector: { matchLabels: templateLabels }, template: { metadata: { labels: templateLabels }, spec: { containers: [{ name: "app" }] } } },
  };
}

export interface PodOptions {
  namespace?: string;
  labels?: Labels;
  /** Controller ownerRef, e.g. `{kind: "ReplicaSet", name: "reviews-v1-5d8f"}`. */
  owner?: { kind: string; name: string; controller?: boolean };
  containers?: ContainerSpec[];
  nodeName?: string;
  ready?: boolean;
  phase?: string;
  ip?: string;
}

export function pod(name: string, o: PodOptions = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.owner ? { ownerReferences: [ownerRef(o.owner.kind, o.owner.name, o.owner.controller ?? true)] } : {}),
    },
    spec: { containers: o.containers ?? [{ name: "app", image: "app:1" }], ...(o.nodeName ? { nodeName: o.nodeName } : {}) },
    status: {
      phase: o.phase ?? "Running",
      ...(o.ip ? { podIP: o.ip } : {}),
      conditions: [{ type: "Ready", status: (o.ready ?? true) ? "True" : "False" }],
    },
  };
}

export interface ServiceOptions {
  namespace?: string;
  selector?: Labels;
  labels?: Labels;
  annotations?: Labels;
  type?: string;
  ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string; appProtocol?: string; nodePort?: number }[];
  externalIPs?: string[];
  loadBalancerIngress?: { ip?: string; hostname?: string }[];
}

export function service(name: string, o: ServiceOptions = {}): KubeObject {
  const metadata = { name, namespace: o.namespace ?? "default", ...(o.labels ? { labels: o.labels } : {}), ...(o.annotations ? { annotations: o.annotations } : {}) };
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: {
      ...(o.type ? { type: o.type } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
      ports: o.ports ?? [{ name: "http", port: 9080, targetPort: 9080, protocol: "TCP" }],
      ...(o.externalIPs ? { externalIPs: o.externalIPs } : {}),
    },
    ...(o.loadBalancerIngress ? { status: { loadBalancer: { ingress: o.loadBalancerIngress } } } : {}),
  };
}

export interface AddressSpec {
  ip: string;
  pod?: string;
  nodeName?: string;
  namespace?: string;
}

/** An Endpoints object with one subset of ready and not-ready addresses. */
export function endpoints(name: string, namespace: string, ready: AddressSpec[], notReady: AddressSpec[] = [], ports = [{ name: "http", port: 9080, protocol: "TCP" }]): KubeObject {
  const addr = (a: AddressSpec) => ({
    ip: a.ip,
    ...(a.nodeName ? { nodeName: a.nodeName } : {}),
    ...(a.pod ? { targetRef: { kind: "Pod", name: a.pod, namespace: a.namespace ?? namespace } } : {}),
  });
  const subset = { ...(ready.length ? { addresses: ready.map(addr) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}), ports };
  return { apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace }, subsets: [subset] };
}

/** An EndpointSlice for `service`; `ready: undefined` leaves the condition unset. */
export function endpointSlice(name: string, namespace: string, service: string, eps: (AddressSpec & { ready?: boolean })[], ports = [{ name: "http", port: 9080, protocol: "TCP" }]): KubeObject {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name, namespace, labels: { "kubernetes.io/service-name": service } },
    addressType: "IPv4",
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      ...(e.ready !== undefined ? { conditions: { ready: e.ready } } : {}),
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      ...(e.pod ? { targetRef: { kind: "Pod", name: e.pod, namespace: e.namespace ?? namespace } } : {}),
    })),
    ports,
  };
}

export function configMap(name: string, namespace: string, data: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data };
}

export function namespace(name: string, labels?: Labels): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, ...(labels ? { labels } : {}) } };
}

export interface NodeOptions {
  labels?: Labels;
  addresses?: { type: string; address: string }[];
  kind?: boolean;
}

export function node(name: string, o: NodeOptions = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    status: {
      ...(o.addresses ? { addresses: o.addresses } : {}),
      ...(o.kind ? { images: [{ names: ["docker.io/kindest/kindnetd:v20230511-dc714da8"] }] } : {}),
    },
  };
}

/** A zone/region-labelled Node (stable label spellings). */
export function zonedNode(name: string, region: string, zone: string, subZone?: string): KubeObject {
  const labels: Labels = { "topology.kubernetes.io/region": region, "topology.kubernetes.io/zone": zone };
  if (subZone) labels["topology.istio.io/subzone"] = subZone;
  return node(name, { labels });
}

export interface IstiodOptions {
  name?: string;
  namespace?: string;
  image?: string;
  serviceAccountName?: string;
  matchLabels?: Labels;
}

/** An istiod Deployment; its selector labels differ from the template labels on purpose. */
export function istiod(o: IstiodOptions = {}): KubeObject {
  const name = o.name ?? "istiod";
  return controller("Deployment", name, {
    namespace: o.namespace ?? "istio-system",
    labels: { app: "istiod", "istio.io/rev": "default" },
    selector: o.matchLabels ?? { app: "istiod", "istio.io/rev": "default" },
    templateLabels: { app: "istiod", "istio.io/rev": "default", "sidecar.istio.io/inject": "false" },
    containers: [{ name: "discovery", image: o.image ?? "docker.io/istio/pilot:1.22.0" }],
    serviceAccountName: o.serviceAccountName ?? "istiod",
  });
}

/** The mesh ConfigMap (`istio` or `istio-<rev>`), holding `mesh` YAML. */
export function meshConfig(namespace = "istio-system", mesh = "trustDomain: cluster.local\n", name = "istio"): KubeObject {
  return configMap(name, namespace, { mesh, meshNetworks: "networks: {}" });
}

/** The injector ConfigMap with a `config` key. */
export function injectorConfig(config: string, namespace = "istio-system"): KubeObject {
  return configMap("istio-sidecar-injector", namespace, { config, values: "{}" });
}

/** A Gloo v2 KubernetesCluster registration on the management cluster. */
export function kubernetesCluster(name: string, clusterDomain?: string): KubeObject {
  return {
    apiVersion: "admin.gloo.solo.io/v2",
    kind: "KubernetesCluster",
    metadata: { name, namespace: "gloo-mesh" },
    spec: { ...(clusterDomain ? { clusterDomain } : {}) },
  };
}

/**
 * A Deployment with one ReplicaSet and `pods` Pods, the chain a real cluster has. Pod names are
 * `<rs>-<i>`, IPs `10.<net>.0.<i+1>`, Nodes `nodes[i % nodes.length]`.
 */
export function rolledOut(name: string, o: ControllerOptions & { pods?: number; net?: number; nodes?: string[]; podContainers?: ContainerSpec[]; readyPods?: number } = {}): KubeObject[] {
  const ns = o.namespace ?? "default";
  const d = deployment(name, o);
  const labels = { ...(o.templateLabels ?? { app: name }), "pod-template-hash": "7d9f8c" };
  const rs = replicaSet(`${name}-7d9f8c`, ns, name, labels);
  const count = o.pods ?? 1;
  const pods = Array.from({ length: count }, (_, i) =>
    pod(`${name}-7d9f8c-${String.fromCharCode(97 + i)}x`, {
      namespace: ns, labels, owner: { kind: "ReplicaSet", name: `${name}-7d9f8c` },
      containers: o.podContainers ?? [...(o.containers ?? [APP(name)])],
      nodeName: o.nodes ? o.nodes[i % o.nodes.length] : undefined,
      ready: i < (o.readyPods ?? count),
      ip: `10.${o.net ?? 0}.0.${i + 1}`,
    }),
  );
  return [d, rs, ...pods];
}

/** A snapshot of named clusters; the first cluster listed in `management` is the management cluster. */
export function snapshotOf(clusters: Record<string, KubeObject[]>, management: string[] = []): Snapshot {
  return buildSnapshot(1, Object.entries(clusters).map(([name, objects]) => buildSnapshotCluster(name, management.includes(name), objects)));
}
