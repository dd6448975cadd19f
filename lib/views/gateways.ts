import {
  gatewayFindings, gatewayStatuses, routingTables,
  type EdgeRoutingTableView, type Finding, type GatewayAnalysisModel, type GatewayRoutingTableView, type GatewayStatusReport,
  type GatewayStatusView, type ListenerStatusView, type RouteStatusView, type SoloKitStatusView, type StatusSummary,
} from "../gateways";
import type { ObjectRef } from "../snapshot/ref";

/**
 * Views of the gateway analysis for the API: the gateways list (Gateway API and Gloo Edge), one gateway in full
 * (listeners, attached and refused routes with computed beside live status, routing table) and the findings
 * that touch an object. Pure functions of the model.
 */

/** Findings counted by severity. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** One gateway as the list shows it. */
export interface GatewayListItem {
  cluster: string;
  namespace: string;
  name: string;
  kind: "Gateway" | "EdgeGateway";
  /** GatewayClass (Gateway API) or `gateway.solo.io` (Edge). */
  className: string;
  controllerName: string | null;
  listeners: number;
  attachedRoutes: number;
  refusedRoutes: number;
  /** Computed health (`ok`, `degraded`, `failed`, `not-reconciled`). */
  summary: StatusSummary;
  /** What the controller wrote, in one phrase (`Accepted, Programmed`, `Accepted`, `no status`). */
  live: string;
  findings: FindingCounts;
}

/** One route (HTTPRoute/GRPCRoute, or an Edge VirtualService) as seen from one gateway. */
export interface GatewayRouteView {
  ref: ObjectRef;
  attached: boolean;
  summary: string;
  /** Computed conditions (`Accepted=True Accepted`) or solo-kit state. */
  computed: string[];
  /** What the controller wrote, per condition type; null when the object carries no status. */
  live: string[] | null;
  /** Why the route is refused or partly broken, in the controller's words. */
  reasons: string[];
  /** Worst comparison outcome (`match`, `mismatch`, `stale` …) or null when nothing to compare. */
  outcome: string | null;
  /** Listeners the route attached to (Gateway API). */
  listeners: string[];
}

/** A listener with the computed and live attachedRoutes. */
export interface GatewayListenerView extends ListenerStatusView {
  liveAttachedRoutes: number | null;
}

/** One gateway in full. */
export interface GatewayDetailView {
  item: GatewayListItem;
  conditions: string[];
  liveConditions: string[] | null;
  listeners: GatewayListenerView[];
  routes: GatewayRouteView[];
  table: GatewayRoutingTableView | EdgeRoutingTableView | null;
  findings: Finding[];
}

const sameRef = (a: ObjectRef, b: ObjectRef) => a.cluster === b.cluster && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name && a.group === b.group;

/** Findings whose objects include any of the refs. */
export function findingsTouching(model: GatewayAnalysisModel, refs: readonly ObjectRef[]): Finding[] {
  return gatewayFindings(model).filter((f) => f.objects.some((o) => refs.some((r) => sameRef(o, r))));
}

function countFindings(list: readonly Finding[]): FindingCounts {
  return { error: list.filter((f) => f.severity === "error").length, warning: list.filter((f) => f.severity === "warning").length, info: list.filter((f) => f.severity === "info").length };
}

const condText = (c: { type: string; status: string; reason: string }) => `${c.type}=${c.status} ${c.reason}`;
const OUTCOME_RANK = ["match", "missing-live", "stale", "reason-differs", "not-reconciled", "mismatch"];

function worst(outcomes: readonly string[]): string | null {
  return outcomes.length === 0 ? null : outcomes.reduce((a, b) => (OUTCOME_RANK.indexOf(b) > OUTCOME_RANK.indexOf(a) ? b : a));
}

function parentIsGateway(p: RouteStatusView["parents"][number], gw: ObjectRef): boolean {
  return p.parentRef.kind === "Gateway" && p.parentRef.namespace === gw.namespace && p.parentRef.name === gw.name;
}

function routeOnGateway(r: RouteStatusView, gw: ObjectRef): GatewayRouteView | null {
  const parents = r.parents.filter((p) => parentIsGateway(p, gw));
  if (r.ref.cluster !== gw.cluster || parents.length === 0) return null;
  const conditions = parents.flatMap((p) => p.conditions);
  const prefix = `parent ${gw.namespace}/${gw.name}`;
  const comparisons = r.comparisons.filter((c) => c.where === prefix || c.where.startsWith(`${prefix}/`));
  return {
    ref: r.ref,
    attached: parents.some((p) => p.conditions.some((c) => c.type === "Accepted" && c.status === "True")),
    summary: r.summary,
    computed: conditions.map(condText),
    live: comparisons.length === 0 ? null : comparisons.map((c) => (c.live ? `${c.type}=${c.live.status} ${c.live.reason}` : `${c.type} not written`)),
    reasons: conditions.filter((c) => (c.status === "False") !== (c.type === "Conflicted")).map((c) => `${c.type} ${c.reason}: ${c.message}`),
    outcome: worst(comparisons.map((c) => c.outcome)),
    listeners: parents.flatMap((p) => p.attachedListeners.map((l) => l.listener)),
  };
}

function liveGatewayText(g: GatewayStatusView): string {
  const live = g.comparisons.filter((c) => c.where === "gateway" && c.live?.status === "True").map((c) => c.type);
  return g.comparisons.length === 0 ? "no status" : live.join(", ") || "not accepted";
}

