import type { AttachmentIndex, RouteDestination } from "../policies/types";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { ROUTE_TABLE_GK, cmp } from "../workspaces/kinds";
import type { WorkspaceIndex, WorkspaceInfo } from "../workspaces/types";
import { edgeId, projectGraph } from "./project";
import { DEFAULT_MAX_NODES, type Graph, type GraphEdge, type GraphEdgeKind, type GraphNode, type GraphNodeKind, type GraphOptions } from "./types";
import { agreementEdge, flowsByPair, policyCounts, workspaceBadges, workspaceCounts, workspaceNodeId } from "./workspaces";

/**
 * `view=workspace`: one workspace as a group node. Expanding it (its id in `expand`) shows its clusters
 * (expand a cluster for its namespaces and the attached workloads in them), route tables (expand one for
 * its routes), destinations, policies and imported objects, with attach, forward and contains edges.
 * Neighbour workspaces appear with the import/export edges that connect them. Destinations a route
 * cannot see appear outside the group, marked `not-visible` or `not-found`.
 */
export function workspaceDetailGraph(index: WorkspaceIndex, attachment: AttachmentIndex, name: string, expand: readonly string[] = [], options: GraphOptions = {}): Graph {
  const ws = index.workspace(name);
  if (!ws) return { nodes: [], edges: [] };
  const d: Detail = { index, attachment, ws, root: workspaceNodeId(ws.name), nodes: new Map(), edges: [], byRef: new Map() };
  for (const step of [addWorkspace, addClusters, addOwned, addImported, addRoutes, addPolicies, addNeighbours]) step(d);
  return projectGraph({ nodes: [...d.nodes.values()], edges: d.edges }, expand, Math.max(1, options.maxNodes ?? DEFAULT_MAX_NODES), new Set([d.root]));
}

const NODE_KIND_OF: Readonly<Record<string, GraphNodeKind>> = { RouteTable: "routeTable", Service: "destination", VirtualDestination: "destination", ExternalService: "destination" };

/** The full tree for one workspace while it is built; `projectGraph` decides what is shown. */
interface Detail {
  index: WorkspaceIndex;
  attachment: AttachmentIndex;
  ws: WorkspaceInfo;
  root: string;
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  /** refKey → node id of objects present in this view. */
  byRef: Map<string, string>;
}

function add(d: Detail, node: GraphNode): void {
  if (!d.nodes.has(node.id)) d.nodes.set(node.id, node);
}

function addEdge(d: Detail, kind: GraphEdgeKind, source: string, target: string, label: string): void {
  d.edges.push({ id: edgeId(kind, source, target), source, target, kind, label });
}

function nsId(d: Detail, cluster: string, namespace: string): string {
  return `ns:${d.ws.name}:${cluster}/${namespace}`;
}

function addWorkspace(d: Detail): void {
  const { index, attachment, ws } = d;
  add(d, { id: d.root, kind: "workspace", label: ws.name, ref: ws.ref, workspace: ws.name, counts: workspaceCounts(index, policyCounts(attachment), ws.name), badges: workspaceBadges(index, attachment, ws.name) });
}

function addClusters(d: Detail): void {
  for (const cluster of d.ws.clusters) {
    const namespaces = d.ws.namespaces.filter((n) => n.cluster === cluster);
    const id = `cl:${d.ws.name}:${cluster}`;
    add(d, { id, kind: "cluster", label: cluster, parent: d.root, workspace: d.ws.name, counts: { namespaces: namespaces.length } });
    for (const n of namespaces) {
      const badges = [...(n.configEnabled ? ["config"] : []), ...(n.contestedWith.length > 0 ? ["contested"] : [])];
      add(d, { id: nsId(d, cluster, n.namespace), kind: "namespace", label: n.namespace, parent: id, workspace: d.ws.name, badges });
    }
  }
}

/** Own route tables (with their routes), destinations and policies, each contained in its namespace. */
function addOwned(d: Detail): void {
  const exported = new Set(d.index.exportedBy(d.ws.name).map((e) => refKey(e.ref)));
  for (const e of d.index.ownedBy(d.ws.name)) {
    const kind = NODE_KIND_OF[e.ref.kind] ?? (d.attachment.policy(e.ref) ? "policy" : undefined);
    if (!kind) continue;
    const prefix = kind === "routeTable" ? "rt" : kind === "policy" ? "pol" : "dst";
    const id = `${prefix}:${e.key}`;
    const badges = [e.ref.kind, ...(exported.has(e.key) ? ["exported"] : [])];
    add(d, { id, kind, label: labelOf(e.ref), parent: d.root, ref: e.ref, workspace: d.ws.name, badges });
    d.byRef.set(e.key, id);
    addEdge(d, "contains", nsId(d, e.ref.cluster, e.ref.namespace), id, "");
    if (e.gk !== ROUTE_TABLE_GK) continue;
    for (const r of d.attachment.routesOf(e.ref)) {
      add(d, { id: `route:${r.key}`, kind: "route", label: r.name || `#${r.index}`, parent: id, workspace: d.ws.name, badges: [r.action] });
    }
  }
}

