"use client";
import { Suspense } from "react";
import { GraphView } from "@/components/graph/graph-view";

export default function GraphPage() {
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Graph</h1>
      <p className="mb-4 text-sm text-slate-600">Workspaces with what they export and import; open one to see its clusters, namespaces, route tables, destinations and the policies attached to them. Or the gateways, with their listeners, routes and backends.</p>
      <Suspense>
        <GraphView />
      </Suspense>
    </>
  );
}
