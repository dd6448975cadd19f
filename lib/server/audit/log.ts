import "server-only";
import { createHash } from "node:crypto";
import { groupKind } from "@/lib/model/registry";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { AuditAction, AuditEntryView, AuditFilters, AuditResult } from "@/lib/views/drafts";
import { db } from "../db/client";
import { auditWrites } from "../metrics/registry";

/** What one audited write or dry run was; `diff` is the canonical diff that was sent (only its sha256 is kept). */
export type AuditRecord = Omit<AuditEntryView, "id" | "at" | "diffHash"> & { diff: string };

/** Filters and paging of `GET /api/v1/audit`. */
export type AuditQuery = AuditFilters & { limit: number; continue?: string };

/**
 * The audit log (issue 7 §5) is append-only: this module is the only code that touches the table, and it
 * has no update or delete path (a test checks that no other file names it).
 */
export async function appendAudit(r: AuditRecord): Promise<void> {
  // Lower-case, and the filter lower-cases its query: `contains` is case-sensitive on PostgreSQL only.
  const kinds = [...new Set(r.objects.map((o) => groupKind(o.group, o.kind).toLowerCase()))].join(" ");
  await db().auditEntry.create({
    data: { actor: r.actor, action: r.action, draftId: r.draftId, cluster: r.cluster, objects: JSON.stringify(r.objects), kinds, result: r.result, status: r.status, message: r.message.slice(0, 2000), diffHash: createHash("sha256").update(r.diff).digest("hex") },
  });
  auditWrites.inc(r.action);
}

/** Newest first; `continue` is the sequence number to continue below. */
export async function listAudit(q: AuditQuery): Promise<{ items: AuditEntryView[]; continue?: string; total: number }> {
  const where = {
    ...(q.actor ? { actor: q.actor } : {}), ...(q.action ? { action: q.action } : {}), ...(q.result ? { result: q.result } : {}),
    ...(q.cluster ? { cluster: q.cluster } : {}), ...(q.draft ? { draftId: q.draft } : {}), ...(q.kind ? { kinds: { contains: q.kind.toLowerCase() } } : {}),
  };
  const below = q.continue && /^\d+$/.test(q.continue) ? { seq: { lt: Number(q.continue) } } : {};
  const [rows, total] = await Promise.all([
    db().auditEntry.findMany({ where: { ...where, ...below }, orderBy: { seq: "desc" }, take: q.limit + 1 }),
    db().auditEntry.count({ where }),
  ]);
  const page = rows.slice(0, q.limit);
  const items = page.map((r): AuditEntryView => ({
    id: String(r.seq), at: r.at.toISOString(), actor: r.actor, action: r.action as AuditAction, draftId: r.draftId, cluster: r.cluster,
    objects: JSON.parse(r.objects) as ObjectRef[], result: r.result as AuditResult, status: r.status, message: r.message, diffHash: r.diffHash,
  }));
  const last = page[page.length - 1];
  return { items, total, ...(rows.length > q.limit && last ? { continue: String(last.seq) } : {}) };
}