function addImported(d: Detail): void {
  for (const i of d.index.importedBy(d.ws.name)) {
    const key = refKey(i.ref);
    const id = `imp:${key}`;
    add(d, { id, kind: NODE_KIND_OF[i.ref.kind] ?? "destination", label: labelOf(i.ref), parent: d.root, ref: i.ref, workspace: i.from, badges: [i.ref.kind, "imported", `from:${i.from}`] });
    d.byRef.set(key, id);
  }
}

/** Forward edges to destinations (outside nodes for ones the workspace cannot see) and delegate edges. */
function addRoutes(d: Detail): void {
  for (const r of d.attachment.routes) {
    if (r.workspace !== d.ws.name) continue;
    const source = `route:${r.key}`;
    for (const dest of r.destinations) addEdge(d, "forward", source, destinationNode(d, dest), forwardLabel(dest));
    for (const t of r.delegates) {
      const target = d.byRef.get(refKey(t));
      if (target) addEdge(d, "forward", source, target, "delegate");
    }
  }
}

function addPolicies(d: Detail): void {
  for (const p of d.attachment.policies) {
    if (p.workspace !== d.ws.name) continue;
    const source = `pol:${refKey(p.policy)}`;
    const targets = p.routes.length + p.destinations.length;
    if (targets > 0 && p.routes.every((t) => !t.effective) && p.destinations.every((t) => !t.effective)) d.nodes.get(source)?.badges?.push("overridden");
    for (const t of p.routes) addEdge(d, "attach", source, `route:${t.route.key}`, t.effective ? "" : "overridden");
    for (const t of p.routeDestinations) addEdge(d, "attach", source, `route:${t.route.key}`, `on ${t.destination.name}`);
    for (const t of p.destinations) {
      const target = d.byRef.get(refKey(t.destination));
      if (target) addEdge(d, "attach", source, target, t.effective ? "" : "overridden");
    }
    for (const w of p.workloads) addEdge(d, "attach", source, workloadNode(d, w), "");
  }
}

function addNeighbours(d: Detail): void {
  const flows = flowsByPair(d.index);
  for (const a of d.index.agreements) {
    if (a.from !== d.ws.name && a.to !== d.ws.name) continue;
    const other = a.from === d.ws.name ? a.to : a.from;
    const info = d.index.workspace(other);
    if (info) add(d, { id: workspaceNodeId(other), kind: "workspace", label: other, ref: info.ref, workspace: other });
    d.edges.push(agreementEdge(a, flows));
  }
}

function destinationNode(d: Detail, dest: RouteDestination): string {
  const key = refKey(dest.ref);
  const known = d.byRef.get(key);
  if (known) return known;
  const id = `ext:${key}`;
  add(d, { id, kind: "destination", label: labelOf(dest.ref), ref: dest.ref, workspace: dest.owner ?? "", badges: [dest.ref.kind, dest.found ? "not-visible" : "not-found"] });
  d.byRef.set(key, id);
  return id;
}

function workloadNode(d: Detail, ref: ObjectRef): string {
  const id = `wl:${refKey(ref)}`;
  add(d, { id, kind: "workload", label: ref.name, parent: nsId(d, ref.cluster, ref.namespace), ref, workspace: d.ws.name, badges: [ref.kind] });
  return id;
}

/** Services are per cluster, so their label names the cluster; Gloo objects are named alone. */
function labelOf(ref: ObjectRef): string {
  return ref.kind === "Service" ? `${ref.name} · ${ref.cluster}` : ref.name;
}

/** "9080 version=v1 50%": port, subset and weight of a forward edge. */
function forwardLabel(d: RouteDestination): string {
  const subset = Object.entries(d.subset).sort(([a], [b]) => cmp(a, b)).map(([k, v]) => `${k}=${v}`).join(",");
  return [d.port, subset, d.weight !== null ? `${d.weight}%` : ""].filter((s) => s !== "").join(" ");
}
