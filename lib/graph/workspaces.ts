import type { AttachmentIndex } from "../policies/types";
import { cmp } from "../workspaces/kinds";
import type { KindCount, WorkspaceAgreement, WorkspaceEdge, WorkspaceIndex } from "../workspaces/types";
import { edgeId, mergeEdges } from "./project";
import { DEFAULT_MAX_NODES, type Graph, type GraphEdge, type GraphNode, type GraphOptions } from "./types";

/**
 * `view=workspaces`: one node per workspace with counts, and one edge per declared import/export
 * relationship labelled with what flows (reference §3 item 2).
 */

/** The id of a workspace node. */
export function workspaceNodeId(name: string): string {
  return `ws:${name}`;
}

/** Policies per workspace, counted once. */
export function policyCounts(attachment: AttachmentIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of attachment.policies) out.set(p.workspace, (out.get(p.workspace) ?? 0) + 1);
  return out;
}

/** Counts shown on a workspace node. */
export function workspaceCounts(index: WorkspaceIndex, policies: ReadonlyMap<string, number>, name: string): Record<string, number> {
  const ws = index.workspace(name);
  let routeTables = 0;
  let destinations = 0;
  for (const e of index.ownedBy(name)) {
    if (e.ref.kind === "RouteTable") routeTables++;
    else if (e.ref.kind === "Service" || e.ref.kind === "VirtualDestination" || e.ref.kind === "ExternalService") destinations++;
  }
  return {
    clusters: ws?.clusters.length ?? 0,
    namespaces: ws?.namespaces.length ?? 0,
    routeTables,
    destinations,
    policies: policies.get(name) ?? 0,
    exported: index.exportedBy(name).length,
    imported: index.importedBy(name).length,
  };
}

/** Badges of a workspace node: missing settings and the worst finding severities. */
export function workspaceBadges(index: WorkspaceIndex, attachment: AttachmentIndex, name: string): string[] {
  const badges: string[] = [];
  if (!index.workspace(name)?.settings) badges.push("no-settings");
  const severities = new Set([...index.findingsOf(name), ...attachment.findingsOf(name)].map((f) => f.severity));
  if (severities.has("error")) badges.push("error");
  if (severities.has("warning")) badges.push("warning");
  return badges;
}

/** "1 RouteTable, 5 Service" — what flows along an edge. */
export function flowLabel(kinds: readonly KindCount[]): string {
  return kinds.map((k) => `${k.count} ${k.kind}`).join(", ");
}

/**
 * The edge of one agreement: `export` when objects flow (labelled with kinds and counts) or only the
 * owner declares it; `import` when only the consumer declares it. Source is always the owner.
 */
export function agreementEdge(a: WorkspaceAgreement, flows: ReadonlyMap<string, WorkspaceEdge>): GraphEdge {
  const source = workspaceNodeId(a.from);
  const target = workspaceNodeId(a.to);
  if (a.flowing > 0) {
    const edge = flows.get(`${a.from}\u0000${a.to}`);
    return { id: edgeId("export", source, target), source, target, kind: "export", label: edge ? flowLabel(edge.kinds) : `${a.flowing} objects` };
  }
  if (a.importRules.length === 0) return { id: edgeId("export", source, target), source, target, kind: "export", label: "exported, not imported" };
  if (a.exportRules.length === 0) return { id: edgeId("import", source, target), source, target, kind: "import", label: "imported, not exported" };
  return { id: edgeId("export", source, target), source, target, kind: "export", label: "nothing matches both sides" };
}

/** The flowing edges of an index by `from\u0000to`. */
export function flowsByPair(index: WorkspaceIndex): Map<string, WorkspaceEdge> {
  return new Map(index.edges.map((e) => [`${e.from}\u0000${e.to}`, e] as const));
}

/** Builds the workspaces overview; past `maxNodes`, the least connected workspaces collapse into one aggregate. */
export function workspaceGraph(index: WorkspaceIndex, attachment: AttachmentIndex, options: GraphOptions = {}): Graph {
  const maxNodes = Math.max(1, options.maxNodes ?? DEFAULT_MAX_NODES);
  const policies = policyCounts(attachment);
  const nodes: GraphNode[] = index.workspaces.map((ws) => ({
    id: workspaceNodeId(ws.name), kind: "workspace", label: ws.name, ref: ws.ref, workspace: ws.name,
    counts: workspaceCounts(index, policies, ws.name), badges: workspaceBadges(index, attachment, ws.name),
  }));
  const flows = flowsByPair(index);
  const edges = index.agreements.map((a) => agreementEdge(a, flows));
  return collapseWorkspaces({ nodes, edges }, maxNodes);
}

function collapseWorkspaces(g: Graph, maxNodes: number): Graph {
  if (g.nodes.length <= maxNodes) return { nodes: g.nodes, edges: [...g.edges].sort((a, b) => cmp(a.id, b.id)) };
  const degree = new Map<string, number>();
  for (const e of g.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const ranked = [...g.nodes].sort((a, b) => ((degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0)) || cmp(a.id, b.id));
  const kept = new Set(ranked.slice(0, maxNodes - 1).map((n) => n.id));
  const rest = ranked.slice(maxNodes - 1);
  const agg: GraphNode = { id: "agg:root:workspace", kind: "aggregate", label: `+ ${rest.length} workspaces`, counts: { workspace: rest.length }, workspace: "", badges: ["workspace"] };
  const nodes = [...g.nodes.filter((n) => kept.has(n.id)), agg];
  const into = (id: string) => (kept.has(id) ? id : agg.id);
  const edges = mergeEdges(g.edges.map((e) => ({ ...e, source: into(e.source), target: into(e.target) }))).sort((a, b) => cmp(a.id, b.id));
  return { nodes, edges };
}
