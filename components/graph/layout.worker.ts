/// <reference lib="webworker" />
import type { ELK as Elk, ElkNode } from "elkjs/lib/elk-api.js";
import potpack from "potpack";
import type { LayoutRequest, LayoutResult } from "./layout-types";

/**
 * Lays the graph out in a Web Worker, so the main thread never runs the layout: ELK's layered algorithm,
 * with group nodes (workspaces, clusters, namespaces) containing their children; a large flat graph is
 * packed with potpack instead. ELK (a large script) loads on first use, so a packed overview never waits
 * for it; it is warmed up in the background after the first layout.
 */
let elk: Promise<Elk> | null = null;
function loadElk(): Promise<Elk> {
  elk ??= import("elkjs/lib/elk.bundled.js").then((m) => new m.default());
  return elk;
}
const GROUP = { "elk.padding": "[top=56,left=16,bottom=16,right=16]" };

const LARGE = 80;

/**
 * Small graphs get the careful layered layout; large nested ones skip crossing minimisation and spline
 * routing, which cost most of ELK's time.
 */
function layoutOptions(nodes: LayoutRequest["nodes"]): Record<string, string> {
  const large = nodes.length > LARGE;
  const nested = nodes.some((n) => n.parent);
  return {
    "elk.algorithm": "layered",
    "elk.direction": "RIGHT",
    "elk.hierarchyHandling": nested ? "INCLUDE_CHILDREN" : "SEPARATE_CHILDREN",
    "elk.spacing.nodeNode": "24",
    "elk.layered.spacing.nodeNodeBetweenLayers": "60",
    "elk.edgeRouting": large ? "POLYLINE" : "SPLINES",
    ...(large ? { "elk.layered.crossingMinimization.strategy": "NONE", "elk.layered.thoroughness": "1" } : {}),
  };
}

/** Breadth-first order over the edges, busiest nodes first, so box packing puts neighbours side by side. */
function packingOrder(nodes: LayoutRequest["nodes"], edges: LayoutRequest["edges"]): LayoutRequest["nodes"] {
  const adjacent = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    adjacent.get(e.source)?.push(e.target);
    adjacent.get(e.target)?.push(e.source);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seeds = [...nodes].sort((a, b) => adjacent.get(b.id)!.length - adjacent.get(a.id)!.length);
  const seen = new Set<string>();
  const out: LayoutRequest["nodes"] = [];
  for (const seed of seeds) {
    const queue = [seed.id];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(byId.get(id)!);
      queue.push(...adjacent.get(id)!.filter((x) => !seen.has(x)));
    }
  }
  return out;
}

const SPACING = 28;

/**
 * A large flat graph (the collapsed overview of hundreds of workspaces) is packed into a near-square box:
 * layered would stretch it into one very long row and take seconds, packing takes a millisecond, and
 * `packingOrder` keeps connected nodes side by side (potpack's sort by height is stable, and every leaf
 * has the same height).
 */
function packed(nodes: LayoutRequest["nodes"], edges: LayoutRequest["edges"]): LayoutResult["positions"] {
  const boxes = packingOrder(nodes, edges).map((n) => ({ id: n.id, w: n.width + SPACING, h: n.height + SPACING, x: 0, y: 0 }));
  potpack(boxes);
  return Object.fromEntries(boxes.map((b) => [b.id, { x: b.x, y: b.y, width: b.w - SPACING, height: b.h - SPACING }]));
}

async function onLayoutRequest(event: MessageEvent<LayoutRequest>): Promise<void> {
  const { id, nodes, edges } = event.data;
  if (id === 0) return; // warm-up: starting the worker early
  try {
    if (nodes.length > LARGE && !nodes.some((n) => n.parent)) {
      self.postMessage({ id, positions: packed(nodes, edges) } satisfies LayoutResult);
      setTimeout(() => void loadElk(), 0);
      return;
    }
    const byId = new Map<string, ElkNode>(nodes.map((n) => [n.id, { id: n.id, width: n.width, height: n.height, children: [] }]));
    const root: ElkNode = {
      id: "root",
      layoutOptions: layoutOptions(nodes),
      children: [],
      edges: edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
    };
    for (const n of nodes) {
      const parent = n.parent ? byId.get(n.parent) : undefined;
      (parent ?? root).children!.push(byId.get(n.id)!);
    }
    for (const node of byId.values()) {
      if (node.children!.length > 0) node.layoutOptions = GROUP;
      else delete node.children;
    }
    const laid = await (await loadElk()).layout(root);
    const positions: LayoutResult["positions"] = {};
    const walk = (n: ElkNode) => {
      for (const c of n.children ?? []) {
        positions[c.id] = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
        walk(c);
      }
    };
    walk(laid);
    self.postMessage({ id, positions } satisfies LayoutResult);
  } catch (err) {
    self.postMessage({ id, positions: {}, error: String(err) } satisfies LayoutResult);
  }
}

// A listener, not `self.onmessage`: ELK's bundle, loaded inside a worker, sets `self.onmessage` to serve
// as ELK's own worker (it ignores messages without an ELK command, such as these).
self.addEventListener("message", (event: MessageEvent<LayoutRequest>) => void onLayoutRequest(event));
