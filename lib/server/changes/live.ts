import "server-only";
import { parse, stringify } from "yaml";
import { normalizeObject, structuredDiff } from "@/lib/diff";
import type { KubeObject } from "@/lib/model/meta";
import { groupKind } from "@/lib/model/registry";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { ConflictView, DraftItem } from "@/lib/views/drafts";
import type { ObjectWriter } from "../sources/types";
import type { MeshStore } from "../store/mesh-store";

/** The writer and management flag of a registered cluster, or null if no such cluster. */
export function clusterTarget(store: MeshStore, cluster: string): { writer: ObjectWriter | null; management: boolean } | null {
  const entry = store.clusters().find((c) => c.store.name === cluster);
  if (!entry) return null;
  return { writer: entry.source.writer ?? null, management: store.config.clusters.find((c) => c.name === cluster)?.management ?? false };
}

/**
 * The object as it is now: read from the API server in full (with resourceVersion and managedFields), or
 * from the snapshot for directory sources. Null when it does not exist.
 */
export async function liveObject(store: MeshStore, ref: ObjectRef): Promise<KubeObject | null> {
  const entry = store.clusters().find((c) => c.store.name === ref.cluster);
  if (!entry) return null;
  const gk = groupKind(ref.group, ref.kind);
  if (entry.source.fetchObject) {
    try {
      return await entry.source.fetchObject(gk, ref.namespace, ref.name);
    } catch {
      return null;
    }
  }
  const cluster = store.snapshot().clusters.find((c) => c.name === ref.cluster);
  return cluster?.byKind.get(gk)?.find((o) => (o.metadata.namespace ?? "") === ref.namespace && o.metadata.name === ref.name) ?? null;
}

/** Canonical YAML of an object for diffs: server fields and status stripped, keys sorted. */
export function canonicalYaml(object: KubeObject | null): string {
  return object ? stringify(normalizeObject(object), { sortMapEntries: true }) : "";
}

/**
 * Whether the object moved since the edit started: another resourceVersion (API servers) or other content
 * (directories). Shows what changed underneath, base → live.
 */
export function conflictOf(item: DraftItem, ref: ObjectRef, live: KubeObject | null, fields: ConflictView["fields"] = []): ConflictView | null {
  const base = item.base;
  const liveRv = live?.metadata.resourceVersion ?? null;
  const baseObject = base ? (parse(base.yaml) as KubeObject) : null;
  const moved = base !== undefined && (live === null || (base.resourceVersion !== null ? base.resourceVersion !== liveRv : canonicalYaml(baseObject) !== canonicalYaml(live)));
  if (!moved && fields.length === 0) return null;
  const changedUnderneath = baseObject && live ? structuredDiff(normalizeObject(baseObject), normalizeObject(live)) : [];
  const message = live === null
    ? `${ref.kind} ${ref.namespace}/${ref.name} was deleted after this edit started`
    : fields.length > 0
      ? `fields this change sets are owned by ${[...new Set(fields.map((f) => f.manager))].join(", ")}`
      : `${ref.kind} ${ref.namespace}/${ref.name} changed after this edit started`;
  return { ref, message, baseResourceVersion: base?.resourceVersion ?? null, liveResourceVersion: liveRv, fields, changedUnderneath, liveYaml: canonicalYaml(live) };
}
