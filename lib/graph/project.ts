import { cmp } from "../workspaces/kinds";
import type { Graph, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind } from "./types";

/**
 * Turns a full node tree (every node with its parent, edges between leaves) into what the UI shows: only
 * nodes whose ancestors are all expanded, edges lifted to the nearest shown ancestor, past `maxNodes`
 * sibling leaves of one kind collapsed into aggregate nodes, and finally edges with the same kind and
 * endpoints merged once (so labels are joined from the original edges, never twice). Deterministic: parents
 * precede children, then kind order, then id; edges by id.
 */

const KIND_ORDER: readonly GraphNodeKind[] = ["workspace", "cluster", "namespace", "gateway", "listener", "gatewayRoute", "routeTable", "route", "destination", "backend", "policy", "workload", "aggregate"];
const PLURAL: Readonly<Record<GraphNodeKind, string>> = {
  workspace: "workspaces", cluster: "clusters", namespace: "namespaces", routeTable: "route tables", route: "routes",
  destination: "destinations", policy: "policies", workload: "workloads", gateway: "gateways", listener: "listeners",
  gatewayRoute: "routes", backend: "backends", aggregate: "groups",
};

/**
 * Projects `full` for the expanded node ids, closing the deepest expansions first if aggregation cannot
 * fit `maxNodes`. Nodes in `keep` (the focus of a view) are never folded into an aggregate.
 */
export function projectGraph(full: Graph, expanded: Iterable<string>, maxNodes: number, keep: ReadonlySet<string> = new Set()): Graph {
  const tree = indexTree(full.nodes);
  const open = new Set([...expanded].filter((id) => (tree.children.get(id)?.length ?? 0) > 0));
  for (;;) {
    const shown = aggregate(projectOnce(full, tree, open), tree, maxNodes, keep);
    if (shown.nodes.length <= maxNodes || open.size === 0) return sortGraph({ nodes: shown.nodes, edges: mergeEdges(shown.edges) }, tree);
    const deepest = [...open].sort((a, b) => (tree.depth(b) - tree.depth(a)) || cmp(a, b))[0];
    if (deepest !== undefined) open.delete(deepest);
  }
}

interface Tree {
  byId: Map<string, GraphNode>;
  children: Map<string, string[]>;
  depth(id: string): number;
}

function indexTree(nodes: readonly GraphNode[]): Tree {
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parent === undefined) continue;
    const list = children.get(n.parent);
    if (list) list.push(n.id);
    else children.set(n.parent, [n.id]);
  }
  const depths = new Map<string, number>();
  const depth = (id: string): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parent;
    const d = parent !== undefined && byId.has(parent) ? depth(parent) + 1 : 0;
    depths.set(id, d);
    return d;
  };
  return { byId, children, depth };
}

function projectOnce(full: Graph, tree: Tree, open: ReadonlySet<string>): Graph {
  const rep = new Map<string, string>();
  const representative = (id: string): string => {
    const known = rep.get(id);
    if (known !== undefined) return known;
    const parent = tree.byId.get(id)?.parent;
    let r = id;
    if (parent !== undefined && tree.byId.has(parent)) {
      const pr = representative(parent);
      r = pr === parent && open.has(parent) ? id : pr;
    }
    rep.set(id, r);
    return r;
  };
  const nodes: GraphNode[] = [];
  for (const n of full.nodes) {
    if (representative(n.id) !== n.id) continue;
    const hidden = (tree.children.get(n.id)?.length ?? 0) > 0 && !open.has(n.id);
    nodes.push(hidden ? { ...n, badges: [...(n.badges ?? []), "expandable"] } : n);
  }
  const edges: GraphEdge[] = [];
  for (const e of full.edges) {
    const s = representative(e.source);
    const t = representative(e.target);
    // Containment is only meaningful between the objects themselves: never lift it.
    if (e.kind === "contains" && (s !== e.source || t !== e.target)) continue;
    edges.push({ ...e, source: s, target: t });
  }
  return { nodes, edges };
}

