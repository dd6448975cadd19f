"use client";
import Link from "next/link";
import type { Graph, GraphNode } from "@/lib/graph";
import { detailHref } from "./node-links";
import { NODE_STYLE } from "./styles";

interface PanelProps {
  graph: Graph;
  node: GraphNode | undefined;
  expanded: boolean;
  canExpand: boolean;
  onToggle: () => void;
  onOpenWorkspace: (name: string) => void;
}

/** The selected node: what it is, its edges, and what you can do with it. */
export function GraphPanel({ graph, node, expanded, canExpand, onToggle, onOpenWorkspace }: PanelProps) {
  if (!node) return <p className="text-sm text-slate-500">Select a node to see its details. Double-click or press Enter to open it.</p>;
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const edges = graph.edges.filter((e) => e.kind !== "contains" && (e.source === node.id || e.target === node.id));
  const href = detailHref(node);
  return (
    <section aria-label="Selected node" className="space-y-2 text-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{NODE_STYLE[node.kind].label}</p>
      <h2 className="break-words font-semibold">{node.label}</h2>
      {node.ref && <p className="break-words font-mono text-xs text-slate-600">{node.ref.cluster} · {node.ref.namespace || "cluster-scoped"} · {node.ref.kind}</p>}
      <div className="flex flex-wrap gap-2">
        {href && (
          <Link href={href} className="rounded bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-700">
            Open details
          </Link>
        )}
        {node.kind === "workspace" && (
          <button type="button" onClick={() => onOpenWorkspace(node.label)} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
            Show inside
          </button>
        )}
        {canExpand && (
          <button type="button" onClick={onToggle} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
            {expanded ? "Collapse" : "Expand"}
          </button>
        )}
      </div>
      {edges.length > 0 && (
        <ul className="space-y-1 text-xs">
          {edges.map((e) => (
            <li key={e.id}>
              {e.source === node.id ? "→" : "←"} {label.get(e.source === node.id ? e.target : e.source)} <span className="text-slate-500">({e.kind}{e.label ? `: ${e.label}` : ""})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
