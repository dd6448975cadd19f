import type { Upstream } from "../model/gloo-edge-upstream";
import { refKey, refOf } from "../snapshot/ref";
import type { Snapshot, SnapshotCluster } from "../snapshot/snapshot";
import { buildClusterIndex, GK, nsKey, type ClusterIndex } from "./cluster-index";
import { DelegationIndex } from "./delegation";
import { buildEdge, type EdgeModel } from "./edge-model";
import { sortFindings, type Finding, type FindingSink } from "./findings";
import { buildGateway, type GatewayModel } from "./gateways";
import { GlooOptions } from "./gloo-options";
import { KgatewayPolicies } from "./kgateway-policies";
import { RegexCache } from "./matches";
import { DEFAULT_CONTROLLERS, type ControllerProfile } from "./profiles";
import { defaultHostResolver, type HostResolver } from "./resolver";
import { reportRoute, routeParentStatuses, type ParentStatus } from "./route-status";
import { resolveKindConflicts } from "./kind-conflicts";
import { buildRoute, type RouteModel } from "./routes";
import { addRouteRows, emptyListenerTable, finishTable, type GatewayTable, type RowExpander } from "./routing-table";
import { reportTable } from "./table-findings";
import { upstreamFunctions, type UpstreamFunction } from "./upstream-functions";
import { gatewayStatusView, routeStatusView } from "./status-views";
import { glooOptionStatuses } from "./gloo-option-status";
import { kgatewayPolicyStatuses } from "./kgateway-policy-status";
import { reportSoloKit } from "./live-status";
import type { GatewayStatusView, PolicyStatusView, ProfileId, RouteStatusView, SoloKitStatusView } from "./types";

/**
 * The gateway analysis model: every computation of `lib/gateways` over one snapshot, per cluster. Build it
 * once per snapshot version (`buildGatewayModel`) and read views from it; the tracer answers from its
 * indexes without scanning routes.
 */
export interface GatewayAnalysisOptions {
  /** controllerName → profile, merged over DEFAULT_CONTROLLERS (rule G0: these classes are "ours"). */
  controllers?: Readonly<Record<string, ProfileId>>;
  /** Resolves Hostname backends to VirtualDestinations; default: `defaultHostResolver(snapshot)`. */
  resolver?: HostResolver;
  /** OpenAPI documents keyed by the Upstream's `refKey` (loaded by the server side). */
  openApiDocs?: ReadonlyMap<string, unknown>;
}

/** Everything the analysis computed for one cluster: indexes, Gateways, routes, statuses, tables, options, policies, Edge. */
export interface ClusterGateways {
  cluster: string;
  index: ClusterIndex;
  gateways: ReadonlyMap<string, GatewayModel>;
  routes: readonly RouteModel[];
  statuses: ReadonlyMap<RouteModel, ParentStatus[]>;
  /** Per Gateway key, per listener name: the number of routes attached (§3.1 attachedRoutes). */
  attached: ReadonlyMap<string, ReadonlyMap<string, number>>;
  tables: ReadonlyMap<string, GatewayTable>;
  glooOptions: GlooOptions;
  kgatewayPolicies: KgatewayPolicies;
  delegation: DelegationIndex;
  functions: ReadonlyMap<string, UpstreamFunction[]>;
  edge: EdgeModel;
  gatewayViews: readonly GatewayStatusView[];
  routeViews: readonly RouteStatusView[];
  /** Gloo 1.x option objects (solo-kit form). */
  optionViews: readonly SoloKitStatusView[];
  /** kgateway policies (ancestor conditions). */
  policyViews: readonly PolicyStatusView[];
}

/** The analysis of a whole snapshot: one entry per cluster, the resolver used, and every finding. */
export interface GatewayAnalysisModel {
  snapshotVersion: number;
  clusters: readonly ClusterGateways[];
  resolver: HostResolver;
  /** Findings of the model build (status, attachment, routing); views add none. */
  findings: readonly Finding[];
}

function functionsOf(cluster: SnapshotCluster, index: ClusterIndex, docs: ReadonlyMap<string, unknown>): Map<string, UpstreamFunction[]> {
  return new Map(index.list<Upstream>(GK.upstream).map((up) => [nsKey(up), upstreamFunctions(up, docs.get(refKey(refOf(cluster.name, up))))] as const));
}

function attachedCounts(routes: readonly RouteModel[], statuses: ReadonlyMap<RouteModel, ParentStatus[]>): Map<string, Map<string, number>> {
  const sets = new Map<string, Map<string, Set<string>>>();
  for (const route of routes) {
    for (const p of statuses.get(route) ?? []) {
      const gw = p.att.gateway;
      if (!gw || !p.accepted) continue;
      const perGw = sets.get(gw.key) ?? new Map<string, Set<string>>();
      for (const l of p.att.listeners) perGw.set(l.listener.name, (perGw.get(l.listener.name) ?? new Set()).add(`${route.kind}|${route.key}`));
      sets.set(gw.key, perGw);
    }
  }
  return new Map([...sets].map(([k, v]) => [k, new Map([...v].map(([l, s]) => [l, s.size]))]));
}

