import type { WorkspaceObjectSelector } from "../model/gloo-admin";
import type { ObjectRef } from "../snapshot/ref";
import { entryAdmits, matchesWorkspace } from "./selectors";
import type { CatalogEntry, WorkspaceInfo } from "./types";

/**
 * Why an object is or is not visible to a workspace, for messages and the UI:
 * `owned` / `imported` (visible), `unowned` (no single workspace owns it), `not-exportable` (a policy or
 * other private kind), `not-exported` (the owner's exportTo admits it to nobody matching the consumer),
 * `not-imported` (the owner exports it, but the consumer's importFrom does not take it).
 */
export type VisibilityReason = "owned" | "imported" | "unowned" | "not-exportable" | "not-exported" | "not-imported";

/** Decides the reason from the owner's and the consumer's settings (both sides must agree). */
export function explainVisibility(
  ref: ObjectRef,
  to: string,
  lookup: { entry(ref: ObjectRef): CatalogEntry | undefined; workspace(name: string): WorkspaceInfo | undefined; workspaceOfObject(ref: ObjectRef): string | undefined },
): VisibilityReason {
  const owner = lookup.workspaceOfObject(ref);
  if (owner === undefined) return "unowned";
  if (owner === to) return "owned";
  const entry = lookup.entry(ref);
  if (!entry || !entry.exportable) return "not-exportable";
  const ownerWs = lookup.workspace(owner);
  const consumer = lookup.workspace(to);
  if (!ownerWs || !consumer || !admitsFor(ownerWs.settings?.exportTo ?? [], consumer, entry)) return "not-exported";
  if (!admitsFor(consumer.settings?.importFrom ?? [], ownerWs, entry)) return "not-imported";
  return "imported";
}

function admitsFor(entries: readonly WorkspaceObjectSelector[], other: WorkspaceInfo, object: CatalogEntry): boolean {
  return entries.some((e) => (e.workspaces ?? []).some((s) => matchesWorkspace(s, other)) && entryAdmits(e, object));
}
