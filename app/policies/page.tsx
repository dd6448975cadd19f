"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { ListPage } from "@/components/list-page";
import { TextLink } from "@/components/links";
import { usePolicies } from "@/lib/client/api/policies";
import type { PolicyListItem } from "@/lib/views/policies";

const seg = (s: string) => encodeURIComponent(s === "" ? "_" : s);
const columns: ColumnDef<PolicyListItem, unknown>[] = [
  { accessorKey: "name", header: "Policy", cell: ({ row }) => <TextLink href={`/policies/${seg(row.original.cluster)}/${seg(row.original.namespace)}/${seg(row.original.kind)}/${seg(row.original.name)}`}>{row.original.name}</TextLink> },
  { accessorKey: "kind", header: "Kind" },
  { accessorKey: "workspace", header: "Workspace" },
  { id: "routes", accessorFn: (p) => p.routes.length, header: "Routes" },
  { id: "destinations", accessorFn: (p) => p.destinations.length + p.routeDestinations.length, header: "Destinations" },
  { id: "workloads", accessorFn: (p) => p.workloads.length, header: "Workloads" },
  { accessorKey: "effectiveTargets", header: "In effect on" },
  { id: "state", accessorFn: (p) => (p.selectsNothing ? "selects nothing" : p.overriddenBy.length ? "overridden" : "ok"), header: "State" },
];

export default function PoliciesPage() {
  return (
    <Suspense>
      <ListPage title="Policies" intro="Every policy with the routes, destinations and workloads it selects in its workspace, and where it is in effect." useList={usePolicies} columns={columns} rowKey={(p) => `${p.cluster}/${p.namespace}/${p.kind}/${p.name}`} />
    </Suspense>
  );
}
