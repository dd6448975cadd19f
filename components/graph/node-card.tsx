"use client";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import type { GraphNode } from "@/lib/graph";
import { NODE_STYLE } from "./styles";

/**
 * `compact` (large graphs): no handles and no shadow, so a node costs five DOM elements with React Flow's
 * wrapper; edges are then drawn by the edge layer, which needs no handles.
 */
export type CardData = { node: GraphNode; highlighted: boolean; marked: boolean; dimmed: boolean; group: boolean; compact: boolean };
export type CardNode = Node<CardData, "card">;

const SHOWN_BADGES = new Set(["imported", "not-visible", "not-found", "error", "warning", "expandable", "overridden", "Accepted", "Rejected", "Warning", "Conflicted", "Pending"]);
const RED_BADGES = new Set(["error", "not-visible", "not-found", "Rejected", "Conflicted"]);
const AMBER_BADGES = new Set(["warning", "Warning", "Pending"]);

function badgeClass(b: string): string {
  if (RED_BADGES.has(b)) return "bg-red-100 text-red-800";
  if (AMBER_BADGES.has(b)) return "bg-amber-100 text-amber-900";
  if (b === "Accepted") return "bg-emerald-100 text-emerald-800";
  return "bg-slate-200 text-slate-700";
}

/** One graph node: kind, label, counts and badges; groups draw a frame with the label on top. */
export const NodeCard = memo(function NodeCard({ data, selected }: NodeProps<CardNode>) {
  const { node, highlighted, marked, dimmed, group, compact } = data;
  const style = NODE_STYLE[node.kind];
  const ring = marked ? "ring-4 ring-rose-500" : highlighted ? "ring-2 ring-fuchsia-500" : selected ? "ring-2 ring-indigo-500" : "";
  const counts = Object.entries(node.counts ?? {}).filter(([, v]) => v > 0);
  const badges = (node.badges ?? []).filter((b) => SHOWN_BADGES.has(b) || b.startsWith("from:"));
  // As few elements as the content needs: the kind line holds its badges, the card its own padding.
  return (
    <div data-testid="graph-node" data-node-id={node.id} data-kind={node.kind} data-marked={marked || undefined} className={`h-full w-full rounded-md border text-left text-xs ${compact ? "" : "shadow-sm"} ${group ? "px-3 pt-2" : "px-2.5 py-1.5"} ${style.className} ${ring} ${dimmed ? "opacity-30" : ""}`}>
      {!compact && <Handle type="target" position={Position.Left} className="!h-1 !w-1 !border-0 !bg-slate-400" />}
      <div className="flex items-center gap-1.5 text-[10px] font-medium uppercase tracking-wide text-slate-500">
        {style.label}
        {badges.map((b) => (
          <span key={b} className={`rounded px-1 font-normal normal-case tracking-normal ${badgeClass(b)}`}>
            {b === "expandable" ? "+" : b}
          </span>
        ))}
      </div>
      <div className="truncate font-medium text-slate-900" title={node.label}>
        {node.label}
      </div>
      {counts.length > 0 && <div className="truncate text-[10px] text-slate-600">{counts.map(([k, v]) => `${v} ${k}`).join(" · ")}</div>}
      {!compact && <Handle type="source" position={Position.Right} className="!h-1 !w-1 !border-0 !bg-slate-400" />}
    </div>
  );
});
