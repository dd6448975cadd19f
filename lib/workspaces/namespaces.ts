import type { ClusterSelector, NamespaceSelector } from "../model/gloo-common";
import { matchesGlob, matchesLabels, type Labels } from "../snapshot/labels";
import { objectsOf, type Snapshot } from "../snapshot/snapshot";
import { KUBERNETES_CLUSTER_GK, NAMESPACE_GK, cmp } from "./kinds";

/**
 * The clusters and namespaces workspace selectors choose from, indexed so a selector costs the names it
 * could match rather than every namespace: exact names are Map hits, globs scan only the sorted range
 * that shares their literal prefix, label-only selectors start from a label posting list.
 */

/** The namespaces of one cluster. */
export interface ClusterNamespaces {
  cluster: string;
  /** Sorted namespace names. */
  names: string[];
  labels: Map<string, Labels>;
  /** `key=value` → sorted namespace names carrying that label. */
  byLabel: Map<string, string[]>;
}

/** Registered clusters (snapshot clusters) with their KubernetesCluster labels and namespaces. */
export interface ClusterCatalog {
  /** Snapshot cluster names, sorted. */
  clusters: string[];
  /** KubernetesCluster labels by cluster name (a cluster without a KubernetesCluster has none). */
  clusterLabels: Map<string, Labels>;
  namespaces: Map<string, ClusterNamespaces>;
}

/**
 * Builds the catalog. A namespace "exists" when a Namespace object or any namespaced object names it:
 * directory sources often hold manifests without their Namespace objects, and Gloo matches globs against
 * existing namespaces only (gloo-api-details §3.1).
 */
export function buildClusterCatalog(snapshot: Snapshot): ClusterCatalog {
  const clusterLabels = new Map<string, Labels>();
  for (const cluster of snapshot.clusters.filter((c) => c.management)) {
    for (const kc of objectsOf(cluster, KUBERNETES_CLUSTER_GK)) {
      if (!clusterLabels.has(kc.metadata.name)) clusterLabels.set(kc.metadata.name, kc.metadata.labels ?? {});
    }
  }
  const namespaces = new Map<string, ClusterNamespaces>();
  for (const cluster of snapshot.clusters) {
    const labels = new Map<string, Labels>();
    for (const ns of objectsOf(cluster, NAMESPACE_GK)) labels.set(ns.metadata.name, ns.metadata.labels ?? {});
    for (const list of cluster.byKind.values()) {
      for (const obj of list) {
        const name = obj.metadata.namespace;
        if (name && !labels.has(name)) labels.set(name, {});
      }
    }
    namespaces.set(cluster.name, indexNamespaces(cluster.name, labels));
  }
  return { clusters: snapshot.clusters.map((c) => c.name).sort(cmp), clusterLabels, namespaces };
}

function indexNamespaces(cluster: string, labels: Map<string, Labels>): ClusterNamespaces {
  const names = [...labels.keys()].sort(cmp);
  const byLabel = new Map<string, string[]>();
  for (const name of names) {
    for (const [k, v] of Object.entries(labels.get(name) ?? {})) {
      const key = `${k}=${v}`;
      const list = byLabel.get(key);
      if (list) list.push(name);
      else byLabel.set(key, [name]);
    }
  }
  return { cluster, names, labels, byLabel };
}

/**
 * The clusters a workloadClusters entry selects: `name` glob AND KubernetesCluster labels. An empty name
 * means any cluster and empty labels are ignored, so an entry with neither selects every cluster.
 */
export function selectClusters(catalog: ClusterCatalog, selector: ClusterSelector): string[] {
  const name = selector.name ?? "";
  const labels = selector.selector ?? {};
  return catalog.clusters.filter((c) => (name === "" || matchesGlob(name, c)) && matchesLabels(labels, catalog.clusterLabels.get(c) ?? {}));
}

/**
 * The namespaces of one cluster a namespace entry selects: `name` glob AND labels, where empty labels are
 * ignored (not "all") and an empty name means any namespace. Result sorted.
 */
export function selectNamespaces(ns: ClusterNamespaces | undefined, selector: NamespaceSelector): string[] {
  if (!ns) return [];
  const name = selector.name ?? "";
  const labels = selector.labels ?? {};
  const hasLabels = Object.keys(labels).length > 0;
  return candidates(ns, name, labels, hasLabels).filter((n) => (name === "" || matchesGlob(name, n)) && (!hasLabels || matchesLabels(labels, ns.labels.get(n))));
}

function candidates(ns: ClusterNamespaces, name: string, labels: Labels, hasLabels: boolean): readonly string[] {
  if (name !== "" && !name.includes("*")) return ns.labels.has(name) ? [name] : [];
  if (hasLabels) {
    let best: readonly string[] | undefined;
    for (const [k, v] of Object.entries(labels)) {
      const list = ns.byLabel.get(`${k}=${v}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }
  const prefix = name.slice(0, Math.max(0, name.indexOf("*")));
  return prefix === "" ? ns.names : prefixRange(ns.names, prefix);
}

/** The names in a sorted list that start with `prefix`, by binary search. */
function prefixRange(sorted: readonly string[], prefix: string): readonly string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? "") < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && (sorted[end] ?? "").startsWith(prefix)) end++;
  return sorted.slice(lo, end);
}
