import type { ConfigMap, Endpoints, EndpointSlice, Namespace, Node, Pod, ReplicaSet, Service } from "../model/core";
import type { KubeObject, OwnerReference } from "../model/meta";
import { objectsOf, type SnapshotCluster } from "../snapshot/snapshot";
import { compareKeys, skv2Key } from "./names";
import type { Labels } from "./types";

/**
 * Per-cluster lookups built once per pass, so every rule is a Map lookup instead of a scan: discovery
 * stays linear in the number of objects (tens of thousands of Pods). Lists inside the indexes keep
 * skv2 order (see `skv2Key`) so "first" means what it means in Gloo.
 */
export interface ClusterIndex {
  cluster: SnapshotCluster;
  /** ConfigMaps by `namespace/name`. */
  configMaps: Map<string, ConfigMap>;
  namespaces: Map<string, Namespace>;
  nodes: Map<string, Node>;
  /** The cluster's first Node in skv2 order, if any. */
  firstNode: Node | undefined;
  /** Pods by owning controller `Kind/namespace/name` (ReplicaSets resolved to their Deployment). */
  podsByOwner: Map<string, Pod[]>;
  /** Pods by namespace and label, to find the Pods a Service selects. */
  podsByLabel: LabelIndex<Pod>;
  servicesByNamespace: Map<string, Service[]>;
  /** Endpoints by `namespace/name` (the Service's name). */
  endpoints: Map<string, Endpoints>;
  /** EndpointSlices by `namespace/<kubernetes.io/service-name label>`. */
  endpointSlices: Map<string, EndpointSlice[]>;
}

/**
 * Items of one cluster by namespace and by each `key=value` label pair: the posting lists a
 * selector intersects, so matching a selector costs the shortest list, not the namespace.
 */
export interface LabelIndex<T> {
  byNamespace: Map<string, T[]>;
  byLabel: Map<string, Map<string, T[]>>;
}

const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

