import "server-only";
import { groupKind, kindByGroupKind, splitApiVersion } from "@/lib/model/registry";
import type { Snapshot } from "@/lib/snapshot/snapshot";
import type { ObjectView } from "@/lib/views/objects";
import type { MeshStore } from "../store/mesh-store";

/**
 * Raw objects of a kind across clusters. `kind` is a group-kind (`RouteTable.networking.gloo.solo.io`)
 * or a bare kind (`Deployment`), which matches that kind in any group.
 */
export function listObjects(snapshot: Snapshot, kind: string, name?: string): ObjectView[] {
  const exact = kind.includes(".") || kindByGroupKind(kind) !== undefined;
  const out: ObjectView[] = [];
  for (const cluster of snapshot.clusters) {
    for (const [gk, objects] of cluster.byKind) {
      if (exact ? gk !== kind : gk.split(".")[0] !== kind) continue;
      for (const object of objects) {
        if (name !== undefined && object.metadata.name !== name) continue;
        const group = splitApiVersion(object.apiVersion).group;
        out.push({ cluster: cluster.name, namespace: object.metadata.namespace ?? "", name: object.metadata.name, kind: object.kind, group, object });
      }
    }
  }
  return out;
}

/** Every group-kind present in the snapshot, with counts, for the kind picker. */
export function kindCounts(snapshot: Snapshot): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of snapshot.clusters) for (const [gk, list] of c.byKind) counts.set(gk, (counts.get(gk) ?? 0) + list.length);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind));
}

/**
 * The object in full: from the source when it keeps slim copies (Kubernetes clusters), else as held.
 * If the API server cannot be reached the held copy is answered, so a detail page still shows something.
 */
export async function fullObject(store: MeshStore, item: ObjectView): Promise<ObjectView> {
  const source = store.clusters().find((c) => c.store.name === item.cluster)?.source;
  if (!source?.fetchObject) return item;
  try {
    const object = await source.fetchObject(groupKind(item.group, item.kind), item.namespace, item.name);
    return object ? { ...item, object } : item;
  } catch {
    return item;
  }
}
