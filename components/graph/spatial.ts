import type { Graph } from "@/lib/graph";
import type { LayoutResult } from "./layout-types";

/** A node's box in flow coordinates (positions from the layout are relative to the parent). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Absolute boxes of every laid-out node: parents precede children in `graph.nodes`, so one pass suffices. */
export function absoluteBoxes(graph: Graph, positions: LayoutResult["positions"]): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (!p) continue;
    const parent = n.parent ? out.get(n.parent) : undefined;
    out.set(n.id, { x: p.x + (parent?.x ?? 0), y: p.y + (parent?.y ?? 0), width: p.width, height: p.height });
  }
  return out;
}

/** The smallest box holding every box; `null` for none. */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export type Direction = "left" | "right" | "up" | "down";

const AXIS: Record<Direction, { dx: number; dy: number }> = { left: { dx: -1, dy: 0 }, right: { dx: 1, dy: 0 }, up: { dx: 0, dy: -1 }, down: { dx: 0, dy: 1 } };

/**
 * The node an arrow key moves focus to: among nodes whose centre lies in the arrow's direction (within a
 * 45° cone either side), the nearest, with sideways distance weighted double so focus stays on a row or
 * column. Groups take part too, so focus can reach a cluster or namespace frame. `null` when nothing is there.
 */
export function nextInDirection(boxes: ReadonlyMap<string, Box>, from: string, direction: Direction): string | null {
  const start = boxes.get(from);
  if (!start) return null;
  const { dx, dy } = AXIS[direction];
  const cx = start.x + start.width / 2;
  const cy = start.y + start.height / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, b] of boxes) {
    if (id === from) continue;
    const ox = b.x + b.width / 2 - cx;
    const oy = b.y + b.height / 2 - cy;
    const along = ox * dx + oy * dy;
    const across = Math.abs(ox * dy - oy * dx);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