/** Collapses sibling leaves (same parent and kind), deepest and largest groups first, until `maxNodes` fits. */
function aggregate(g: Graph, tree: Tree, maxNodes: number, keep: ReadonlySet<string>): Graph {
  if (g.nodes.length <= maxNodes) return g;
  const parents = new Set(g.nodes.map((n) => n.parent).filter((p): p is string => p !== undefined));
  const groups = new Map<string, GraphNode[]>();
  for (const n of g.nodes) {
    if (parents.has(n.id) || n.kind === "aggregate" || keep.has(n.id)) continue;
    // Imported objects stay apart from owned ones: the difference is what the detail view is about.
    const key = `${n.parent ?? ""}\u0000${n.kind}\u0000${isImported(n) ? "imported" : ""}`;
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  }
  const ordered = [...groups.entries()].sort(([ka, a], [kb, b]) => (tree.depth(b[0]?.id ?? "") - tree.depth(a[0]?.id ?? "")) || (b.length - a.length) || cmp(ka, kb));
  const into = new Map<string, string>();
  const aggregates: GraphNode[] = [];
  let count = g.nodes.length;
  for (const [, members] of ordered) {
    if (count <= maxNodes) break;
    const first = members[0];
    if (!first || members.length < 2) continue;
    const node = aggregateNode(first, members);
    for (const m of members) into.set(m.id, node.id);
    aggregates.push(node);
    count -= members.length - 1;
  }
  const nodes = [...g.nodes.filter((n) => !into.has(n.id)), ...aggregates];
  const edges = g.edges.map((e) => ({ ...e, source: into.get(e.source) ?? e.source, target: into.get(e.target) ?? e.target }));
  return { nodes, edges };
}

function isImported(n: GraphNode): boolean {
  return n.badges?.includes("imported") ?? false;
}

function aggregateNode(first: GraphNode, members: readonly GraphNode[]): GraphNode {
  const workspaces = new Set(members.map((m) => m.workspace));
  const imported = isImported(first);
  const node: GraphNode = {
    id: `agg:${first.parent ?? "root"}:${first.kind}${imported ? ":imported" : ""}`,
    kind: "aggregate",
    label: `+ ${members.length} ${imported ? "imported " : ""}${PLURAL[first.kind]}`,
    counts: { [first.kind]: members.length },
    workspace: workspaces.size === 1 ? first.workspace : "",
    badges: imported ? [first.kind, "imported"] : [first.kind],
  };
  if (first.parent !== undefined) node.parent = first.parent;
  return node;
}

/** Merges edges with the same kind and endpoints, drops self-loops, and joins their labels. */
export function mergeEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  const merged = new Map<string, { kind: GraphEdgeKind; source: string; target: string; labels: Set<string> }>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    const id = edgeId(e.kind, e.source, e.target);
    const m = merged.get(id);
    if (m) m.labels.add(e.label);
    else merged.set(id, { kind: e.kind, source: e.source, target: e.target, labels: new Set([e.label]) });
  }
  return [...merged.entries()].map(([id, m]) => ({ id, source: m.source, target: m.target, kind: m.kind, label: joinLabels([...m.labels]) }));
}

/** The stable id of an edge. */
export function edgeId(kind: GraphEdgeKind, source: string, target: string): string {
  return `${kind}:${source}->${target}`;
}

function joinLabels(labels: string[]): string {
  const list = labels.filter((l) => l !== "").sort(cmp);
  return list.length <= 3 ? list.join(", ") : `${list.slice(0, 2).join(", ")}, +${list.length - 2} more`;
}

function sortGraph(g: Graph, tree: Tree): Graph {
  const depth = (n: GraphNode): number => (n.parent === undefined ? 0 : tree.byId.has(n.parent) ? tree.depth(n.parent) + 1 : 1);
  const nodes = [...g.nodes].sort((a, b) => (depth(a) - depth(b)) || (KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)) || cmp(a.id, b.id));
  const edges = [...g.edges].sort((a, b) => cmp(a.id, b.id));
  return { nodes, edges };
}
