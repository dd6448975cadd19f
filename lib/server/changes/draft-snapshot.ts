import "server-only";
import { applyChange } from "@/lib/validate";
import type { DraftView } from "@/lib/views/drafts";
import { badRequest } from "../api/errors";
import { derived, derivedOf, type Derived } from "../store/derived";
import type { MeshStore } from "../store/mesh-store";
import { changeOf, checkItems } from "./preview";

/**
 * Everything derived from the snapshot as it would be with the draft applied: lets the tracer (and any
 * other view) answer "what if" before anything is written. 400 naming the item while one does not parse.
 */
export async function derivedWithDraft(store: MeshStore, draft: DraftView): Promise<Derived> {
  const checked = await checkItems(store, draft.items);
  const change = changeOf(checked);
  if (!change) {
    const fields = checked.filter((c) => !c.object).map((c) => ({ field: `draft.items[${c.index}]`, reason: "FieldValueInvalid" as const, message: `draft.items[${c.index}]: must parse and pass its schema (${c.errors[0]?.message ?? "it does not"})` }));
    throw badRequest(`draft ${draft.id} cannot be applied to the snapshot: ${fields.map((f) => f.message).join("; ")}`, fields);
  }
  return derivedOf(applyChange(derived(store).snapshot, change), store);
}
