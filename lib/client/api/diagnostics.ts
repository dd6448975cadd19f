import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { CatalogueView, DiagnosticFilters, DiagnosticListItem } from "@/lib/views/diagnostics";
import { fetchJson, type ListEnvelope } from "../fetch-json";
import type { ListFilters } from "./list";

/** Filters of `GET /api/v1/diagnostics`; empty strings mean "any". `involved`: match any involved object. */
export type DiagnosticQuery = ListFilters & DiagnosticFilters & { involved?: "true" };

/** `GET /api/v1/diagnostics`: validation diagnostics with catalogue codes, at their offending object. */
export const diagnosticsQuery = (f: DiagnosticQuery = {}) =>
  queryOptions({
    queryKey: ["diagnostics", f.cluster ?? "", f.namespace ?? "", f.name ?? "", f.kind ?? "", f.code ?? "", f.severity ?? "", f.workspace ?? "", f.q ?? "", f.involved ?? ""],
    queryFn: () => fetchJson<ListEnvelope<DiagnosticListItem>>("/api/v1/diagnostics", { limit: 5000, ...f }),
    placeholderData: keepPreviousData,
  });

export function useDiagnostics(f: DiagnosticQuery = {}) {
  return useQuery(diagnosticsQuery(f));
}

/** The diagnostics that involve this object, first or not (`kind` as `Kind` or `Kind.group`). */
export function useObjectDiagnostics(o: { cluster: string; namespace: string; name: string; kind: string }) {
  return useQuery({ ...diagnosticsQuery({ cluster: o.cluster, namespace: o.namespace, name: o.name, kind: o.kind, involved: "true" }), placeholderData: undefined });
}

/** `GET /api/v1/catalogue`: every validation code. */
export const catalogueQuery = queryOptions({ queryKey: ["catalogue"], queryFn: () => fetchJson<CatalogueView>("/api/v1/catalogue") });

export function useCatalogue() {
  return useQuery(catalogueQuery);
}
