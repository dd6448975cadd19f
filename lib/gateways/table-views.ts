import type { EdgeRouteModel } from "./edge-routes";
import { describeEdgeMatcher } from "./edge-match";
import type { ClusterGateways, GatewayAnalysisModel } from "./model";
import { rowPolicies } from "./row-policies";
import { vhostsOf, type GatewayTable, type RouteRow, type Vhost } from "./routing-table";
import type { ListenerTable } from "./routing-table";
import type { RowOutcome } from "./rule-parts";
import type { AppliedPolicy, BackendView, ProfileId } from "./types";

/**
 * Serialisable views of the effective routing table (reference §4.1): per Gateway → listener → virtual host,
 * rows in the order the data plane evaluates them, with backends (share, validity), filters and policies;
 * dropped rules greyed with their reason; rows that can never be reached name the row that takes them.
 * Gloo Edge gateways list their VirtualServices' flattened routes in order. Rows share (frozen) the route,
 * filters and backends of their rule, made when the table was built (`RuleParts`): views are read-only data.
 */
export interface RoutingRowView {
  route: Readonly<{ kind: string; namespace: string; name: string }>;
  rule: number;
  ruleName: string | null;
  match: number;
  matchText: string;
  delegatedFrom: { namespace: string; name: string; rule: number } | null;
  filters: readonly string[];
  outcome: RowOutcome;
  backends: readonly Readonly<BackendView>[];
  policies: readonly AppliedPolicy[];
  /** False for rows of dropped rules (shown greyed); `reason` says why. */
  valid: boolean;
  reason: string | null;
  shadowedBy: { route: RoutingRowView["route"]; rule: number; match: number } | null;
}

/** The routing table of one Gateway API Gateway as served to callers. */
export interface GatewayRoutingTableView {
  cluster: string;
  gateway: { kind: "Gateway"; namespace: string; name: string };
  controllerName: string | null;
  profile: ProfileId;
  listeners: { name: string; port: number; protocol: string; hostname: string | null; usable: boolean; vhosts: { hostname: string; rows: RoutingRowView[] }[] }[];
}

/** The routing table of one Gloo Edge Gateway: its VirtualServices' flattened routes in order. */
export interface EdgeRoutingTableView {
  cluster: string;
  gateway: { kind: "EdgeGateway"; namespace: string; name: string };
  port: number;
  ssl: boolean;
  virtualServices: { namespace: string; name: string; domains: string[]; routes: { chain: string[]; matchers: string[]; action: string; backends: BackendView[] }[] }[];
}

/** Skips the per-row policy merge when the cluster has no option or policy objects at all. */
function hasPolicies(cg: ClusterGateways): boolean {
  return cg.glooOptions.any || cg.kgatewayPolicies.any;
}

/** Builds the row views of one Gateway's table. */
class RowViews {
  private readonly policies: boolean;
  constructor(private readonly cg: ClusterGateways, private readonly table: GatewayTable) {
    this.policies = hasPolicies(cg);
  }

  /** Valid rows in precedence order, then the dropped rows (greyed). */
  vhost(lt: ListenerTable, v: Vhost): RoutingRowView[] {
    const out: RoutingRowView[] = [];
    for (let i = 0; i < v.rows.length; i++) out.push(this.row(lt, v, v.rows[i] as RouteRow, i));
    for (const r of v.dropped) out.push(this.row(lt, v, r, null));
    return out;
  }

  private row(lt: ListenerTable, v: Vhost, row: RouteRow, index: number | null): RoutingRowView {
    const shadow = index === null ? undefined : v.shadowedBy.get(index);
    const by = shadow === undefined ? undefined : v.rows[shadow];
    const parts = row.parts;
    return {
      route: parts.route, rule: row.rule.index, ruleName: row.rule.name, match: row.matchIndex, matchText: row.text,
      delegatedFrom: row.delegatedFrom ? { namespace: row.delegatedFrom.route.namespace, name: row.delegatedFrom.route.obj.metadata.name, rule: row.delegatedFrom.rule.index } : null,
      filters: parts.filters, outcome: parts.outcome, backends: parts.backends,
      policies: index === null || !this.policies ? parts.noPolicies : rowPolicies(this.cg, row, this.table.gateway, lt.listener).applied,
      valid: row.rule.dropped === null, reason: row.rule.dropped,
      shadowedBy: by ? { route: by.parts.route, rule: by.rule.index, match: by.matchIndex } : null,
    };
  }
}

