"use client";
import type { ColumnDef } from "@tanstack/react-table";
import type { Graph, GraphEdge, GraphNode } from "@/lib/graph";
import { DataTable } from "../data-table";
import { EDGE_STYLE } from "./styles";

/** A secondary text cell. */
const muted = ({ getValue }: { getValue: () => unknown }) => <span className="text-slate-600">{String(getValue())}</span>;

/** The same data as the graph, as tables (the app's sortable DataTable): every edge with what flows along it, and every node. */
export function GraphTable({ graph }: { graph: Graph }) {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const name = (id: string) => label.get(id) ?? id;
  const edgeColumns: ColumnDef<GraphEdge, unknown>[] = [
    { id: "from", header: "From", accessorFn: (e) => name(e.source) },
    { id: "relation", header: "Relation", accessorFn: (e) => EDGE_STYLE[e.kind].label },
    { id: "to", header: "To", accessorFn: (e) => name(e.target) },
    { id: "what", header: "What", accessorFn: (e) => e.label, cell: muted },
  ];
  const nodeColumns: ColumnDef<GraphNode, unknown>[] = [
    { id: "node", header: "Node", accessorFn: (n) => n.label },
    { id: "kind", header: "Kind", accessorFn: (n) => n.kind },
    { id: "inside", header: "Inside", accessorFn: (n) => (n.parent ? name(n.parent) : "") },
    { id: "counts", header: "Counts", accessorFn: (n) => Object.entries(n.counts ?? {}).map(([k, v]) => `${v} ${k}`).join(", "), cell: muted },
  ];
  return (
    <div className="space-y-6">
      <DataTable rows={graph.edges.filter((e) => e.kind !== "contains")} columns={edgeColumns} label="Graph edges" rowKey={(e) => e.id} />
      <DataTable rows={graph.nodes} columns={nodeColumns} label="Graph nodes" rowKey={(n) => n.id} />
    </div>
  );
}
