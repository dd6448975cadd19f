"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { DataTable } from "@/components/data-table";
import { TextLink } from "@/components/links";
import { Picker } from "@/components/picker";
import { QueryState } from "@/components/query-state";
import { RefLink } from "@/components/ref-link";
import { useSearchState } from "@/components/search-state";
import { useClusters } from "@/lib/client/api/clusters";
import { useCatalogue, useDiagnostics } from "@/lib/client/api/diagnostics";
import { useWorkspaces } from "@/lib/client/api/workspaces";
import type { DiagnosticListItem } from "@/lib/views/diagnostics";

const TONE = { error: "text-red-700", warning: "text-amber-700", info: "text-slate-600" } as const;

const columns: ColumnDef<DiagnosticListItem, unknown>[] = [
  { accessorKey: "code", header: "Code", cell: ({ row }) => <span data-testid="code" className="font-mono"><TextLink href={`/catalogue#${row.original.code}`}>{row.original.code}</TextLink></span> },
  { accessorKey: "severity", header: "Severity", cell: ({ row }) => <span className={`text-xs font-medium uppercase ${TONE[row.original.severity]}`}>{row.original.severity}</span> },
  {
    id: "object",
    accessorFn: (d) => `${d.kind} ${d.namespace}/${d.name}`,
    header: "Object",
    meta: { wrap: true },
    cell: ({ row }) => (
      <span data-testid="object" className="block min-w-[9rem] max-w-[13rem] [overflow-wrap:anywhere]">
        {row.original.objects[0] ? <RefLink target={row.original.objects[0]} /> : "—"}
        {row.original.objects.length > 1 && <span className="block text-xs text-slate-500">also: {row.original.objects.slice(1).map((o) => `${o.kind} ${o.namespace}/${o.name}`).join(", ")}</span>}
      </span>
    ),
  },
  // Field paths and messages wrap (paths at any character) so the table fits a 1280 px window.
  { accessorKey: "field", header: "Field", meta: { wrap: true }, cell: ({ row }) => <span data-testid="field" className="block min-w-[8rem] max-w-[11rem] break-all font-mono text-xs" title={row.original.field}>{row.original.field || "—"}</span> },
  { accessorKey: "message", header: "Message", meta: { wrap: true }, cell: ({ row }) => <span className="block min-w-[14rem] max-w-xl [overflow-wrap:anywhere]">{row.original.message}</span> },
  { accessorKey: "workspace", header: "Workspace", meta: { wrap: true }, cell: ({ row }) => <span className="block max-w-[9rem] break-words">{row.original.workspace ?? "—"}</span> },
  { accessorKey: "cluster", header: "Cluster" },
];

const KEYS = ["code", "severity", "workspace", "cluster", "q"] as const;

function Validations() {
  const [state, update] = useSearchState(KEYS);
  const clusters = useClusters().data?.items.map((c) => c.name) ?? [];
  const workspaces = useWorkspaces().data?.items.map((w) => w.name) ?? [];
  const codes = useCatalogue().data?.items.map((c) => c.code) ?? [];
  const severity = state.severity === "error" || state.severity === "warning" || state.severity === "info" ? state.severity : undefined;
  const list = useDiagnostics({ code: state.code || undefined, severity, workspace: state.workspace || undefined, cluster: state.cluster || undefined, q: state.q || undefined });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Validations</h1>
      <p className="mb-4 text-sm text-slate-600">
        Every semantic problem in the current configuration, with its stable code from the <TextLink href="/catalogue">catalogue</TextLink>, the object to fix first and the field. See also the{" "}
        <TextLink href="/translation-notes">translation notes</TextLink>.
      </p>
      <div className="mb-4 flex flex-wrap items-end gap-3 text-sm" role="group" aria-label="Filters">
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">Search</span>
          <input type="search" value={state.q} onChange={(e) => update({ q: e.target.value })} placeholder="message, field, name…" className="w-56 rounded border border-slate-300 px-2 py-1" />
        </label>
        <Picker label="Code" value={state.code} anyLabel="All codes" options={codes} onChange={(code) => update({ code })} />
        <Picker label="Severity" value={state.severity} anyLabel="All severities" options={["error", "warning", "info"]} onChange={(s) => update({ severity: s })} />
        <Picker label="Workspace" value={state.workspace} anyLabel="All workspaces" options={workspaces} onChange={(workspace) => update({ workspace })} />
        <Picker label="Cluster" value={state.cluster} anyLabel="All clusters" options={clusters} onChange={(cluster) => update({ cluster })} />
      </div>
      <QueryState query={list}>
        {(data) => (
          <>
            <p className="mb-2 text-xs text-slate-500" data-testid="list-count">
              {data.total} {data.total === 1 ? "diagnostic" : "diagnostics"}
            </p>
            <DataTable rows={data.items} columns={columns} label="Validations" rowKey={(d) => `${d.code}|${d.field}|${d.message}|${d.objects.map((o) => `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`).join(",")}`} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** `/validations`: diagnostics filterable by code, severity, workspace and cluster (state in the URL). */
export default function ValidationsPage() {
  return (
    <Suspense>
      <Validations />
    </Suspense>
  );
}
