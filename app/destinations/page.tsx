"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { ListPage } from "@/components/list-page";
import { TextLink, paths } from "@/components/links";
import { SubsetChips } from "@/components/subsets";
import { useDestinations } from "@/lib/client/api/destinations";
import type { DestinationListItem } from "@/lib/views/destinations";

const columns: ColumnDef<DestinationListItem, unknown>[] = [
  { accessorKey: "name", header: "Service", cell: ({ row }) => <TextLink href={paths.destination(row.original)}>{row.original.name}</TextLink> },
  { accessorKey: "cluster", header: "Cluster" },
  { accessorKey: "namespace", header: "Namespace" },
  { id: "ports", meta: { wrap: true }, accessorFn: (d) => d.ports.map((p) => p.port).join(","), header: "Ports", cell: ({ row }) => <span className="font-mono text-xs">{row.original.ports.map((p) => `${p.name || "—"}:${p.port}/${p.protocol}`).join(", ")}</span> },
  { id: "subsets", accessorFn: (d) => Object.keys(d.subsets ?? {}).join(","), header: "Subsets", cell: ({ row }) => <SubsetChips subsets={row.original.subsets} /> },
  { id: "versions", accessorFn: (d) => d.versions.join(","), header: "Versions", cell: ({ row }) => <span data-testid="versions">{row.original.versions.join(", ") || "—"}</span> },
  { id: "endpoints", accessorFn: (d) => d.endpoints.length, header: "Ready endpoints" },
  { id: "workloads", accessorFn: (d) => d.workloads.length, header: "Workloads" },
  { id: "mesh", accessorFn: (d) => d.mesh.name, header: "Mesh" },
];

export default function DestinationsPage() {
  return (
    <Suspense>
      <ListPage title="Destinations" intro="Kubernetes Services backed by mesh workloads, aggregated across clusters, with their ports and subsets." useList={useDestinations} columns={columns} />
    </Suspense>
  );
}
