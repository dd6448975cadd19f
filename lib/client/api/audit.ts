import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { AuditEntryView, AuditFilters } from "@/lib/views/drafts";
import { fetchJson, type ListEnvelope } from "../fetch-json";

export type { AuditFilters };

/** `GET /api/v1/audit`: the append-only audit log, newest first, narrowed by the filters. */
export const auditQuery = (f: AuditFilters = {}) =>
  queryOptions({
    queryKey: ["audit", f.actor ?? "", f.action ?? "", f.result ?? "", f.cluster ?? "", f.kind ?? "", f.draft ?? ""],
    queryFn: () => fetchJson<ListEnvelope<AuditEntryView>>("/api/v1/audit", { ...f, limit: 500 }),
    placeholderData: keepPreviousData,
  });

export function useAudit(f: AuditFilters = {}) {
  return useQuery(auditQuery(f));
}
