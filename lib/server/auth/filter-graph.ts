import "server-only";
import type { Graph, GraphNode } from "@/lib/graph";
import type { ReadFilter } from "./visibility";

/**
 * The part of a graph a caller may see: nodes of readable objects and visible workspaces, the group
 * nodes enclosing them, and edges between kept nodes. Aggregates of hidden workspaces go too.
 */
export function filterGraph(graph: Graph, f: ReadFilter): Graph {
  if (f.all) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const keep = new Set<string>();
  const direct = (n: GraphNode) => (n.ref ? f.ref(n.ref) : n.workspace !== "" && f.workspace(n.workspace));
  for (const n of graph.nodes) {
    if (!direct(n)) continue;
    for (let cur: GraphNode | undefined = n; cur && !keep.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) keep.add(cur.id);
  }
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}
