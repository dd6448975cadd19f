"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { FindingsList } from "@/components/findings-list";
import { ListPage } from "@/components/list-page";
import type { UpstreamListItem } from "@/lib/views/upstreams";
import { useUpstreams } from "@/lib/client/api/gateways";

function Functions({ u }: { u: UpstreamListItem }) {
  if (u.functions.length === 0) return <span className="text-slate-500">no functions</span>;
  return (
    <ul className="min-w-[12rem] max-w-[16rem] space-y-1 break-words" data-testid="functions">
      {u.functions.map((f) => (
        <li key={f.name} data-testid={`function-${f.name}`} className={f.exists ? "" : "rounded bg-red-50 px-1 text-red-900"}>
          <span className="font-mono text-xs font-semibold">{f.name}</span>
          <span className="ml-1 text-xs text-slate-500">{f.type} · {f.source}</span>
          {!f.exists && <span className="ml-1 text-xs font-semibold">missing: not exposed by the upstream</span>}
          {f.callers.length > 0 && <div className="text-xs">called by {f.callers.map((c) => `${c.kind} ${c.namespace}/${c.name} route ${c.rule}`).join(", ")}</div>}
        </li>
      ))}
    </ul>
  );
}

const columns: ColumnDef<UpstreamListItem, unknown>[] = [
  { accessorKey: "name", header: "Upstream", meta: { wrap: true }, cell: ({ row }) => <span className="block max-w-[10rem] break-words font-medium">{row.original.name}</span> },
  { accessorKey: "cluster", header: "Cluster" },
  { accessorKey: "namespace", header: "Namespace" },
  { accessorKey: "type", header: "Type" },
  { id: "functions", meta: { wrap: true }, accessorFn: (u) => u.functions.length, header: "Functions and callers", cell: ({ row }) => <Functions u={row.original} /> },
  { id: "state", meta: { wrap: true }, accessorFn: (u) => u.state ?? "", header: "Computed / live", cell: ({ row }) => <span className="block max-w-[7rem]">{row.original.state ?? "—"} / {row.original.liveState ?? "no status"}</span> },
  // Wrapping columns with bounded widths: the table fits a 1280 px window.
  { id: "findings", meta: { wrap: true }, accessorFn: (u) => u.findings.length, header: "Findings", cell: ({ row }) => <div className="min-w-[12rem] max-w-[18rem] break-words"><FindingsList findings={row.original.findings} /></div> },
];

export default function UpstreamsPage() {
  return (
    <Suspense>
      <ListPage title="Upstreams" intro="Gloo function upstreams (REST with OpenAPI documents, AWS Lambda, gRPC) and kgateway Lambda backends: every function and the routes that call it. Functions that routes call but the upstream does not expose are flagged." useList={useUpstreams} columns={columns} rowKey={(u) => `${u.cluster}/${u.kind}/${u.namespace}/${u.name}`} />
    </Suspense>
  );
}
