import { Position, type NodeHandle } from "@xyflow/react";
import type { Graph, GraphNode } from "@/lib/graph";
import type { LayoutResult } from "./layout-types";
import type { CardNode } from "./node-card";

/** What the canvas shows about nodes besides the graph: search matches, marked nodes, the selection. */
export interface CardState {
  matches: ReadonlySet<string>;
  marked: ReadonlySet<string>;
  selected: string;
  /** Large graphs: compact cards without handles (the edge layer draws their edges). */
  compact: boolean;
}

const FALLBACK = { x: 0, y: 0, width: 170, height: 52 };
const NO_HANDLES: NodeHandle[] = [];
// Important: React Flow's own stylesheet removes the outline of a focused node.
const FOCUS = "rounded-md focus-visible:outline-solid! focus-visible:outline-3! focus-visible:outline-offset-2! focus-visible:outline-indigo-600!";

/**
 * Handles declared on the node (left in, right out) as well as rendered in it: edges can be drawn from
 * the first render, before React Flow has measured the node's handles.
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  return [
    { type: "target", position: Position.Left, x: 0, y: height / 2 - 2, width: 4, height: 4 },
    { type: "source", position: Position.Right, x: width - 4, y: height / 2 - 2, width: 4, height: 4 },
  ];
}

/** The last React Flow node made for a graph node, with what it was made from. */
const made = new WeakMap<GraphNode, { key: string; node: CardNode }>();

/**
 * React Flow nodes for a laid-out graph. A node whose inputs did not change is the very object made last
 * time, so selecting a node or typing a search re-renders the few cards that change instead of every
 * card (React Flow skips nodes it has seen, and the card is memoised on its props).
 */
export function cardNodes(graph: Graph, positions: LayoutResult["positions"], state: CardState): CardNode[] {
  const parents = new Set(graph.nodes.map((n) => n.parent).filter(Boolean));
  return graph.nodes.map((n) => {
    const p = positions[n.id] ?? FALLBACK;
    const group = parents.has(n.id);
    const highlighted = state.matches.has(n.id);
    const marked = state.marked.has(n.id);
    const dimmed = state.matches.size > 0 && !highlighted && !group;
    const selected = n.id === state.selected;
    const key = `${p.x},${p.y},${p.width},${p.height},${group},${highlighted},${marked},${dimmed},${selected},${state.compact}`;
    const last = made.get(n);
    if (last?.key === key) return last.node;
    // Declared sizes (whole pixels, as the DOM measures them): React Flow shows the node at once instead
    // of hiding it until a measuring pass.
    const width = Math.round(p.width);
    const height = Math.round(p.height);
    const node: CardNode = {
      id: n.id,
      type: "card",
      position: { x: p.x, y: p.y },
      parentId: n.parent,
      extent: n.parent ? "parent" : undefined,
      width,
      height,
      measured: { width, height },
      // Compact cards have no handles: an empty list still tells React Flow there is nothing to measure.
      handles: state.compact ? NO_HANDLES : handlesOf(width, height),
      selected,
      ariaLabel: `${n.kind} ${n.label}`,
      className: FOCUS,
      data: { node: n, highlighted, marked, dimmed, group, compact: state.compact },
      zIndex: group ? 0 : 1,
    };
    made.set(n, { key, node });
    return node;
  });
}