function buildTables(gateways: ReadonlyMap<string, GatewayModel>, routes: readonly RouteModel[], statuses: ReadonlyMap<RouteModel, ParentStatus[]>, delegation: DelegationIndex): Map<string, GatewayTable> {
  const tables = new Map<string, GatewayTable>();
  for (const gw of gateways.values()) tables.set(gw.key, { gateway: gw, listeners: gw.listeners.map(emptyListenerTable) });
  const expanders = new Map<ProfileId, RowExpander>();
  const expanderFor = (p: ControllerProfile) => expanders.get(p.id) ?? expanders.set(p.id, delegation.expander(p)).get(p.id) as RowExpander;
  for (const route of routes) {
    // A route attached to one listener through several parentRefs contributes its rows once per hostname
    // (only routes with several parentRefs need the bookkeeping).
    const seen = route.parents.length > 1 ? new Set<string>() : null;
    for (const p of statuses.get(route) ?? []) {
      const gw = p.att.gateway;
      if (!gw || !p.accepted) continue;
      const table = tables.get(gw.key);
      for (const a of p.att.listeners) {
        const lt = table?.listeners[a.listener.index];
        const fresh = seen ? a.hostnames.filter((h) => !seen.has(`${gw.key}|${a.listener.name}|${h}`)) : a.hostnames;
        if (seen) for (const h of fresh) seen.add(`${gw.key}|${a.listener.name}|${h}`);
        if (lt && fresh.length > 0) addRouteRows(lt, fresh, route, gw.profile, expanderFor(gw.profile));
      }
    }
  }
  for (const t of tables.values()) for (const lt of t.listeners) finishTable(lt);
  return tables;
}

function buildCluster(cluster: SnapshotCluster, controllers: Readonly<Record<string, ProfileId>>, resolver: HostResolver, docs: ReadonlyMap<string, unknown>, sink: FindingSink): ClusterGateways {
  const index = buildClusterIndex(cluster);
  const functions = functionsOf(cluster, index, docs);
  const gateways = new Map(index.gateways.map((g) => [nsKey(g), buildGateway(index, g, controllers, sink)] as const));
  const ctx = { index, gateways, resolver, regex: new RegexCache(), functionNames: (ns: string, name: string) => (functions.get(`${ns}/${name}`) ?? []).map((f) => f.name) };
  const routes = [...index.httpRoutes.map((r) => buildRoute(ctx, "HTTPRoute", r)), ...index.grpcRoutes.map((r) => buildRoute(ctx, "GRPCRoute", r))];
  resolveKindConflicts(routes);
  const delegation = new DelegationIndex(routes, sink);
  for (const route of routes) for (const p of route.parents) if (p.gateway) delegation.check(route, p.gateway.profile);
  const statuses = new Map(routes.map((r) => [r, routeParentStatuses(r)] as const));
  for (const route of routes) reportRoute(sink, route);
  const tables = buildTables(gateways, routes, statuses, delegation);
  for (const t of tables.values()) reportTable(sink, t);
  const glooOptions = new GlooOptions(index);
  const kgatewayPolicies = new KgatewayPolicies(index);
  const edge = buildEdge(index, functions, sink);
  const attached = attachedCounts(routes, statuses);
  const gatewayViews = [...gateways.values()].map((g) => gatewayStatusView(g, attached.get(g.key) ?? new Map(), sink));
  const routeViews = routes.map((r) => routeStatusView(r, statuses.get(r) ?? [], sink));
  const optionViews = glooOptionStatuses(index, glooOptions, tables.values(), sink);
  const policyViews = kgatewayPolicyStatuses(index, kgatewayPolicies, tables.values(), routes, sink);
  reportSoloKit(sink, [...optionViews, ...edge.statuses]);
  return {
    cluster: cluster.name, index, gateways, routes, statuses, attached, tables, glooOptions, kgatewayPolicies, delegation, functions, edge,
    gatewayViews, routeViews, optionViews, policyViews,
  };
}

/** Builds the whole gateway model of a snapshot (every cluster). Pure: same snapshot and options ⇒ same model. */
export function buildGatewayModel(snapshot: Snapshot, options: GatewayAnalysisOptions = {}): GatewayAnalysisModel {
  const controllers = { ...DEFAULT_CONTROLLERS, ...(options.controllers ?? {}) };
  const resolver = options.resolver ?? defaultHostResolver(snapshot);
  const docs = options.openApiDocs ?? new Map<string, unknown>();
  const sink: FindingSink = [];
  const clusters = snapshot.clusters.map((c) => buildCluster(c, controllers, resolver, docs, sink));
  return { snapshotVersion: snapshot.version, clusters, resolver, findings: sortFindings(sink) };
}
