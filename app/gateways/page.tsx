"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { Suspense } from "react";
import { gatewayPaths, SummaryBadge } from "@/components/gateways/status";
import { ListPage } from "@/components/list-page";
import { TextLink } from "@/components/links";
import { useGateways } from "@/lib/client/api/gateways";
import type { GatewayListItem } from "@/lib/views/gateways";

const columns: ColumnDef<GatewayListItem, unknown>[] = [
  { accessorKey: "name", header: "Gateway", cell: ({ row }) => <TextLink href={gatewayPaths.gateway(row.original)}>{row.original.name}</TextLink> },
  { accessorKey: "kind", header: "API", cell: ({ row }) => (row.original.kind === "Gateway" ? "Gateway API" : "Gloo Edge") },
  { accessorKey: "cluster", header: "Cluster" },
  { accessorKey: "namespace", header: "Namespace" },
  { accessorKey: "className", header: "Class" },
  { accessorKey: "listeners", header: "Listeners" },
  { id: "routes", accessorFn: (g) => g.attachedRoutes, header: "Routes", cell: ({ row }) => <span data-testid="routes">{row.original.attachedRoutes} attached{row.original.refusedRoutes > 0 ? `, ${row.original.refusedRoutes} refused` : ""}</span> },
  { id: "summary", accessorFn: (g) => g.summary, header: "Computed", cell: ({ row }) => <SummaryBadge summary={row.original.summary} /> },
  { accessorKey: "live", header: "Live status" },
  { id: "findings", accessorFn: (g) => g.findings.error * 1000 + g.findings.warning, header: "Findings", cell: ({ row }) => <span data-testid="finding-counts">{row.original.findings.error} errors, {row.original.findings.warning} warnings</span> },
];

export default function GatewaysPage() {
  return (
    <Suspense>
      <ListPage
        title="Gateways"
        intro={<>Gateway API and Gloo Edge gateways per cluster, with their computed status beside what the controller wrote. See also <TextLink href="/upstreams">function upstreams</TextLink> and the <TextLink href="/trace">request tracer</TextLink>.</>}
        useList={useGateways}
        columns={columns}
        rowKey={(g) => `${g.cluster}/${g.kind}/${g.namespace}/${g.name}`}
      />
    </Suspense>
  );
}