/** `namespace/name`, the key of namespaced lookups. */
export function nsKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}/${name}`;
}

/** `Kind/namespace/name` of a workload controller. */
export function ownerKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** Builds the lookups of one cluster. */
export function indexCluster(cluster: SnapshotCluster): ClusterIndex {
  const configMaps = new Map(objectsOf<ConfigMap>(cluster, "ConfigMap").map((c) => [nsKey(c.metadata.namespace, c.metadata.name), c] as const));
  const namespaces = new Map(objectsOf<Namespace>(cluster, "Namespace").map((n) => [n.metadata.name, n] as const));
  const nodeList = objectsOf<Node>(cluster, "Node");
  const nodes = new Map(nodeList.map((n) => [n.metadata.name, n] as const));
  const pods = sortBySkv2(objectsOf<Pod>(cluster, "Pod"));
  return {
    cluster,
    configMaps,
    namespaces,
    nodes,
    firstNode: firstBySkv2(nodeList),
    podsByOwner: indexPodsByOwner(cluster, pods),
    podsByLabel: buildLabelIndex(pods, (p) => p.metadata.namespace ?? "", (p) => p.metadata.labels),
    servicesByNamespace: groupBy(objectsOf<Service>(cluster, "Service"), (s) => s.metadata.namespace ?? ""),
    endpoints: new Map(objectsOf<Endpoints>(cluster, "Endpoints").map((e) => [nsKey(e.metadata.namespace, e.metadata.name), e] as const)),
    endpointSlices: groupBy(
      objectsOf<EndpointSlice>(cluster, "EndpointSlice.discovery.k8s.io").filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] !== undefined),
      (s) => nsKey(s.metadata.namespace, s.metadata.labels?.[SERVICE_NAME_LABEL] ?? ""),
    ),
  };
}

/** The name of the controller ownerRef of `kind`, as Gloo's `getControllerName` finds it. */
export function controllerName(obj: KubeObject, kind: string): string | undefined {
  const refs: readonly OwnerReference[] = obj.metadata.ownerReferences ?? [];
  return refs.find((r) => r.controller === true && r.kind === kind)?.name;
}

/**
 * Pods grouped by the workload that owns them (reference §1.4): a Pod belongs to a Deployment when
 * its controller is a ReplicaSet, present in the same namespace, whose controller is that Deployment;
 * to a StatefulSet or DaemonSet when its own controller is. Pods without a controller are nobody's.
 */
function indexPodsByOwner(cluster: SnapshotCluster, pods: readonly Pod[]): Map<string, Pod[]> {
  const deploymentOfReplicaSet = new Map<string, string | undefined>();
  for (const rs of objectsOf<ReplicaSet>(cluster, "ReplicaSet.apps")) {
    deploymentOfReplicaSet.set(nsKey(rs.metadata.namespace, rs.metadata.name), controllerName(rs, "Deployment"));
  }
  const out = new Map<string, Pod[]>();
  const add = (key: string, pod: Pod) => pushTo(out, key, pod);
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? "";
    const rs = controllerName(pod, "ReplicaSet");
    const deployment = rs === undefined ? undefined : deploymentOfReplicaSet.get(nsKey(ns, rs));
    if (deployment !== undefined) add(ownerKey("Deployment", ns, deployment), pod);
    for (const kind of ["StatefulSet", "DaemonSet"]) {
      const name = controllerName(pod, kind);
      if (name !== undefined) add(ownerKey(kind, ns, name), pod);
    }
  }
  return out;
}

/** Indexes items by namespace and label pair, keeping their order in every list. */
export function buildLabelIndex<T>(items: Iterable<T>, namespaceOf: (item: T) => string, labelsOf: (item: T) => Labels | undefined): LabelIndex<T> {
  const byNamespace = new Map<string, T[]>();
  const byLabel = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const ns = namespaceOf(item);
    pushTo(byNamespace, ns, item);
    let pairs = byLabel.get(ns);
    if (!pairs) byLabel.set(ns, (pairs = new Map()));
    for (const [k, v] of Object.entries(labelsOf(item) ?? {})) pushTo(pairs, `${k}=${v}`, item);
  }
  return { byNamespace, byLabel };
}

/**
 * Items of a namespace whose labels contain every pair of `selector`, in index order. An empty
 * selector matches every item of the namespace, as Kubernetes' `SelectorFromSet` does.
 */
export function matchSelector<T>(index: LabelIndex<T>, namespace: string, selector: Labels, labelsOf: (item: T) => Labels | undefined): T[] {
  const entries = Object.entries(selector);
  if (entries.length === 0) return index.byNamespace.get(namespace) ?? [];
  const pairs = index.byLabel.get(namespace);
  if (!pairs) return [];
  let shortest: T[] | undefined;
  for (const [k, v] of entries) {
    const list = pairs.get(`${k}=${v}`);
    if (!list) return [];
    if (!shortest || list.length < shortest.length) shortest = list;
  }
  return (shortest ?? []).filter((item) => entries.every(([k, v]) => labelsOf(item)?.[k] === v));
}

/** Pods of a namespace that a Service-style selector matches, in skv2 order. */
export function podsMatching(index: ClusterIndex, namespace: string, selector: Labels): Pod[] {
  return matchSelector(index.podsByLabel, namespace, selector, (p) => p.metadata.labels);
}

function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Groups items by a key, keeping their order within each group. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    pushTo(out, key(item), item);
  }
  return out;
}

/** The first object in skv2 key order (see `skv2Key`). */
export function firstBySkv2<T extends KubeObject>(objects: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestKey = "";
  for (const o of objects) {
    const key = skv2Key(o.metadata.name, o.metadata.namespace ?? "");
    if (best === undefined || compareKeys(key, bestKey) < 0) {
      best = o;
      bestKey = key;
    }
  }
  return best;
}

/** A copy of `objects` in skv2 key order (keys computed once, not per comparison). */
export function sortBySkv2<T extends KubeObject>(objects: readonly T[]): T[] {
  return objects
    .map((o) => ({ o, key: skv2Key(o.metadata.name, o.metadata.namespace ?? "") }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((e) => e.o);
}
