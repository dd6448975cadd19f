import type { TypedObjectSelector, WorkspaceObjectSelector } from "../model/gloo-admin";
import type { WorkspaceSelector } from "../model/gloo-common";
import { matchesGlob, matchesLabels } from "../snapshot/labels";
import { resourceKindMatches } from "./kinds";
import type { WorkspaceDecl } from "./membership";
import type { CatalogEntry } from "./types";

/**
 * Selector matching for import/export (reference §3 item 2; gloo-api-details §3.4 rules 2–3).
 */

/**
 * True when a WorkspaceSelector picks the workspace: `name` exact or `*`-glob AND labels (both optional).
 * An entirely empty selector `{}` picks every workspace (empty fields mean "any", as in ObjectSelector).
 */
export function matchesWorkspace(selector: WorkspaceSelector, ws: Pick<WorkspaceDecl, "name" | "labels">): boolean {
  const name = selector.name ?? "";
  if (name !== "" && !matchesGlob(name, ws.name)) return false;
  return matchesLabels(selector.selector ?? {}, ws.labels);
}

/**
 * The workspaces an import or export entry names, other than `self`. Entries without `workspaces` name
 * none. Exact names are a Map hit; globs and label selectors scan the workspace list once per selector.
 */
export function selectWorkspaces(entry: WorkspaceObjectSelector, self: string, all: readonly WorkspaceDecl[], byName: ReadonlyMap<string, WorkspaceDecl>): string[] {
  const out = new Set<string>();
  for (const selector of entry.workspaces ?? []) {
    const name = selector.name ?? "";
    if (name !== "" && !name.includes("*")) {
      const ws = byName.get(name);
      if (ws && matchesWorkspace(selector, ws)) out.add(ws.name);
      continue;
    }
    for (const ws of all) if (matchesWorkspace(selector, ws)) out.add(ws.name);
  }
  out.delete(self);
  return [...out];
}

/** True when one resource filter matches an object: kind, labels, name, namespace and cluster (empty = any). */
export function matchesResource(filter: TypedObjectSelector, entry: CatalogEntry): boolean {
  if (!resourceKindMatches(filter.kind, entry.gk)) return false;
  if (filter.name && filter.name !== entry.ref.name) return false;
  if (filter.namespace && filter.namespace !== entry.ref.namespace) return false;
  if (filter.cluster && filter.cluster !== entry.ref.cluster) return false;
  return matchesLabels(filter.labels ?? {}, entry.object.metadata.labels ?? {});
}

/** True when an import/export entry admits an exportable object: no `resources` admits every exportable kind. */
export function entryAdmits(entry: WorkspaceObjectSelector, object: CatalogEntry): boolean {
  if (!object.exportable) return false;
  const resources = entry.resources ?? [];
  if (resources.length === 0) return true;
  return resources.some((r) => matchesResource(r, object));
}
