import "server-only";
import { z } from "zod";
import { badRequest } from "./errors";

/** Query parameters every list endpoint accepts. */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1, "must be at least 1").max(5000, "must be at most 5000").default(500),
  continue: z.string().optional(),
  cluster: z.string().optional(),
  namespace: z.string().optional(),
  /** Exact name, for detail views. */
  name: z.string().optional(),
  q: z.string().optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

/** Every list item names where it lives. */
export interface Listed {
  cluster: string;
  namespace: string;
  name: string;
}

export interface ListResponse<T> {
  items: T[];
  continue?: string;
  total: number;
}

/**
 * Filters by cluster, namespace and free text (`q`, matched case-insensitively against name,
 * namespace, cluster and `searchText`), sorts by cluster/namespace/name, and pages. The continue
 * token names the last key served, so a page boundary stays stable while the snapshot changes
 * underneath, as with the Kubernetes API.
 */
export function listResponse<T extends Listed>(all: readonly T[], query: ListQuery, searchText: (item: T) => string = () => ""): ListResponse<T> {
  const q = query.q?.trim().toLowerCase();
  const filtered = all
    .filter((i) => (!query.cluster || i.cluster === query.cluster) && (query.namespace === undefined || i.namespace === query.namespace) && (!query.name || i.name === query.name))
    .filter((i) => !q || `${i.name} ${i.namespace} ${i.cluster} ${searchText(i)}`.toLowerCase().includes(q))
    .map((item) => ({ item, key: itemKey(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = query.continue ? decodeContinue(query.continue) : null;
  const start = after === null ? 0 : firstAfter(filtered, after);
  const page = filtered.slice(start, start + query.limit);
  const last = page[page.length - 1];
  const more = start + query.limit < filtered.length && last !== undefined;
  return { items: page.map((p) => p.item), total: filtered.length, ...(more ? { continue: encodeContinue(last.key) } : {}) };
}

function itemKey(i: Listed): string {
  return `${i.cluster}\u0000${i.namespace}\u0000${i.name}`;
}

function firstAfter(sorted: readonly { key: string }[], after: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.key <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function encodeContinue(key: string): string {
  return Buffer.from(JSON.stringify({ after: key })).toString("base64url");
}

function decodeContinue(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof parsed.after === "string") return parsed.after;
  } catch {
    // fall through to the error below
  }
  throw badRequest("continue: must be a token returned by a previous page of this list", [{ field: "continue", reason: "FieldValueInvalid", message: "continue: must be a token returned by a previous page of this list" }]);
}