function gatewayTableView(cg: ClusterGateways, table: GatewayTable): GatewayRoutingTableView {
  const gw = table.gateway;
  const rows = new RowViews(cg, table);
  return {
    cluster: cg.cluster, gateway: { kind: "Gateway", namespace: gw.obj.metadata.namespace ?? "", name: gw.obj.metadata.name }, controllerName: gw.controllerName, profile: gw.profile.id,
    listeners: table.listeners.map((lt) => ({
      name: lt.listener.name, port: lt.listener.port, protocol: lt.listener.protocol, hostname: lt.listener.hostname === "*" ? null : lt.listener.hostname, usable: lt.listener.usable,
      vhosts: vhostsOf(lt).map((v) => ({ hostname: v.hostname, rows: rows.vhost(lt, v) })),
    })),
  };
}

function edgeRouteView(cluster: string, r: EdgeRouteModel): EdgeRoutingTableView["virtualServices"][number]["routes"][number] {
  const total = r.destinations.reduce((s, d) => s + d.weight, 0);
  return {
    chain: r.chain.map((c) => `${c.kind} ${c.namespace}/${c.name}#${c.route}`),
    matchers: r.matchers.map(describeEdgeMatcher),
    action: r.action,
    backends: r.destinations.map((d) => ({
      kind: d.kind, group: d.kind === "Upstream" ? "gloo.solo.io" : "", namespace: d.namespace, name: d.name, port: d.port, weight: d.weight,
      share: total > 0 ? Math.round((d.weight / total) * 10000) / 100 : 0, status: d.status, reason: d.reason, clusters: [cluster],
      detail: d.function ? { function: d.function.name, functionType: d.function.type, ...d.function.detail } : {},
    })),
  };
}

/** Which routing tables to build: one cluster, namespace or name, and only Gateway API or only Gloo Edge gateways. */
export interface RoutingTableFilter {
  cluster?: string;
  namespace?: string;
  name?: string;
  kind?: "Gateway" | "EdgeGateway";
}

/** Routing tables of every gateway (optionally one cluster / one gateway / one kind), in cluster, namespace, name order. */
export function routingTables(model: GatewayAnalysisModel, filter: RoutingTableFilter = {}): { gateways: GatewayRoutingTableView[]; edge: EdgeRoutingTableView[] } {
  const gateways: GatewayRoutingTableView[] = [];
  const edge: EdgeRoutingTableView[] = [];
  const wanted = (ns: string, name: string) => (filter.namespace === undefined || filter.namespace === ns) && (filter.name === undefined || filter.name === name);
  for (const cg of model.clusters) {
    if (filter.cluster !== undefined && filter.cluster !== cg.cluster) continue;
    const tables = filter.kind === "EdgeGateway" ? [] : [...cg.tables.values()];
    for (const t of tables.sort((a, b) => (a.gateway.key < b.gateway.key ? -1 : 1))) {
      if (wanted(t.gateway.obj.metadata.namespace ?? "", t.gateway.obj.metadata.name)) gateways.push(gatewayTableView(cg, t));
    }
    for (const g of filter.kind === "Gateway" ? [] : cg.edge.gateways) {
      if (!wanted(g.obj.metadata.namespace ?? "", g.obj.metadata.name)) continue;
      edge.push({
        cluster: cg.cluster, gateway: { kind: "EdgeGateway", namespace: g.obj.metadata.namespace ?? "", name: g.obj.metadata.name }, port: g.port, ssl: g.ssl,
        virtualServices: g.vhosts.map((v) => ({ namespace: v.ref.namespace, name: v.ref.name, domains: v.domains, routes: v.routes.map((r) => edgeRouteView(cg.cluster, r)) })),
      });
    }
  }
  return { gateways, edge };
}
