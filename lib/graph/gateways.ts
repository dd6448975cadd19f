import type { ClusterGateways, GatewayAnalysisModel } from "../gateways/model";
import type { StatusSummary } from "../gateways/types";
import type { EdgeGatewayModel } from "../gateways/edge-model";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { edgeId, projectGraph } from "./project";
import { DEFAULT_MAX_NODES, type Graph, type GraphEdgeKind, type GraphNode, type GraphOptions } from "./types";

/**
 * `view=gateways`: every gateway of every cluster with its listeners, the routes attached to each
 * listener (and the ones a gateway refuses, with the reason), and the backends each route sends to.
 * Kubernetes Gateway API Gateways with HTTPRoutes and GRPCRoutes, and Gloo Edge Gateways with their
 * VirtualServices and the RouteTables they delegate to. Status badges (`Accepted`, `Rejected`, `Warning`,
 * `Pending`) colour the nodes as the computed status says.
 */
export function gatewayGraph(model: GatewayAnalysisModel, options: GraphOptions = {}): Graph {
  const b = new Builder();
  for (const cluster of model.clusters) {
    addGatewayApi(b, cluster);
    for (const gw of cluster.edge.gateways) addEdgeGateway(b, cluster, gw);
  }
  return projectGraph({ nodes: [...b.nodes.values()], edges: b.edges }, [], Math.max(1, options.maxNodes ?? DEFAULT_MAX_NODES));
}

class Builder {
  nodes = new Map<string, GraphNode>();
  edges: Graph["edges"] = [];
  node(node: GraphNode): string {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node.id;
  }
  edge(kind: GraphEdgeKind, source: string, target: string, label: string): void {
    this.edges.push({ id: edgeId(kind, source, target), source, target, kind, label });
  }
}

const SUMMARY_BADGE: Record<StatusSummary, string> = { ok: "Accepted", degraded: "Warning", failed: "Rejected", "not-reconciled": "Pending" };

function nsName(ref: { namespace: string; name: string }): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

function objectNode(kind: GraphNode["kind"], ref: ObjectRef, label: string, badges: string[]): GraphNode {
  return { id: `${kind}:${refKey(ref)}`, kind, label, ref, workspace: "", badges };
}

function addGatewayApi(b: Builder, c: ClusterGateways): void {
  const summaries = new Map(c.gatewayViews.map((v) => [refKey(v.ref), v.summary]));
  const gatewayIds = new Map<string, string>();
  for (const gw of c.gateways.values()) {
    const summary = summaries.get(refKey(gw.ref)) ?? "not-reconciled";
    const id = b.node(objectNode("gateway", gw.ref, `${nsName(gw.ref)} · ${c.cluster}`, ["Gateway", SUMMARY_BADGE[summary]]));
    gatewayIds.set(gw.key, id);
    for (const l of gw.listeners) {
      const lid = b.node({ id: `listener:${refKey(gw.ref)}:${l.name}`, kind: "listener", label: `${l.name} :${l.port} ${l.protocol}`, ref: gw.ref, workspace: "", badges: [l.usable ? "Accepted" : "Rejected"] });
      b.edge("listens", id, lid, l.hostname === "*" ? "" : l.hostname);
    }
  }
  const routeSummaries = new Map(c.routeViews.map((v) => [refKey(v.ref), v.summary]));
  for (const route of c.routes) {
    const summary = routeSummaries.get(refKey(route.ref)) ?? "not-reconciled";
    const rid = b.node(objectNode("gatewayRoute", route.ref, `${route.kind} ${nsName(route.ref)}`, [route.kind, SUMMARY_BADGE[summary]]));
    for (const p of c.statuses.get(route) ?? []) {
      const gw = p.att.gateway;
      if (!gw) continue;
      if (!p.accepted || p.att.listeners.length === 0) {
        const gid = gatewayIds.get(gw.key);
        if (gid) b.edge("refused", gid, rid, p.att.reason === "Accepted" ? "not accepted" : p.att.reason);
        continue;
      }
      for (const a of p.att.listeners) b.edge("parent", `listener:${refKey(gw.ref)}:${a.listener.name}`, rid, a.hostnames.join(", "));
    }
    const profile = route.parents.find((p) => p.gateway)?.gateway?.profile;
    if (!profile) continue;
    for (const rule of route.rulesFor(profile)) {
      for (const be of rule.backends) {
        const ref: ObjectRef = { cluster: c.cluster, group: be.group, kind: be.kind, namespace: be.namespace, name: be.name };
        const bid = b.node(objectNode("backend", ref, `${be.kind} ${nsName(be)}`, [be.kind, ...(be.reason ? [be.reason === "BackendNotFound" ? "not-found" : "error"] : [])]));
        const label = [be.port !== null ? `:${be.port}` : "", be.weight !== 1 ? `weight ${be.weight}` : "", be.reason ?? ""];
        b.edge("backend", rid, bid, label.filter(Boolean).join(" "));
      }
    }
  }
}

function addEdgeGateway(b: Builder, c: ClusterGateways, gw: EdgeGatewayModel): void {
  const states = new Map(c.edge.statuses.map((s) => [refKey(s.ref), s.state]));
  const badge = (ref: ObjectRef): string => {
    const s = states.get(refKey(ref));
    return s === undefined || s === "Unused" ? "Pending" : s;
  };
  const id = b.node(objectNode("gateway", gw.ref, `${nsName(gw.ref)} · ${c.cluster}`, ["Gloo Edge", badge(gw.ref)]));
  const lid = b.node({ id: `listener:${refKey(gw.ref)}`, kind: "listener", label: `:${gw.port} ${gw.ssl ? "HTTPS" : "HTTP"}`, ref: gw.ref, workspace: "", badges: ["Accepted"] });
  b.edge("listens", id, lid, "");
  for (const vh of gw.vhosts) {
    const vid = b.node(objectNode("gatewayRoute", vh.ref, `VirtualService ${nsName(vh.ref)}`, ["VirtualService", badge(vh.ref)]));
    b.edge("parent", lid, vid, vh.domains.length > 0 ? vh.domains.join(", ") : "*");
    for (const r of vh.routes) {
      // The chain is the VirtualService, then every RouteTable the route was delegated through.
      let from = vid;
      for (const step of r.chain.slice(1)) {
        const ref: ObjectRef = { cluster: c.cluster, group: r.owner.group, kind: step.kind, namespace: step.namespace, name: step.name };
        const tid = b.node(objectNode("gatewayRoute", ref, `${step.kind} ${nsName(step)}`, [step.kind, badge(ref)]));
        b.edge("forward", from, tid, "delegates");
        from = tid;
      }
      for (const d of r.destinations) {
        const ref: ObjectRef = { cluster: c.cluster, group: d.kind === "Service" ? "" : "gloo.solo.io", kind: d.kind, namespace: d.namespace, name: d.name };
        const bid = b.node(objectNode("backend", ref, `${d.kind} ${nsName(d)}`, [d.kind, ...(d.reason ? ["not-found"] : [])]));
        b.edge("backend", from, bid, d.function ? `${d.function.type} ${d.function.name}` : d.reason ?? "");
      }
    }
  }
}
