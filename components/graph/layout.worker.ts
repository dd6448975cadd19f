/// <reference lib="webworker" />
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";
import type { LayoutRequest, LayoutResult } from "./layout-types";

/**
 * Lays the graph out with ELK's layered algorithm in a Web Worker, so the main thread never runs the
 * layout. Group nodes (workspaces, clusters, namespaces) contain their children.
 */
const elk = new ELK();
const GROUP = { "elk.padding": "[top=56,left=16,bottom=16,right=16]" };

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  try {
    const byId = new Map<string, ElkNode>(nodes.map((n) => [n.id, { id: n.id, width: n.width, height: n.height, children: [] }]));
    const root: ElkNode = {
      id: "root",
      layoutOptions: { "elk.algorithm": "layered", "elk.direction": "RIGHT", "elk.hierarchyHandling": "INCLUDE_CHILDREN", "elk.spacing.nodeNode": "24", "elk.layered.spacing.nodeNodeBetweenLayers": "60", "elk.edgeRouting": "SPLINES" },
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
