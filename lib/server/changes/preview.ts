import "server-only";
import { checkLocation, parseItemYaml } from "@/lib/changes";
import { structuredDiff, normalizeObject } from "@/lib/diff";
import type { FieldError } from "@/lib/model/errors";
import type { KubeObject } from "@/lib/model/meta";
import { refKey, type ObjectRef } from "@/lib/snapshot/ref";
import { previewChange, type Change } from "@/lib/validate";
import type { DraftItem, DraftPreview, DraftView, DryRunView, ItemPreview } from "@/lib/views/drafts";
import { previewView } from "@/lib/views/translation";
import { appendAudit } from "../audit/log";
import { markPreviewed } from "../drafts/repo";
import type { HeaderLine, ObjectWriter, WriteOptions, WriteOutcome } from "../sources/types";
import { derived, previewBuilders } from "../store/derived";
import type { MeshStore } from "../store/mesh-store";
import { canonicalYaml, clusterTarget, conflictOf, liveObject } from "./live";

/** Who is previewing and how their writes are sent. */
export interface Actor {
  name: string;
  /** Impersonation headers for API-server writes. */
  headers: readonly HeaderLine[];
}

/** One item checked and parsed, before anything is sent. */
export interface CheckedItem {
  item: DraftItem;
  index: number;
  object: KubeObject | null;
  /** The parsed YAML even when it fails its schema, for the diff. */
  raw: unknown;
  ref: ObjectRef | null;
  errors: FieldError[];
  live: KubeObject | null;
}

/** Parses every item and applies the identity and location rules; reads each object's live version. */
export async function checkItems(store: MeshStore, items: readonly DraftItem[]): Promise<CheckedItem[]> {
  const d = derived(store);
  return Promise.all(items.map(async (item, index): Promise<CheckedItem> => {
    const target = clusterTarget(store, item.cluster);
    const parsed = parseItemYaml(item.cluster, item.yaml);
    const errors = [...parsed.errors];
    if (!target) errors.push({ field: "cluster", reason: "FieldValueNotSupported", message: `cluster: must be a registered cluster (${item.cluster} is not)` });
    const ref = parsed.ref ?? item.base?.ref ?? null;
    const live = ref && target ? await liveObject(store, ref) : null;
    if (parsed.object && target) {
      errors.push(...checkLocation(parsed.object, { cluster: item.cluster, management: target.management }, d.snapshot, d.workspaces));
      errors.push(...identityErrors(item, parsed.ref!, live));
    }
    return { item, index, object: parsed.object, raw: parsed.raw, ref, errors, live };
  }));
}

function identityErrors(item: DraftItem, ref: ObjectRef, live: KubeObject | null): FieldError[] {
  if (item.op === "create") {
    return live ? [{ field: "metadata.name", reason: "FieldValueDuplicate", message: `metadata.name: must not name an existing ${ref.kind} (${ref.namespace}/${ref.name} exists; edit it instead)` }] : [];
  }
  if (item.base && refKey(item.base.ref) !== refKey(ref)) {
    return [{ field: "metadata.name", reason: "FieldValueInvalid", message: `metadata.name: must stay ${item.base.ref.namespace}/${item.base.ref.name} (kind, namespace and name are the object's identity; clone it to make a copy)` }];
  }
  return [];
}

/** Sends one checked item to its writer: a delete, or an apply of the object. */
export function writeItem(writer: ObjectWriter, c: CheckedItem & { object: KubeObject }, opts: WriteOptions): Promise<WriteOutcome> {
  return c.item.op === "delete" ? writer.remove(c.object, opts) : writer.apply(c.object, opts);
}

/** The server's (or directory's) dry run of one checked item. */
export async function dryRunItem(store: MeshStore, c: CheckedItem, actor: Actor): Promise<WriteOutcome | null> {
  const writer = clusterTarget(store, c.item.cluster)?.writer;
  if (c.errors.length > 0 || !c.object || !writer) return null;
  return writeItem(writer, { ...c, object: c.object }, { dryRun: true, force: false, headers: actor.headers, resourceVersion: c.item.base?.resourceVersion ?? null });
}

/**
 * Previews a draft as it stands (issue 7 §3): field errors, the dry run, the object diff against live, any
 * conflict, and the Istio outputs and diagnostics it would change. Each dry run is audited; a clean preview
 * is recorded on the draft so Apply can be enabled for exactly this content.
 */
export async function previewDraft(store: MeshStore, draft: DraftView, actor: Actor): Promise<DraftPreview> {
  const checked = await checkItems(store, draft.items);
  const items = await Promise.all(checked.map(async (c): Promise<ItemPreview> => {
    const outcome = await dryRunItem(store, c, actor);
    const conflict = c.ref ? conflictOf(c.item, c.ref, c.live, outcome?.conflicts ?? []) : null;
    const after = c.item.op === "delete" ? null : (outcome?.object ?? c.object ?? asObject(c.raw));
    if (outcome && c.ref) await appendAudit({ actor: actor.name, action: "dry-run", draftId: draft.id, cluster: c.item.cluster, objects: [c.ref], result: outcome.ok ? "success" : outcome.conflicts.length > 0 ? "conflict" : "failure", status: outcome.status, message: outcome.message, diff: canonicalYaml(after) });
    return {
      index: c.index, ref: c.ref, fieldErrors: c.errors, dryRun: dryRunView(c, outcome), conflict,
      diff: { before: canonicalYaml(c.live), after: canonicalYaml(after), entries: structuredDiff(c.live ? normalizeObject(c.live) : {}, after ? normalizeObject(after) : {}) },
    };
  }));
  const ok = items.every((i) => i.fieldErrors.length === 0 && i.dryRun.ok && i.conflict === null);
  if (ok) await markPreviewed(draft.id, draft.contentHash);
  return { contentHash: draft.contentHash, ok, items, translation: translationOf(store, checked) };
}

function asObject(raw: unknown): KubeObject | null {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? ({ metadata: {}, ...raw } as KubeObject) : null;
}

function dryRunView(c: CheckedItem, outcome: WriteOutcome | null): DryRunView {
  if (!outcome) return { ok: false, status: null, message: c.errors.length > 0 ? "not sent: the field errors must be fixed first" : "not sent: this cluster cannot be written to", causes: [] };
  return { ok: outcome.ok, status: outcome.status, message: outcome.message, causes: outcome.causes };
}

function translationOf(store: MeshStore, checked: readonly CheckedItem[]) {
  const change = changeOf(checked);
  if (!change) return null;
  const d = derived(store);
  return previewView(previewChange(d.snapshot, change, previewBuilders(store), { snapshot: d.snapshot, translation: d.translation, diagnostics: d.diagnostics }));
}

/** The draft as a change to the snapshot; null while an item does not parse. */
export function changeOf(checked: readonly CheckedItem[]): Change | null {
  if (checked.some((c) => !c.object)) return null;
  const change: Change = { added: [], changed: [], deleted: [] };
  for (const c of checked) {
    const entry = { cluster: c.item.cluster, object: c.object! };
    if (c.item.op === "delete") change.deleted.push(entry);
    else if (c.live) change.changed.push(entry);
    else change.added.push(entry);
  }
  return change;
}
