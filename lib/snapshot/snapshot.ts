import type { KubeObject } from "../model/meta";
import { groupKind, splitApiVersion } from "../model/registry";

/** One registered cluster's objects at one moment, indexed by group-kind (`Deployment.apps`, `Pod`). */
export interface SnapshotCluster {
  name: string;
  /** True for the management cluster, where Workspaces and KubernetesClusters live. */
  management: boolean;
  byKind: ReadonlyMap<string, readonly KubeObject[]>;
}

/**
 * The immutable multi-cluster view every pure function reads. `version` grows with every change so
 * callers can cache derived results per version.
 */
export interface Snapshot {
  version: number;
  clusters: readonly SnapshotCluster[];
}

/** The group-kind key of an object (`Deployment.apps`). */
export function objectGroupKind(obj: KubeObject): string {
  return groupKind(splitApiVersion(obj.apiVersion).group, obj.kind);
}

/** Indexes a cluster's objects by group-kind, each list in namespace/name order. */
export function buildSnapshotCluster(name: string, management: boolean, objects: Iterable<KubeObject>): SnapshotCluster {
  const byKind = new Map<string, KubeObject[]>();
  for (const obj of objects) {
    const key = objectGroupKind(obj);
    const list = byKind.get(key);
    if (list) list.push(obj);
    else byKind.set(key, [obj]);
  }
  for (const list of byKind.values()) list.sort(compareByNamespaceName);
  return { name, management, byKind };
}

/** Assembles clusters (in name order) into a snapshot. */
export function buildSnapshot(version: number, clusters: readonly SnapshotCluster[]): Snapshot {
  return { version, clusters: [...clusters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** The objects of one group-kind in one cluster (empty when none). */
export function objectsOf<T extends KubeObject = KubeObject>(cluster: SnapshotCluster, gk: string): readonly T[] {
  return (cluster.byKind.get(gk) ?? []) as readonly T[];
}

/** Every object of one group-kind across clusters, with its cluster. */
export function allObjectsOf<T extends KubeObject = KubeObject>(snapshot: Snapshot, gk: string): { cluster: string; object: T }[] {
  return snapshot.clusters.flatMap((c) => objectsOf<T>(c, gk).map((object) => ({ cluster: c.name, object })));
}

function compareByNamespaceName(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? "";
  const bn = b.metadata.namespace ?? "";
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
