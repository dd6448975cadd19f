"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { ListPage } from "@/components/list-page";
import { TextLink, paths } from "@/components/links";
import { useWorkloads } from "@/lib/client/api/workloads";
import type { WorkloadView } from "@/lib/discovery";

const columns: ColumnDef<WorkloadView, unknown>[] = [
  { accessorKey: "name", header: "Name", cell: ({ row }) => <TextLink href={paths.workload(row.original)}>{row.original.name}</TextLink> },
  { accessorKey: "kind", header: "Kind" },
  { accessorKey: "cluster", header: "Cluster" },
  { accessorKey: "namespace", header: "Namespace" },
  { id: "mesh", accessorFn: (w) => w.mesh?.name ?? "", header: "Mesh", cell: ({ row }) => row.original.mesh ? row.original.mesh.name : <span className="text-slate-400">not in mesh</span> },
  { accessorKey: "injection", header: "Why", cell: ({ row }) => <span title={row.original.injectionDetail} className="text-xs text-slate-600">{row.original.injection}</span> },
  { id: "pods", accessorFn: (w) => w.pods.ready, header: "Pods ready", cell: ({ row }) => `${row.original.pods.ready}/${row.original.pods.total}` },
  { accessorKey: "serviceAccountName", header: "Service account" },
];

export default function WorkloadsPage() {
  return (
    <Suspense>
      <ListPage title="Workloads" intro="Deployments, StatefulSets and DaemonSets in every cluster, with the mesh each belongs to and the rule that decided it." useList={useWorkloads} columns={columns} rowKey={(w) => `${w.cluster}/${w.namespace}/${w.kind}/${w.name}`} />
    </Suspense>
  );
}