function gatewayItem(model: GatewayAnalysisModel, report: GatewayStatusReport, g: GatewayStatusView): GatewayListItem {
  const routes = report.routes.map((r) => routeOnGateway(r, g.ref)).filter((r): r is GatewayRouteView => r !== null);
  return {
    cluster: g.ref.cluster, namespace: g.ref.namespace, name: g.ref.name, kind: "Gateway", className: g.className, controllerName: g.controllerName,
    listeners: g.listeners.length, attachedRoutes: routes.filter((r) => r.attached).length, refusedRoutes: routes.filter((r) => !r.attached).length,
    summary: g.summary, live: liveGatewayText(g), findings: countFindings(findingsTouching(model, [g.ref, ...routes.map((r) => r.ref)])),
  };
}

function edgeSummary(s: SoloKitStatusView | undefined): StatusSummary {
  if (!s) return "not-reconciled";
  return s.state === "Rejected" ? "failed" : s.state === "Warning" ? "degraded" : "ok";
}

/**
 * An Edge gateway serving a Rejected or Warning VirtualService is degraded even when the Gateway object
 * itself is accepted: part of what it should serve is not served as written.
 */
function edgeGatewaySummary(own: StatusSummary, routes: readonly GatewayRouteView[]): StatusSummary {
  if (own !== "ok") return own;
  return routes.some((r) => r.summary === "failed" || r.summary === "degraded") ? "degraded" : "ok";
}

function edgeRoute(report: GatewayStatusReport, cluster: string, vs: { namespace: string; name: string }): GatewayRouteView {
  const ref: ObjectRef = { cluster, group: "gateway.solo.io", kind: "VirtualService", namespace: vs.namespace, name: vs.name };
  const s = report.edge.find((e) => sameRef(e.ref, ref));
  return {
    ref, attached: true, summary: edgeSummary(s), computed: s ? [s.state] : [], live: s?.live.state ? [`${s.live.state}${s.live.reason ? ` ${s.live.reason.trim()}` : ""}`] : null,
    reasons: s?.reasons ?? [], outcome: s?.outcome ?? null, listeners: [],
  };
}

function edgeItem(model: GatewayAnalysisModel, report: GatewayStatusReport, t: EdgeRoutingTableView): { item: GatewayListItem; routes: GatewayRouteView[] } {
  const ref: ObjectRef = { cluster: t.cluster, group: "gateway.solo.io", kind: "Gateway", namespace: t.gateway.namespace, name: t.gateway.name };
  const s = report.edge.find((e) => sameRef(e.ref, ref));
  const routes = t.virtualServices.map((v) => edgeRoute(report, t.cluster, v));
  const rejected = routes.filter((r) => r.summary === "failed").length;
  const item: GatewayListItem = {
    cluster: t.cluster, namespace: ref.namespace, name: ref.name, kind: "EdgeGateway", className: "gateway.solo.io", controllerName: "gloo (Edge API)",
    listeners: 1, attachedRoutes: routes.length - rejected, refusedRoutes: rejected, summary: edgeGatewaySummary(edgeSummary(s), routes), live: s?.live.state ?? "no status",
    findings: countFindings(findingsTouching(model, [ref, ...routes.map((r) => r.ref)])),
  };
  return { item, routes };
}

/** Every gateway (Gateway API and Gloo Edge) with counts, computed and live health, and findings. */
export function listGateways(model: GatewayAnalysisModel): GatewayListItem[] {
  const report = gatewayStatuses(model);
  const edge = routingTables(model).edge.map((t) => edgeItem(model, report, t).item);
  return [...report.gateways.map((g) => gatewayItem(model, report, g)), ...edge];
}

/** One gateway in full, or null when it is not in the model. `kind` picks the Edge gateway of that name. */
export function gatewayDetail(model: GatewayAnalysisModel, cluster: string, namespace: string, name: string, kind: GatewayListItem["kind"] = "Gateway"): GatewayDetailView | null {
  const report = gatewayStatuses(model);
  const tables = routingTables(model, { cluster, namespace, name });
  if (kind === "EdgeGateway") {
    const t = tables.edge[0];
    if (!t) return null;
    const { item, routes } = edgeItem(model, report, t);
    const s = report.edge.find((e) => e.ref.cluster === cluster && e.ref.kind === "Gateway" && e.ref.namespace === namespace && e.ref.name === name);
    const listener: GatewayListenerView = { name: name, port: t.port, protocol: t.ssl ? "HTTPS" : "HTTP", hostname: null, supportedKinds: [{ group: "gateway.solo.io", kind: "VirtualService" }], attachedRoutes: routes.length, conditions: [], liveAttachedRoutes: null };
    const refs = [...(s ? [s.ref] : []), ...routes.map((r) => r.ref)];
    return { item, conditions: s ? [s.state, ...s.reasons] : [], liveConditions: s?.live.state ? [s.live.state] : null, listeners: [listener], routes, table: t, findings: findingsTouching(model, refs) };
  }
  const g = report.gateways.find((x) => x.ref.cluster === cluster && x.ref.namespace === namespace && x.ref.name === name);
  if (!g) return null;
  const routes = report.routes.map((r) => routeOnGateway(r, g.ref)).filter((r): r is GatewayRouteView => r !== null);
  const liveCount = (l: string) => g.comparisons.find((c) => c.where === `listener ${l}` && c.type === "attachedRoutes")?.live?.status;
  return {
    item: gatewayItem(model, report, g),
    conditions: g.conditions.map(condText),
    liveConditions: g.comparisons.length === 0 ? null : g.comparisons.filter((c) => c.where === "gateway").map((c) => (c.live ? `${c.type}=${c.live.status} ${c.live.reason}` : `${c.type} not written`)),
    listeners: g.listeners.map((l) => ({ ...l, liveAttachedRoutes: liveCount(l.name) === undefined ? null : Number(liveCount(l.name)) })),
    routes,
    table: tables.gateways[0] ?? null,
    findings: findingsTouching(model, [g.ref, ...routes.map((r) => r.ref)]),
  };
}
