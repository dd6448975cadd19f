"use client";
import { Background, Controls, MarkerType, ReactFlow, useReactFlow, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useState } from "react";
import type { Graph } from "@/lib/graph";
import { NodeCard, type CardNode } from "./node-card";
import { EDGE_STYLE } from "./styles";
import type { LayoutResult } from "./layout-types";

const nodeTypes = { card: NodeCard };

interface CanvasProps {
  graph: Graph;
  positions: LayoutResult["positions"];
  matches: Set<string>;
  selected: string;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/** Renders laid-out nodes and edges; search matches are highlighted and brought into view. */
export function GraphCanvas({ graph, positions, matches, selected, onSelect, onOpen }: CanvasProps) {
  const shown = useProgressiveCount(graph.nodes.length);
  const parents = useMemo(() => new Set(graph.nodes.map((n) => n.parent).filter(Boolean)), [graph]);
  const nodes: CardNode[] = useMemo(
    () =>
      graph.nodes.map((n) => {
        const p = positions[n.id] ?? { x: 0, y: 0, width: 170, height: 52 };
        return {
          id: n.id,
          type: "card",
          position: { x: p.x, y: p.y },
          parentId: n.parent,
          extent: n.parent ? ("parent" as const) : undefined,
          width: p.width,
          height: p.height,
          selected: n.id === selected,
          ariaLabel: `${n.kind} ${n.label}`,
          data: { node: n, highlighted: matches.has(n.id), dimmed: matches.size > 0 && !matches.has(n.id) && !parents.has(n.id), group: parents.has(n.id) },
          zIndex: parents.has(n.id) ? 0 : 1,
        };
      }),
    [graph, positions, matches, selected, parents],
  );
  const visibleNodes = useMemo(() => nodes.slice(0, shown), [nodes, shown]);
  const visibleIds = useMemo(() => new Set(visibleNodes.map((n) => n.id)), [visibleNodes]);
  // Past LARGE nodes labels are unreadable at the zoom that fits the graph and cost most of the DOM:
  // edges go straight and unlabelled (the side panel and the table view still say what flows).
  const large = graph.nodes.length > LARGE;
  const edges: Edge[] = useMemo(
    () =>
      graph.edges
        .filter((e) => e.kind !== "contains" && visibleIds.has(e.source) && visibleIds.has(e.target))
        .map((e) => {
          const s = EDGE_STYLE[e.kind];
          const base = { id: e.id, source: e.source, target: e.target, zIndex: 2, style: { stroke: s.color, strokeWidth: 1.5, strokeDasharray: s.dash }, markerEnd: { type: MarkerType.ArrowClosed, color: s.color } };
          return large ? { ...base, type: "straight" } : { ...base, label: e.label, labelStyle: { fontSize: 10, fill: "#334155" }, labelBgStyle: { fill: "#f8fafc" } };
        }),
    [graph, visibleIds, large],
  );
  return (
    <ReactFlow
      data-rendered={shown}
      data-total={graph.nodes.length}
      nodes={visibleNodes}
      edges={edges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      onlyRenderVisibleElements
      minZoom={0.1}
      fitView
      onNodeClick={(_, n) => onSelect(n.id)}
      onNodeDoubleClick={(_, n) => onOpen(n.id)}
      onKeyDown={(e) => {
        const id = (document.activeElement as HTMLElement | null)?.closest("[data-id]")?.getAttribute("data-id");
        if (id && e.key === "Enter") onOpen(id);
        if (id && e.key === " ") onSelect(id);
      }}
      proOptions={{ hideAttribution: true }}
    >
      <FocusOnMatches matches={matches} />
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

const BATCH = 60;
const LARGE = 80;

/**
 * Renders a large graph in batches, one per animation frame (parents come before children, so every
 * batch is drawable): the main thread never spends one long task mounting hundreds of nodes.
 */
function useProgressiveCount(total: number): number {
  const [shown, setShown] = useState(Math.min(total, BATCH));
  useEffect(() => {
    setShown(Math.min(total, BATCH));
    if (total <= BATCH) return;
    let frame = 0;
    const step = () => {
      setShown((n) => {
        const next = Math.min(total, n + BATCH);
        if (next < total) frame = requestAnimationFrame(step);
        return next;
      });
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [total]);
  return shown;
}

function FocusOnMatches({ matches }: { matches: Set<string> }) {
  const flow = useReactFlow();
  const key = [...matches].sort().join(",");
  useEffect(() => {
    if (key) void flow.fitView({ nodes: key.split(",").map((id) => ({ id })), duration: 300, maxZoom: 1.2 });
  }, [key, flow]);
  return null;
}
