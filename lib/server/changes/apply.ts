import "server-only";
import { parse, stringify } from "yaml";
import { rebaseEdit } from "@/lib/changes";
import type { KubeObject } from "@/lib/model/meta";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { ApplyItemResult, ApplyResult, DraftView } from "@/lib/views/drafts";
import { appendAudit } from "../audit/log";
import { ApiError } from "../api/errors";
import { getDraft, setDraftStatus, updateDraft } from "../drafts/repo";
import type { ObjectWriter } from "../sources/types";
import type { MeshStore } from "../store/mesh-store";
import { canonicalYaml, clusterTarget, conflictOf, liveObject } from "./live";
import { checkItems, writeItem, type Actor, type CheckedItem } from "./preview";

/**
 * Applies a previewed draft (issue 7 §4): only content that had a clean preview, item by item in order,
 * stopping at the first failure. API servers get server-side apply (field manager `meshpane`, forced only
 * when a platform admin asks); directories get their file rewritten. Nothing is patched into the store:
 * the change comes back through the source's watch. Every attempt is audited.
 */
export async function applyDraft(store: MeshStore, draft: DraftView, contentHash: string, force: boolean, actor: Actor): Promise<ApplyResult> {
  if (draft.status !== "open") throw new ApiError(409, "DraftClosed", `draft ${draft.id} is ${draft.status}`);
  if (contentHash !== draft.contentHash) throw new ApiError(409, "StaleContent", "the draft changed since it was previewed: preview it again");
  // A forced apply exists for conflicts, whose preview can never be clean: it gets a forced dry run instead.
  if (!force && draft.previewedHash !== draft.contentHash) {
    throw new ApiError(409, "PreviewRequired", "apply needs a successful preview of exactly this content: preview the draft again");
  }
  const checked = await checkItems(store, draft.items);
  if (force) {
    const refused = await forcedDryRun(store, checked, actor);
    if (refused.length > 0) return { ok: false, items: refused, draft };
  }
  const results: ApplyItemResult[] = [];
  for (const c of checked) {
    const { writer, item, ref } = writable(store, c);
    const moved = force ? null : conflictOf(c.item, ref, c.live);
    const opts = { dryRun: false, force, headers: actor.headers, resourceVersion: force ? null : (c.item.base?.resourceVersion ?? null) };
    const outcome = moved ? null : await writeItem(writer, item, opts);
    const conflict = moved ?? (outcome && outcome.conflicts.length > 0 ? conflictOf(c.item, ref, c.live, outcome.conflicts) : null);
    const status = outcome?.status ?? 409;
    const result: ApplyItemResult = { index: c.index, ref, ok: outcome?.ok ?? false, status, message: conflict?.message ?? outcome?.message ?? "", causes: outcome?.causes ?? [], conflict };
    results.push(result);
    await appendAudit({ actor: actor.name, action: force ? "force-apply" : "apply", draftId: draft.id, cluster: c.item.cluster, objects: [ref], result: result.ok ? "success" : conflict ? "conflict" : status === 403 ? "denied" : "failure", status, message: result.message, diff: canonicalYaml(c.item.op === "delete" ? null : c.object) });
    if (!result.ok) break;
  }
  const ok = results.length === checked.length && results.every((r) => r.ok);
  if (ok) await setDraftStatus(draft.owner, draft.id, "applied");
  return { ok, items: results, draft: await getDraft(draft.owner, draft.id) };
}

/** The item with its object, identity and writer, or a 409 when it no longer passes its checks. */
function writable(store: MeshStore, c: CheckedItem): { writer: ObjectWriter; item: CheckedItem & { object: KubeObject }; ref: ObjectRef } {
  const writer = clusterTarget(store, c.item.cluster)?.writer;
  if (!c.object || !c.ref || !writer || c.errors.length > 0) {
    throw new ApiError(409, "PreviewRequired", `item ${c.index} does not pass its checks (${c.errors.map((e) => e.message).join("; ") || "cluster cannot be written"}): fix it and preview again`);
  }
  return { writer, item: { ...c, object: c.object }, ref: c.ref };
}

/** Dry runs every item with force; answers the failures (nothing is written when there is one). */
async function forcedDryRun(store: MeshStore, checked: readonly CheckedItem[], actor: Actor): Promise<ApplyItemResult[]> {
  const failures: ApplyItemResult[] = [];
  for (const c of checked) {
    const { writer, item, ref } = writable(store, c);
    const outcome = await writeItem(writer, item, { dryRun: true, force: true, headers: actor.headers });
    if (!outcome.ok) failures.push({ index: c.index, ref, ok: false, status: outcome.status, message: `forced dry run refused: ${outcome.message}`, causes: outcome.causes, conflict: null });
  }
  return failures;
}

/**
 * "Reload and reapply": replays the user's edit of one item onto the live object and makes live the new
 * base; the draft then needs a fresh preview.
 */
export async function rebaseDraftItem(store: MeshStore, draft: DraftView, index: number): Promise<DraftView> {
  const item = draft.items[index];
  if (!item?.base) throw new ApiError(400, "BadRequest", `index: must be an update or delete item of this draft (0..${draft.items.length - 1})`, [{ field: "index", reason: "FieldValueInvalid", message: "index: must name an update or delete item" }]);
  const live = await liveObject(store, item.base.ref);
  if (!live) throw new ApiError(409, "Gone", `${item.base.ref.kind} ${item.base.ref.namespace}/${item.base.ref.name} no longer exists: discard this item or recreate the object`);
  const base = parse(item.base.yaml) as KubeObject;
  let yaml = item.yaml;
  if (item.op === "update") {
    const mine = parse(item.yaml) as KubeObject | null;
    if (mine && typeof mine === "object") yaml = stringify(rebaseEdit(base, mine, live).object);
  } else yaml = canonicalYaml(live);
  const items = draft.items.map((it, i) => (i === index ? { ...it, yaml, base: { ref: it.base!.ref, resourceVersion: live.metadata.resourceVersion ?? null, yaml: canonicalYaml(live) } } : it));
  return updateDraft(draft.owner, draft.id, draft.revision, { title: draft.title, items });
}
