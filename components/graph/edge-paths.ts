import type { GraphEdge, GraphEdgeKind } from "@/lib/graph";
import type { Box } from "./spatial";

/** SVG path data for one edge kind: the lines, and their arrowheads (filled). */
export interface KindPaths {
  kind: GraphEdgeKind;
  lines: string;
  heads: string;
}

/** Arrowhead length and half-width, in flow units (React Flow's closed arrow is about this size). */
const HEAD = 9;
const HALF = 4;

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Straight edges from the source's right middle to the target's left middle (where React Flow's handles
 * sit), bundled into one line path and one arrowhead path per edge kind: a large graph's edges then cost
 * a handful of DOM elements instead of three or more each. Edges with an endpoint missing from `boxes`
 * (not laid out, or not mounted yet) are left out. Kinds come out in first-seen order.
 */
export function edgePaths(edges: readonly GraphEdge[], boxes: ReadonlyMap<string, Box>): KindPaths[] {
  const byKind = new Map<GraphEdgeKind, { lines: string[]; heads: string[] }>();
  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const x1 = s.x + s.width;
    const y1 = s.y + s.height / 2;
    const x2 = t.x;
    const y2 = t.y + t.height / 2;
    const length = Math.hypot(x2 - x1, y2 - y1);
    if (length < 1) continue;
    const ux = (x2 - x1) / length;
    const uy = (y2 - y1) / length;
    // The line stops where the arrowhead starts, so a dashed line does not show through the head.
    const bx = x2 - ux * HEAD;
    const by = y2 - uy * HEAD;
    let paths = byKind.get(e.kind);
    if (!paths) byKind.set(e.kind, (paths = { lines: [], heads: [] }));
    paths.lines.push(`M${round(x1)} ${round(y1)}L${round(bx)} ${round(by)}`);
    paths.heads.push(`M${round(x2)} ${round(y2)}L${round(bx - uy * HALF)} ${round(by + ux * HALF)}L${round(bx + uy * HALF)} ${round(by - ux * HALF)}Z`);
  }
  return [...byKind].map(([kind, p]) => ({ kind, lines: p.lines.join(""), heads: p.heads.join("") }));
}
