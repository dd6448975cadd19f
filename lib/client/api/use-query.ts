import { useQuery as useTanstackQuery, type DefaultError, type QueryKey, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { useHydrated } from "../use-hydrated";

/**
 * TanStack's `useQuery`, except that a component that is hydrating sees what the server rendered:
 * a query still loading. The server never has query data, but the parts of a page inside a
 * `<Suspense>` hydrate after the shell, and on a slow client the shell's own queries (the clusters
 * list) may have answered by then. Rendering that data while hydrating is a mismatch, so React
 * would throw the server's HTML away and rebuild it, losing a click that was landing on it.
 * React renders again right after hydration, with the real result.
 */
export function useQuery<TQueryFnData, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): UseQueryResult<TData, TError> {
  const result = useTanstackQuery(options);
  const hydrated = useHydrated();
  return hydrated ? result : (asOnServer(options.enabled !== false) as UseQueryResult<TData, TError>);
}

/** The result the server rendered with: pending, fetching on mount unless the query is disabled. */
function asOnServer(enabled: boolean): Partial<UseQueryResult> {
  return {
    data: undefined,
    error: null,
    status: "pending",
    fetchStatus: enabled ? "fetching" : "idle",
    isPending: true,
    isLoading: enabled,
    isFetching: enabled,
    isSuccess: false,
    isError: false,
    isFetched: false,
    isPlaceholderData: false,
  };
}
