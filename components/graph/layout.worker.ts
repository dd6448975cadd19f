/// <reference lib="webworker" />
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";
import type { LayoutRequest, LayoutResult } from "./layout-types";

/**
 * Lays the graph out with ELK's layered algorithm in a Web Worker, so the main thread never runs the
 * layout. Group nodes (workspaces, clusters, namespaces) contain their children.
 */
const elk = new ELK();
const GROUP = { "elk.padding": "[top=56,left=16,bottom=16,right=16]" };

/**
 * Small graphs get the careful layout; large ones skip crossing minimisation and spline routing, which
 * cost most of ELK's time and matter little at that size. Flat graphs skip hierarchy handling.
 */
function layoutOptions(nodes: LayoutRequest["nodes"]): Record<string, string> {
  const large = nodes.length > 80;
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

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  if (id === 0) return; // warm-up: loading ELK is the expensive part of the first layout
  try {
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
    const laid = await elk.layout(root);
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
};
