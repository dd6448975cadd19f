"use client";
import { Background, Controls, MarkerType, ReactFlow, getViewportForBounds, useReactFlow, useStore, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Graph, GraphEdge } from "@/lib/graph";
import { EdgeLayer } from "./edge-layer";
import { cardNodes } from "./card-nodes";
import { NodeCard } from "./node-card";
import { EDGE_STYLE } from "./styles";
import type { LayoutResult } from "./layout-types";
import { absoluteBoxes, boundsOf, type Box } from "./spatial";
import { useGraphKeys } from "./use-graph-keys";
import { useLatest } from "./use-latest";
import { useProgressiveCount } from "./use-progressive";

const nodeTypes = { card: NodeCard };
const MIN_ZOOM = 0.1;

interface CanvasProps {
  /** Absent until the data and its layout are there: the canvas renders empty meanwhile. */
  graph: Graph | undefined;
  positions: LayoutResult["positions"] | null;
  matches: Set<string>;
  /** Nodes marked from outside the page (the `highlight` URL parameter). */
  marked: Set<string>;
  selected: string;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onEscape: (id: string | null) => void;
}

/** Renders laid-out nodes and edges; search matches and marked nodes are highlighted and brought into view. */
const EMPTY: Graph = { nodes: [], edges: [] };
const NO_POSITIONS: LayoutResult["positions"] = {};

export function GraphCanvas({ graph = EMPTY, positions: laid, matches, marked, selected, onSelect, onOpen, onEscape }: CanvasProps) {
  const positions = laid ?? NO_POSITIONS;
  const shown = useProgressiveCount(graph.nodes.length);
  const root = useRef<HTMLDivElement>(null);
  // Past LARGE nodes labels on edges are unreadable at the zoom that fits the graph, and React Flow's
  // nodes and edges cost most of the DOM: compact cards, and edges drawn by the edge layer (straight and
  // unlabelled; the side panel and the table view still say what flows).
  const large = graph.nodes.length > LARGE;
  const boxes = useMemo(() => absoluteBoxes(graph, positions), [graph, positions]);
  const nodes = useMemo(() => cardNodes(graph, positions, { matches, marked, selected, compact: large }), [graph, positions, matches, marked, selected, large]);
  const visibleNodes = useMemo(() => nodes.slice(0, shown), [nodes, shown]);
  const drawn = useMemo(() => graph.edges.filter((e) => e.kind !== "contains"), [graph]);
  // React Flow draws an edge once both ends are mounted: while the graph mounts in batches, only those.
  // The edge layer draws every edge from the start instead: a layer that changed with every batch would
  // be laid out and repainted whole, over every card already there, each time.
  const flowEdges = useMemo(() => {
    if (large) return NO_EDGES;
    if (shown >= graph.nodes.length) return drawn.map(flowEdge);
    const mounted = new Set(visibleNodes.map((n) => n.id));
    return drawn.filter((e) => mounted.has(e.source) && mounted.has(e.target)).map(flowEdge);
  }, [large, drawn, visibleNodes, shown, graph]);
  useGraphKeys(root, boxes, selected, { onOpen, onSelect, onEscape });
  // Stable handlers: new ones would re-render every mounted node (React Flow hands them to each).
  const handlers = useLatest({ onSelect, onOpen });
  const onNodeClick = useCallback((_: unknown, n: Node) => handlers.current.onSelect(n.id), [handlers]);
  const onNodeDoubleClick = useCallback((_: unknown, n: Node) => handlers.current.onOpen(n.id), [handlers]);
  return (
    <ReactFlow
      ref={root}
      data-rendered={shown}
      data-total={graph === EMPTY ? undefined : graph.nodes.length}
      nodes={visibleNodes}
      edges={flowEdges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      onlyRenderVisibleElements
      minZoom={MIN_ZOOM}
      onNodeClick={onNodeClick}
      onNodeDoubleClick={onNodeDoubleClick}
      proOptions={PRO_OPTIONS}
    >
      {large && <EdgeLayer edges={drawn} boxes={boxes} dimmed={matches.size > 0} />}
      <FitGraph boxes={boxes} />
      <FocusOn ids={matches} />
      <FocusOn ids={marked} />
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

const LARGE = 80;
const NO_EDGES: Edge[] = [];
const PRO_OPTIONS = { hideAttribution: true };

/** A React Flow edge for a small graph: styled by kind, labelled with what flows. */
function flowEdge(e: GraphEdge): Edge {
  const s = EDGE_STYLE[e.kind];
  return { id: e.id, source: e.source, target: e.target, zIndex: 2, focusable: false, interactionWidth: 0, style: { stroke: s.color, strokeWidth: 1.5, strokeDasharray: s.dash }, markerEnd: { type: MarkerType.ArrowClosed, color: s.color }, label: e.label, labelStyle: { fontSize: 10, fill: "#334155" }, labelBgStyle: { fill: "#f8fafc" } };
}

/**
 * Fits the whole graph from the layout's boxes as soon as the pane has a size, before most nodes are
 * mounted (React Flow's `fitView` would fit only the first batch).
 */
function FitGraph({ boxes }: { boxes: ReadonlyMap<string, Box> }) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const sized = width > 0 && height > 0;
  useEffect(() => {
    const bounds = boundsOf(boxes.values());
    if (!sized || !bounds) return;
    void flow.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1.5, 0.1));
    // Only a new layout refits; resizing the window keeps the user's pan and zoom.
  }, [boxes, sized, flow]);
  return null;
}

function FocusOn({ ids }: { ids: Set<string> }) {
  const flow = useReactFlow();
  const key = [...ids].sort().join(",");
  useEffect(() => {
    if (key) void flow.fitView({ nodes: key.split(",").map((id) => ({ id })), duration: 300, maxZoom: 1.2 });
  }, [key, flow]);
  return null;
}
