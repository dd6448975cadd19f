"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { DataTable } from "@/components/data-table";
import { TextLink } from "@/components/links";
import { Picker } from "@/components/picker";
import { QueryState } from "@/components/query-state";
import { RefLink } from "@/components/ref-link";
import { useSearchState } from "@/components/search-state";
import { useAudit } from "@/lib/client/api/audit";
import { useClusters } from "@/lib/client/api/clusters";
import type { AuditEntryView } from "@/lib/views/drafts";

const TONE: Record<AuditEntryView["result"], string> = { success: "text-emerald-700", failure: "text-red-700", conflict: "text-amber-700", denied: "text-red-700" };

const columns: ColumnDef<AuditEntryView, unknown>[] = [
  { accessorKey: "at", header: "When", cell: ({ row }) => new Date(row.original.at).toLocaleString() },
  { accessorKey: "actor", header: "Who" },
  { accessorKey: "action", header: "Action", cell: ({ row }) => <span data-testid="action">{row.original.action}</span> },
  { accessorKey: "result", header: "Result", cell: ({ row }) => <span data-testid="result" className={`font-medium ${TONE[row.original.result]}`}>{row.original.result}</span> },
  { accessorKey: "status", header: "Status" },
  { accessorKey: "cluster", header: "Cluster" },
  {
    id: "objects",
    header: "Objects",
    meta: { wrap: true },
    accessorFn: (e) => e.objects.map((o) => `${o.kind} ${o.namespace}/${o.name}`).join(", "),
    cell: ({ row }) => (
      <span data-testid="objects" className="flex flex-col">
        {row.original.objects.map((o, i) => (
          <RefLink key={i} target={o} />
        ))}
      </span>
    ),
  },
  { accessorKey: "draftId", header: "Draft", cell: ({ row }) => (row.original.draftId ? <TextLink href={`/drafts/${encodeURIComponent(row.original.draftId)}`}>{row.original.draftId.slice(0, 8)}</TextLink> : "—") },
  { accessorKey: "message", header: "Message", meta: { wrap: true }, cell: ({ row }) => <span className="block min-w-[16rem] max-w-md">{row.original.message}</span> },
  { accessorKey: "diffHash", header: "Diff hash", cell: ({ row }) => <span className="font-mono text-xs" title={row.original.diffHash}>{row.original.diffHash.slice(0, 12)}</span> },
];

const KEYS = ["actor", "action", "result", "cluster", "kind", "draft"] as const;

function Audit() {
  const [f, update] = useSearchState(KEYS);
  const clusters = (useClusters().data?.items ?? []).map((c) => c.name);
  const audit = useAudit(f);
  const text = (key: "actor" | "kind" | "draft", label: string) => (
    <label className="flex flex-col gap-1">
      <span className="text-xs font-medium text-slate-600">{label}</span>
      <input type="search" value={f[key]} onChange={(e) => update({ [key]: e.target.value })} className="w-40 rounded border border-slate-300 px-2 py-1" />
    </label>
  );
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Audit</h1>
      <p className="mb-4 text-sm text-slate-600">Every dry run and write Meshpane sent, append-only: who, when, which objects, the result, and a hash of the diff.</p>
      <div role="group" aria-label="Filters" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        {text("actor", "Actor")}
        <Picker label="Action" value={f.action} anyLabel="Any action" options={["dry-run", "apply", "force-apply"]} onChange={(v) => update({ action: v })} />
        <Picker label="Result" value={f.result} anyLabel="Any result" options={["success", "failure", "conflict", "denied"]} onChange={(v) => update({ result: v })} />
        <Picker label="Cluster" value={f.cluster} anyLabel="All clusters" options={clusters} onChange={(v) => update({ cluster: v })} />
        {text("kind", "Kind")}
        {text("draft", "Draft")}
      </div>
      <QueryState query={audit}>
        {(data) => (
          <>
            <p className="mb-2 text-xs text-slate-500" data-testid="list-count">
              {data.total} {data.total === 1 ? "entry" : "entries"}
            </p>
            <DataTable rows={data.items} columns={columns} label="Audit log" rowKey={(e) => e.id} empty="No audit entries match." />
          </>
        )}
      </QueryState>
    </>
  );
}

/** The append-only audit log with its filters in the URL. */
export default function AuditPage() {
  return (
    <Suspense>
      <Audit />
    </Suspense>
  );
}
