import {
  gatewayFindings, gatewayStatuses, gatewayStatusViews, routingTables,
  type EdgeRoutingTableView, type Finding, type GatewayAnalysisModel, type GatewayRoutingTableView,
  type GatewayStatusView, type ListenerStatusView, type RouteStatusView, type SoloKitStatusView, type StatusSummary,
} from "../gateways";
import { countFindings, type FindingCounts } from "../snapshot/finding";
import { refKey, type ObjectRef } from "../snapshot/ref";

/**
 * Views of the gateway analysis for the API: the gateways list (Gateway API and Gloo Edge), one gateway in full
 * (listeners, attached and refused routes with computed beside live status, routing table) and the findings
 * that touch an object. Pure functions of the model.
 */

export type { FindingCounts } from "../snapshot/finding";

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

/**
 * The model's findings indexed by every object they name, so the findings of a gateway and its routes are read
 * per ref instead of comparing every finding with every route (quadratic at 10,000 routes).
 */
class FindingIndex {
  private readonly byRef = new Map<string, Finding[]>();
  constructor(private readonly all: readonly Finding[]) {
    for (const f of all) for (const o of f.objects) append(this.byRef, refKey(o), f);
  }

  /** Findings naming any of the refs, each once, in the model's order. */
  touching(refs: readonly ObjectRef[]): Finding[] {
    const hit = new Set<Finding>();
    for (const r of refs) for (const f of this.byRef.get(refKey(r)) ?? []) hit.add(f);
    return hit.size === 0 ? [] : this.all.filter((f) => hit.has(f));
  }
}

function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Findings whose objects include any of the refs. */
export function findingsTouching(model: GatewayAnalysisModel, refs: readonly ObjectRef[]): Finding[] {
  return new FindingIndex(gatewayFindings(model)).touching(refs);
}


const condText = (c: { type: string; status: string; reason: string }) => `${c.type}=${c.status} ${c.reason}`;
const OUTCOME_RANK = ["match", "missing-live", "stale", "reason-differs", "not-reconciled", "mismatch"];

function worst(outcomes: readonly string[]): string | null {
  return outcomes.length === 0 ? null : outcomes.reduce((a, b) => (OUTCOME_RANK.indexOf(b) > OUTCOME_RANK.indexOf(a) ? b : a));
}

function parentIsGateway(p: RouteStatusView["parents"][number], gw: ObjectRef): boolean {
  return p.parentRef.kind === "Gateway" && p.parentRef.namespace === gw.namespace && p.parentRef.name === gw.name;
}

const parentAccepted = (p: RouteStatusView["parents"][number]) => p.conditions.some((c) => c.type === "Accepted" && c.status === "True");

function routeOnGateway(r: RouteStatusView, gw: ObjectRef): GatewayRouteView | null {
  const parents = r.parents.filter((p) => parentIsGateway(p, gw));
  if (r.ref.cluster !== gw.cluster || parents.length === 0) return null;
  const conditions = parents.flatMap((p) => p.conditions);
  const prefix = `parent ${gw.namespace}/${gw.name}`;
  const comparisons = r.comparisons.filter((c) => c.where === prefix || c.where.startsWith(`${prefix}/`));
  return {
    ref: r.ref,
    attached: parents.some(parentAccepted),
    summary: r.summary,
    computed: conditions.map(condText),
    live: comparisons.length === 0 ? null : comparisons.map((c) => (c.live ? `${c.type}=${c.live.status} ${c.live.reason}` : `${c.type} not written`)),
    reasons: conditions.filter((c) => (c.status === "False") !== (c.type === "Conflicted")).map((c) => `${c.type} ${c.reason}: ${c.message}`),
    outcome: worst(comparisons.map((c) => c.outcome)),
    listeners: parents.flatMap((p) => p.attachedListeners.map((l) => l.listener)),
  };
}

/** What the list counts of a route on one gateway. */
type RouteOnGateway = Pick<GatewayRouteView, "ref" | "attached">;

const gatewayKey = (cluster: string, namespace: string, name: string) => `${cluster}|${namespace}|${name}`;

/**
 * Per Gateway (cluster, namespace, name): the routes with a parentRef to it, each once, attached when any of
 * those parents is accepted. One pass over the routes, for the list, instead of every route per gateway.
 */
function routesByGateway(model: GatewayAnalysisModel): Map<string, RouteOnGateway[]> {
  const out = new Map<string, RouteOnGateway[]>();
  for (const r of model.clusters.flatMap((c) => c.routeViews)) {
    const parents = new Map<string, boolean>();
    for (const p of r.parents) {
      if (p.parentRef.kind !== "Gateway") continue;
      const key = gatewayKey(r.ref.cluster, p.parentRef.namespace, p.parentRef.name);
      parents.set(key, parents.get(key) === true || parentAccepted(p));
    }
    for (const [key, attached] of parents) append(out, key, { ref: r.ref, attached });
  }
  return out;
}

/** What one call reads many times: findings by ref and Gloo Edge statuses by ref. */
interface ViewContext {
  findings: FindingIndex;
  edge: ReadonlyMap<string, SoloKitStatusView>;
}

function viewContext(model: GatewayAnalysisModel): ViewContext {
  const edge = new Map<string, SoloKitStatusView>();
  for (const s of model.clusters.flatMap((c) => c.edge.statuses)) if (!edge.has(refKey(s.ref))) edge.set(refKey(s.ref), s);
  return { findings: new FindingIndex(gatewayFindings(model)), edge };
}

