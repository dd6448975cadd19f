import type { DraftItem } from "../views/drafts";

/**
 * The canonical text of a draft's items, hashed by the server: what a preview vouches for and apply checks.
 * Includes the base resourceVersion, so a rebase needs a fresh preview.
 */
export function canonicalContent(items: readonly DraftItem[]): string {
  return JSON.stringify(items.map((i) => [i.op, i.cluster, i.yaml, i.base ? [i.base.ref.group, i.base.ref.kind, i.base.ref.namespace, i.base.ref.name, i.base.resourceVersion] : null]));
}
