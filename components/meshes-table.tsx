"use client";
import type { ColumnDef } from "@tanstack/react-table";
import type { MeshView } from "@/lib/discovery";
import { TextLink, paths } from "./links";

export const meshColumns: ColumnDef<MeshView, unknown>[] = [
  { accessorKey: "name", header: "istiod", cell: ({ row }) => <TextLink href={paths.mesh(row.original)}>{row.original.name}</TextLink> },
  { accessorKey: "cluster", header: "Cluster" },
  { accessorKey: "namespace", header: "Namespace" },
  { accessorKey: "version", header: "Version", cell: ({ row }) => <span className="font-mono text-xs">{row.original.version}</span> },
  { accessorKey: "revision", header: "Revision", cell: ({ row }) => row.original.revision || <span className="text-slate-400">default</span> },
  { id: "trustDomain", accessorFn: (m) => m.effectiveTrustDomain, header: "Trust domain", cell: ({ row }) => <span className="font-mono text-xs">{row.original.effectiveTrustDomain}</span> },
  { id: "region", accessorFn: (m) => m.installation.region, header: "Region" },
];
