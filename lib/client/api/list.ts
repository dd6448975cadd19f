import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import { fetchJson, type ListEnvelope } from "../fetch-json";

/** Filters every list endpoint accepts; empty strings mean "any". */
export interface ListFilters {
  cluster?: string;
  namespace?: string;
  name?: string;
  q?: string;
}

/**
 * Builds the typed fetcher, query-options factory and hook of one list resource. Query keys carry the
 * resource and its filters, so the SSE-driven invalidation refreshes exactly what is on screen.
 */
export function listResource<T>(resource: string) {
  const fetchList = (filters: ListFilters = {}) => fetchJson<ListEnvelope<T>>(`/api/v1/${resource}`, { limit: 5000, ...filters });
  const options = (filters: ListFilters = {}) =>
    queryOptions({ queryKey: [resource, filters.cluster ?? "", filters.namespace ?? "", filters.name ?? "", filters.q ?? ""], queryFn: () => fetchList(filters), placeholderData: keepPreviousData });
  const useList = (filters: ListFilters = {}) => useQuery(options(filters));
  /** One item by cluster, namespace and name (null when absent). */
  const useOne = (cluster: string, namespace: string, name: string) => {
    const result = useQuery(options({ cluster, namespace: namespace === "" ? undefined : namespace, name }));
    const item = result.data?.items.find((i) => (i as { namespace: string }).namespace === namespace) ?? null;
    return { ...result, item };
  };
  return { fetchList, options, useList, useOne };
}
