"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { ListPage } from "@/components/list-page";
import { TextLink } from "@/components/links";
import { useWorkspaces } from "@/lib/client/api/workspaces";
import type { WorkspaceListItem } from "@/lib/views/workspaces";

const columns: ColumnDef<WorkspaceListItem, unknown>[] = [
  { accessorKey: "name", header: "Workspace", cell: ({ row }) => <TextLink href={`/workspaces/${encodeURIComponent(row.original.name)}`}>{row.original.name}</TextLink> },
  { id: "clusters", accessorFn: (w) => w.clusters.join(", "), header: "Clusters" },
  { accessorKey: "namespaceCount", header: "Namespaces" },
  { id: "owned", accessorFn: (w) => w.counts.owned, header: "Owned" },
  { id: "exported", accessorFn: (w) => w.counts.exported, header: "Exported" },
  { id: "imported", accessorFn: (w) => w.counts.imported, header: "Imported" },
  { id: "policies", accessorFn: (w) => w.counts.policies, header: "Policies" },
  { id: "importsFrom", accessorFn: (w) => w.importsFrom.join(", "), header: "Imports from", meta: { wrap: true } },
  { id: "exportsTo", accessorFn: (w) => w.exportsTo.join(", "), header: "Exports to", meta: { wrap: true } },
  {
    id: "diagnostics",
    accessorFn: (w) => w.diagnostics.error * 1000 + w.diagnostics.warning,
    header: "Diagnostics",
    cell: ({ row }) => (
      <span data-testid="diagnostic-counts">
        <TextLink href={`/validations?workspace=${encodeURIComponent(row.original.name)}`}>{`${row.original.diagnostics.error} errors, ${row.original.diagnostics.warning} warnings`}</TextLink>
      </span>
    ),
  },
];

export default function WorkspacesPage() {
  return (
    <Suspense>
      <ListPage title="Workspaces" intro="How the mesh is divided among teams: each workspace's clusters and namespaces, what it owns, exports and imports." useList={useWorkspaces} columns={columns} rowKey={(w) => w.name} />
    </Suspense>
  );
}
