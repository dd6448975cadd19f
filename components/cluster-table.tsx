"use client";
import type { ColumnDef } from "@tanstack/react-table";
import type { ClusterView } from "@/lib/views/clusters";
import { DataTable } from "./data-table";
import { HealthBadge } from "./health-badge";
import { formatClock, formatTime } from "./format";

const columns: ColumnDef<ClusterView, unknown>[] = [
  {
    accessorKey: "name",
    header: "Cluster",
    cell: ({ row }) => (
      <>
        <span className="font-medium">
          {row.original.name}
          {row.original.management && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-normal text-indigo-700">management</span>}
          {row.original.readOnly && (
            <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-normal text-amber-800" title={row.original.readOnly} data-testid={`read-only-${row.original.name}`}>
              read-only
            </span>
          )}
        </span>
        <div className="text-xs text-slate-500">{row.original.source.kind}</div>
      </>
    ),
  },
  {
    id: "health",
    accessorFn: (c) => c.health.state,
    header: "Health",
    cell: ({ row }) => (
      <>
        <HealthBadge state={row.original.health.state} />
        <div className="text-xs text-slate-500" title={row.original.health.lastSyncAt ? formatTime(row.original.health.lastSyncAt) : undefined}>
          as of {row.original.health.lastSyncAt ? formatClock(row.original.health.lastSyncAt) : "—"}
        </div>
      </>
    ),
  },
  { id: "namespaces", accessorFn: (c) => c.counts.namespaces, header: "Namespaces" },
  { id: "pods", accessorFn: (c) => c.counts.pods, header: "Pods" },
  { id: "meshes", accessorFn: (c) => c.counts.meshes, header: "Meshes" },
  { id: "workloads", accessorFn: (c) => c.counts.workloads, header: "Workloads" },
  { id: "destinations", accessorFn: (c) => c.counts.destinations, header: "Destinations" },
  { id: "problems", meta: { wrap: true }, accessorFn: (c) => c.problems.length, header: "Problems", cell: ({ row }) => <ProblemCell cluster={row.original} /> },
];

function ProblemCell({ cluster }: { cluster: ClusterView }) {
  if (cluster.problems.length === 0 && !cluster.health.lastError && cluster.absentGroups.length === 0 && !cluster.readOnly && cluster.hiddenProblems === 0) return <span className="text-slate-400">none</span>;
  return (
    <ul className="min-w-56 space-y-1 text-xs text-red-800">
      {cluster.health.lastError && <li>{cluster.health.lastError}</li>}
      {cluster.readOnly && (
        <li className="text-amber-800" data-testid={`read-only-reason-${cluster.name}`}>
          Read-only: {cluster.readOnly}
        </li>
      )}
      {cluster.hiddenProblems > 0 && (
        <li className="text-slate-600">
          {cluster.hiddenProblems} source problem{cluster.hiddenProblems === 1 ? "" : "s"} (shown to platform admins)
        </li>
      )}
      {cluster.absentGroups.length > 0 && (
        <li className="text-slate-600" data-testid={`absent-${cluster.name}`}>
          Not served here (CRDs not installed): {cluster.absentGroups.join(", ")}
        </li>
      )}
      {cluster.problems.map((p, i) => (
        <li key={i}>
          {p.file && <span className="font-mono">{p.file}{p.line ? `:${p.line}` : ""}: </span>}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The clusters table of the overview. */
export function ClusterTable({ clusters }: { clusters: readonly ClusterView[] }) {
  return <DataTable rows={clusters} columns={columns} label="Clusters" rowKey={(c) => c.name} />;
}