function liveGatewayText(g: GatewayStatusView): string {
  const live = g.comparisons.filter((c) => c.where === "gateway" && c.live?.status === "True").map((c) => c.type);
  return g.comparisons.length === 0 ? "no status" : live.join(", ") || "not accepted";
}

function gatewayItem(ctx: ViewContext, g: GatewayStatusView, routes: readonly RouteOnGateway[]): GatewayListItem {
  const attached = routes.filter((r) => r.attached).length;
  return {
    cluster: g.ref.cluster, namespace: g.ref.namespace, name: g.ref.name, kind: "Gateway", className: g.className, controllerName: g.controllerName,
    listeners: g.listeners.length, attachedRoutes: attached, refusedRoutes: routes.length - attached,
    summary: g.summary, live: liveGatewayText(g), findings: countFindings(ctx.findings.touching([g.ref, ...routes.map((r) => r.ref)])),
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

function edgeRoute(ctx: ViewContext, cluster: string, vs: { namespace: string; name: string }): GatewayRouteView {
  const ref: ObjectRef = { cluster, group: "gateway.solo.io", kind: "VirtualService", namespace: vs.namespace, name: vs.name };
  const s = ctx.edge.get(refKey(ref));
  return {
    ref, attached: true, summary: edgeSummary(s), computed: s ? [s.state] : [], live: s?.live.state ? [`${s.live.state}${s.live.reason ? ` ${s.live.reason.trim()}` : ""}`] : null,
    reasons: s?.reasons ?? [], outcome: s?.outcome ?? null, listeners: [],
  };
}

function edgeItem(ctx: ViewContext, t: EdgeRoutingTableView): { item: GatewayListItem; routes: GatewayRouteView[]; status: SoloKitStatusView | undefined } {
  const ref: ObjectRef = { cluster: t.cluster, group: "gateway.solo.io", kind: "Gateway", namespace: t.gateway.namespace, name: t.gateway.name };
  const s = ctx.edge.get(refKey(ref));
  const routes = t.virtualServices.map((v) => edgeRoute(ctx, t.cluster, v));
  const rejected = routes.filter((r) => r.summary === "failed").length;
  const item: GatewayListItem = {
    cluster: t.cluster, namespace: ref.namespace, name: ref.name, kind: "EdgeGateway", className: "gateway.solo.io", controllerName: "gloo (Edge API)",
    listeners: 1, attachedRoutes: routes.length - rejected, refusedRoutes: rejected, summary: edgeGatewaySummary(edgeSummary(s), routes), live: s?.live.state ?? "no status",
    findings: countFindings(ctx.findings.touching([ref, ...routes.map((r) => r.ref)])),
  };
  return { item, routes, status: s };
}

/**
 * Every gateway (Gateway API and Gloo Edge) with counts, computed and live health, and findings. Reads the
 * statuses and one index of routes per gateway: no routing table of a Gateway API gateway is built.
 */
export function listGateways(model: GatewayAnalysisModel): GatewayListItem[] {
  const ctx = viewContext(model);
  const routes = routesByGateway(model);
  const gateways = gatewayStatusViews(model).map((g) => gatewayItem(ctx, g, routes.get(gatewayKey(g.ref.cluster, g.ref.namespace, g.ref.name)) ?? []));
  return [...gateways, ...routingTables(model, { kind: "EdgeGateway" }).edge.map((t) => edgeItem(ctx, t).item)];
}

/** One gateway in full, or null when it is not in the model. `kind` picks the Edge gateway of that name. */
export function gatewayDetail(model: GatewayAnalysisModel, cluster: string, namespace: string, name: string, kind: GatewayListItem["kind"] = "Gateway"): GatewayDetailView | null {
  const ctx = viewContext(model);
  const tables = routingTables(model, { cluster, namespace, name, kind });
  if (kind === "EdgeGateway") {
    const t = tables.edge[0];
    if (!t) return null;
    const { item, routes, status: s } = edgeItem(ctx, t);
    const listener: GatewayListenerView = { name: name, port: t.port, protocol: t.ssl ? "HTTPS" : "HTTP", hostname: null, supportedKinds: [{ group: "gateway.solo.io", kind: "VirtualService" }], attachedRoutes: routes.length, conditions: [], liveAttachedRoutes: null };
    const refs = [...(s ? [s.ref] : []), ...routes.map((r) => r.ref)];
    return { item, conditions: s ? [s.state, ...s.reasons] : [], liveConditions: s?.live.state ? [s.live.state] : null, listeners: [listener], routes, table: t, findings: ctx.findings.touching(refs) };
  }
  const report = gatewayStatuses(model);
  const g = report.gateways.find((x) => x.ref.cluster === cluster && x.ref.namespace === namespace && x.ref.name === name);
  if (!g) return null;
  const routes = report.routes.map((r) => routeOnGateway(r, g.ref)).filter((r): r is GatewayRouteView => r !== null);
  const liveCount = (l: string) => g.comparisons.find((c) => c.where === `listener ${l}` && c.type === "attachedRoutes")?.live?.status;
  return {
    item: gatewayItem(ctx, g, routes),
    conditions: g.conditions.map(condText),
    liveConditions: g.comparisons.length === 0 ? null : g.comparisons.filter((c) => c.where === "gateway").map((c) => (c.live ? `${c.type}=${c.live.status} ${c.live.reason}` : `${c.type} not written`)),
    listeners: g.listeners.map((l) => ({ ...l, liveAttachedRoutes: liveCount(l.name) === undefined ? null : Number(liveCount(l.name)) })),
    routes,
    table: tables.gateways[0] ?? null,
    findings: ctx.findings.touching([g.ref, ...routes.map((r) => r.ref)]),
  };
}
