"use client";
import type { ColumnDef } from "@tanstack/react-table";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ListEnvelope } from "@/lib/client/fetch-json";
import type { ListFilters as Filters } from "@/lib/client/api/list";
import { DataTable } from "./data-table";
import { ListFilters, useListFilters } from "./list-filters";
import { QueryState } from "./query-state";

interface Listed {
  cluster: string;
  namespace: string;
  name: string;
}

interface ListPageProps<T extends Listed> {
  title: string;
  intro: ReactNode;
  useList: (filters?: Filters) => UseQueryResult<ListEnvelope<T>>;
  columns: ColumnDef<T, unknown>[];
  rowKey?: (row: T) => string;
}

/** A list page: search and filters in the URL, answered by the API's own filters, and a sortable table. */
export function ListPage<T extends Listed>({ title, intro, useList, columns, rowKey }: ListPageProps<T>) {
  const [filters, setFilters] = useListFilters();
  const all = useList();
  const filtered = useList({ cluster: filters.cluster, namespace: filters.namespace || undefined, q: filters.q });
  const namespaces = [...new Set((all.data?.items ?? []).map((i) => i.namespace))].sort();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mb-4 text-sm text-slate-600">{intro}</p>
      <ListFilters state={filters} onChange={setFilters} namespaces={namespaces} />
      <QueryState query={filtered}>
        {(data) => (
          <>
            <p className="mb-2 text-xs text-slate-500" data-testid="list-count">
              {data.total} {data.total === 1 ? "item" : "items"}
            </p>
            <DataTable rows={data.items} columns={columns} label={title} rowKey={rowKey ?? ((r) => `${r.cluster}/${r.namespace}/${r.name}`)} />
          </>
        )}
      </QueryState>
    </>
  );
}
