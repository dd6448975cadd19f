import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { canonicalContent, parseItemYaml } from "@/lib/changes";
import type { DraftInput, DraftItem, DraftStatus, DraftSummary, DraftView } from "@/lib/views/drafts";
import { ApiError, notFound } from "../api/errors";
import { db } from "../db/client";

type Row = Awaited<ReturnType<ReturnType<typeof db>["draft"]["findFirstOrThrow"]>>;

/** sha256 of the items' canonical content: what a preview vouches for and apply checks. */
export function contentHashOf(items: readonly DraftItem[]): string {
  return createHash("sha256").update(canonicalContent(items)).digest("hex");
}

/**
 * Drafts in the database (issue 7 §2): a change set that survives reloads, failures and conflicts. Every
 * call names the owner; another user's draft is "not found". Saves carry the revision they were based on.
 */
export async function createDraft(owner: string, input: DraftInput): Promise<DraftView> {
  const items = input.items;
  const row = await db().draft.create({
    data: { id: randomUUID(), owner, title: input.title?.trim() || describe(items), status: "open", revision: 1, items: JSON.stringify(items), contentHash: contentHashOf(items) },
  });
  return view(row);
}

export async function listDrafts(owner: string, status: DraftStatus = "open"): Promise<DraftSummary[]> {
  const rows = await db().draft.findMany({ where: { owner, status }, orderBy: { updatedAt: "desc" }, take: 500 });
  return rows.map((r) => {
    const items = JSON.parse(r.items) as DraftItem[];
    return { id: r.id, title: r.title, owner: r.owner, status: r.status as DraftStatus, updatedAt: r.updatedAt.toISOString(), itemCount: items.length, clusters: [...new Set(items.map((i) => i.cluster))].sort(), description: describe(items) };
  });
}

export async function getDraft(owner: string, id: string): Promise<DraftView> {
  const row = await db().draft.findFirst({ where: { id, owner } });
  if (!row) throw notFound(`draft ${id}`);
  return view(row);
}

/** Saves new content if the draft is still at `revision`; 409 StaleRevision otherwise (another tab saved). */
export async function updateDraft(owner: string, id: string, revision: number, input: DraftInput): Promise<DraftView> {
  const current = await getDraft(owner, id);
  if (current.status !== "open") throw new ApiError(409, "DraftClosed", `draft ${id} is ${current.status}; start a new draft to change it again`);
  const data = { items: JSON.stringify(input.items), contentHash: contentHashOf(input.items), revision: revision + 1, ...(input.title !== undefined ? { title: input.title.trim() || current.title } : {}) };
  const { count } = await db().draft.updateMany({ where: { id, owner, revision }, data });
  if (count === 0) throw new ApiError(409, "StaleRevision", `draft ${id} was saved elsewhere (now revision ${current.revision}, this edit was based on ${revision}): reload it`);
  return getDraft(owner, id);
}

export async function setDraftStatus(owner: string, id: string, status: DraftStatus): Promise<void> {
  await db().draft.updateMany({ where: { id, owner }, data: { status } });
}

/** Records a successful preview, but only if the content has not moved on meanwhile. */
export async function markPreviewed(id: string, contentHash: string): Promise<void> {
  await db().draft.updateMany({ where: { id, contentHash }, data: { previewedHash: contentHash } });
}

function view(r: Row): DraftView {
  return {
    id: r.id, title: r.title, owner: r.owner, status: r.status as DraftStatus, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    revision: r.revision, items: JSON.parse(r.items) as DraftItem[], contentHash: r.contentHash, previewedHash: r.previewedHash,
  };
}

/** "update RouteTable bookinfo/reviews, create ..." from the items' base refs or YAML heads. */
function describe(items: readonly DraftItem[]): string {
  const one = (i: DraftItem) => {
    const { ref, raw } = i.base ? { ref: i.base.ref, raw: null } : parseItemYaml(i.cluster, i.yaml);
    // Work in progress may not parse or pass its schema yet: read what kind and name it has so far.
    const partial = (raw ?? {}) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    const kind = ref?.kind ?? (text(partial.kind) || "object");
    const namespace = ref ? ref.namespace : text(partial.metadata?.namespace);
    const name = ref?.name ?? text(partial.metadata?.name);
    return `${i.op} ${kind} ${namespace && name ? `${namespace}/` : ""}${name}`.trim();
  };
  const head = items.slice(0, 2).map(one).join(", ");
  return items.length > 2 ? `${head} and ${items.length - 2} more` : head;
}
