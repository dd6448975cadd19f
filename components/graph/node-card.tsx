"use client";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { GraphNode } from "@/lib/graph";
import { NODE_STYLE } from "./styles";

export type CardData = { node: GraphNode; highlighted: boolean; dimmed: boolean; group: boolean };
export type CardNode = Node<CardData, "card">;

/** One graph node: kind, label, counts and badges; groups draw a frame with the label on top. */
export function NodeCard({ data, selected }: NodeProps<CardNode>) {
  const { node, highlighted, dimmed, group } = data;
  const style = NODE_STYLE[node.kind];
  const ring = highlighted ? "ring-2 ring-fuchsia-500" : selected ? "ring-2 ring-indigo-500" : "";
  const counts = Object.entries(node.counts ?? {}).filter(([, v]) => v > 0);
  const badges = (node.badges ?? []).filter((b) => ["imported", "not-visible", "not-found", "error", "warning", "expandable", "overridden"].includes(b) || b.startsWith("from:"));
  return (
    <div data-testid="graph-node" data-node-id={node.id} data-kind={node.kind} className={`h-full w-full rounded-md border text-left text-xs shadow-sm ${style.className} ${ring} ${dimmed ? "opacity-30" : ""}`}>
      <Handle type="target" position={Position.Left} className="!h-1 !w-1 !border-0 !bg-slate-400" />
      <div className={group ? "px-3 pt-2" : "px-2.5 py-1.5"}>
        <div className="flex items-center gap-1.5">
          <span className="text-[10px] font-medium uppercase tracking-wide text-slate-500">{style.label}</span>
          {badges.map((b) => (
            <span key={b} className={`rounded px-1 text-[10px] ${b === "error" || b === "not-visible" || b === "not-found" ? "bg-red-100 text-red-800" : b === "warning" ? "bg-amber-100 text-amber-900" : "bg-slate-200 text-slate-700"}`}>
              {b === "expandable" ? "+" : b}
            </span>
          ))}
        </div>
        <div className="truncate font-medium text-slate-900" title={node.label}>
          {node.label}
        </div>
        {counts.length > 0 && <div className="truncate text-[10px] text-slate-600">{counts.map(([k, v]) => `${v} ${k}`).join(" · ")}</div>}
      </div>
      <Handle type="source" position={Position.Right} className="!h-1 !w-1 !border-0 !bg-slate-400" />
    </div>
  );
}
