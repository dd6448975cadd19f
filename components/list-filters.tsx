"use client";
import { useClusters } from "@/lib/client/api/clusters";
import { useSearchState } from "./search-state";
import { HydrationGate } from "./hydration-gate";

/** Filter state of a list page, kept in the URL so a filtered view can be shared and reloaded. */
export interface ListFilterState {
  q: string;
  cluster: string;
  namespace: string;
}

const FILTER_KEYS = ["q", "cluster", "namespace"] as const;

/** The list filters in the URL's search parameters. */
export function useListFilters(): [ListFilterState, (patch: Partial<ListFilterState>) => void] {
  return useSearchState(FILTER_KEYS);
}

/** Search box plus cluster and namespace pickers. */
export function ListFilters({ state, onChange, namespaces }: { state: ListFilterState; onChange: (patch: Partial<ListFilterState>) => void; namespaces: readonly string[] }) {
  const clusters = useClusters().data?.items ?? [];
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      <HydrationGate>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Search</span>
        <input type="search" value={state.q} onChange={(e) => onChange({ q: e.target.value })} placeholder="name, namespace, label…" className="w-64 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Cluster</span>
        <select value={state.cluster} onChange={(e) => onChange({ cluster: e.target.value })} className="rounded border border-slate-300 px-2 py-1">
          <option value="">All clusters</option>
          {clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Namespace</span>
        <select value={state.namespace} onChange={(e) => onChange({ namespace: e.target.value })} className="rounded border border-slate-300 px-2 py-1">
          <option value="">All namespaces</option>
          {namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      </HydrationGate>
    </div>
  );
}
