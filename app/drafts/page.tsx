"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { DataTable } from "@/components/data-table";
import { NewDraft } from "@/components/drafts/new-draft";
import { TextLink } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useSearchState } from "@/components/search-state";
import { useDiscardDraft, useDrafts } from "@/lib/client/api/drafts";
import type { DraftStatus, DraftSummary } from "@/lib/views/drafts";

function DiscardButton({ id }: { id: string }) {
  const discard = useDiscardDraft();
  return (
    <button type="button" disabled={discard.isPending} onClick={() => discard.mutate(id)} className="text-xs text-slate-600 hover:text-red-700 disabled:opacity-50">
      Discard
    </button>
  );
}

const columns: ColumnDef<DraftSummary, unknown>[] = [
  { accessorKey: "title", header: "Draft", cell: ({ row }) => <TextLink href={`/drafts/${encodeURIComponent(row.original.id)}`}>{row.original.title || "(untitled)"}</TextLink> },
  { accessorKey: "description", header: "Changes", meta: { wrap: true } },
  { accessorKey: "itemCount", header: "Objects" },
  { id: "clusters", accessorFn: (d) => d.clusters.join(", "), header: "Clusters" },
  { accessorKey: "updatedAt", header: "Updated", cell: ({ row }) => new Date(row.original.updatedAt).toLocaleString() },
  {
    id: "actions",
    header: "",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.status === "open" ? (
        <span className="flex gap-3">
          <TextLink href={`/drafts/${encodeURIComponent(row.original.id)}`}>Resume</TextLink>
          <DiscardButton id={row.original.id} />
        </span>
      ) : null,
  },
];

const STATUSES: DraftStatus[] = ["open", "applied", "discarded"];

function Drafts() {
  const [state, update] = useSearchState(["status"] as const);
  const status = (STATUSES as string[]).includes(state.status) ? (state.status as DraftStatus) : "open";
  const drafts = useDrafts(status);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Drafts</h1>
      <p className="mb-4 text-sm text-slate-600">Your change sets: edited here, previewed against every cluster, then applied. They survive reloads and conflicts.</p>
      <NewDraft />
      <div role="tablist" aria-label="Status" className="mb-3 flex gap-1">
        {STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} onClick={() => update({ status: s === "open" ? "" : s })} className={`rounded px-3 py-1 text-sm ${s === status ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}>
            {s}
          </button>
        ))}
      </div>
      <QueryState query={drafts}>{(data) => <DataTable rows={data.items} columns={columns} label="Drafts" rowKey={(d) => d.id} empty="No drafts." />}</QueryState>
    </>
  );
}

/** The caller's drafts: resume or discard; start a new one from a kind template. */
export default function DraftsPage() {
  return (
    <Suspense>
      <Drafts />
    </Suspense>
  );
}
