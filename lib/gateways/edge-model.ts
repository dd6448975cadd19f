import type { KubeObject } from "../model/meta";
import type { EdgeGateway, GlooVirtualService } from "../model/gloo-edge";
import type { Upstream, UpstreamGroup } from "../model/gloo-edge-upstream";
import { soloKitStateName, soloKitStatuses, type SoloKitStatus } from "../model/solo-kit";
import { matchesLabels } from "../snapshot/labels";
import { refOf, type ObjectRef } from "../snapshot/ref";
import { GK, nsKey, type ClusterIndex } from "./cluster-index";
import { addIssue, issueKey, type EdgeIssues } from "./edge-issues";
import { describeEdgeMatcher, edgeMatcherCovers, matchesExpressions } from "./edge-match";
import { flattenVirtualService, type EdgeRouteModel } from "./edge-routes";
import { report, type FindingSink } from "./findings";
import { RegexCache } from "./matches";
import type { UpstreamFunction } from "./upstream-functions";
import type { ComparisonOutcome, SoloKitExpectation, SoloKitStatusView } from "./types";

/**
 * The Gloo Edge function gateway (reference §8): Gateways select VirtualServices (§8.2), each VirtualService is
 * one virtual host with ordered, delegation-flattened routes (§8.3–8.5), and every Edge object gets a solo-kit
 * state (Accepted / Warning / Rejected) compared with the one Gloo wrote (§8.7).
 */
export interface EdgeVhost {
  vs: GlooVirtualService;
  ref: ObjectRef;
  /** Domains as written; none counts as `*` (§8.2 step 3). */
  domains: string[];
  routes: EdgeRouteModel[];
}

/** A Gloo Edge Gateway with the VirtualServices it selects. */
export interface EdgeGatewayModel {
  obj: EdgeGateway;
  ref: ObjectRef;
  key: string;
  ssl: boolean;
  port: number;
  vhosts: EdgeVhost[];
}

/** The Gloo Edge side of one cluster: gateways, flattened virtual hosts and solo-kit status views. */
export interface EdgeModel {
  /** Compiled regular expressions of Edge matchers, shared by every trace of this model. */
  regex: RegexCache;
  gateways: EdgeGatewayModel[];
  vhosts: ReadonlyMap<string, EdgeVhost>;
  statuses: SoloKitStatusView[];
}

/** §8.2: which VirtualServices a Gateway serves. */
function selects(gw: EdgeGateway, vs: GlooVirtualService): boolean {
  if (gw.spec.tcpGateway !== undefined || gw.spec.hybridGateway !== undefined) return false;
  if ((gw.spec.ssl ?? false) !== (vs.spec.sslConfig !== undefined && vs.spec.sslConfig !== null)) return false;
  const http = gw.spec.httpGateway ?? {};
  const gwNs = gw.metadata.namespace ?? "";
  const vsNs = vs.metadata.namespace ?? "";
  const namespaces = http.virtualServiceNamespaces ?? [];
  if (namespaces.length > 0 && !namespaces.includes("*") && !namespaces.includes(vsNs)) return false;
  const exprs = http.virtualServiceExpressions?.expressions ?? [];
  if (exprs.length > 0) return matchesExpressions(exprs, vs.metadata.labels);
  if (http.virtualServiceSelector && Object.keys(http.virtualServiceSelector).length > 0) return matchesLabels(http.virtualServiceSelector, vs.metadata.labels);
  if ((http.virtualServices ?? []).length > 0) return (http.virtualServices ?? []).some((r) => r.name === vs.metadata.name && (r.namespace ?? gwNs) === vsNs);
  return true;
}

function reportDomainConflicts(gw: EdgeGatewayModel, issues: EdgeIssues, sink: FindingSink): void {
  const byDomain = new Map<string, EdgeVhost[]>();
  for (const v of gw.vhosts) for (const d of v.domains.length > 0 ? v.domains : ["*"]) byDomain.set(d, [...(byDomain.get(d) ?? []), v]);
  for (const [domain, vhosts] of byDomain) {
    if (vhosts.length < 2) continue;
    const names = vhosts.map((v) => nsKey(v.vs)).join(", ");
    const message = `domain ${domain} must be served by one VirtualService on Gateway ${gw.key} (${names} share it)`;
    for (const v of vhosts) addIssue(issues, v.vs, "errors", message);
    addIssue(issues, gw.obj, "errors", message);
    report(sink, "GW_EDGE_DOMAIN_CONFLICT", [gw.ref, ...vhosts.map((v) => v.ref)], "spec.virtualHost.domains", message);
  }
}

function reportBindConflicts(gateways: readonly EdgeGatewayModel[], issues: EdgeIssues, sink: FindingSink): void {
  const byBind = new Map<string, EdgeGatewayModel[]>();
  for (const g of gateways) {
    for (const proxy of g.obj.spec.proxyNames ?? ["gateway-proxy"]) {
      const key = `${g.obj.metadata.namespace ?? ""}|${proxy}|${g.obj.spec.bindAddress ?? "::"}|${g.port}`;
      byBind.set(key, [...(byBind.get(key) ?? []), g]);
    }
  }
  for (const [key, list] of byBind) {
    if (list.length < 2) continue;
    const message = `Gateways ${list.map((g) => g.key).join(", ")} must not bind the same address and port for proxy ${key.split("|")[1] ?? ""}`;
    for (const g of list) addIssue(issues, g.obj, "errors", message);
    report(sink, "GW_EDGE_BIND_CONFLICT", list.map((g) => g.ref), "spec.bindPort", message);
  }
}

function reportShortCircuits(v: EdgeVhost, sink: FindingSink): void {
  v.routes.forEach((later, j) => {
    const earlier = v.routes.slice(0, j).find((r) => later.matchers.every((m) => r.matchers.some((e) => edgeMatcherCovers(e, m))));
    if (!earlier) return;
    const at = later.chain.map((c) => `${c.kind} ${c.namespace}/${c.name}#${c.route}`).join(" → ");
    report(sink, "GW_EDGE_ROUTE_SHADOWED", [later.owner, v.ref], "spec.virtualHost.routes", `route ${at} (${later.matchers.map(describeEdgeMatcher).join(" | ")}) must not be covered by an earlier route of VirtualService ${nsKey(v.vs)}; it is never reached`);
  });
}

function reportUpstreams(index: ClusterIndex, issues: EdgeIssues, sink: FindingSink): void {
  for (const up of index.list<Upstream>(GK.upstream)) {
    const kube = up.spec.kube;
    if (kube && up.metadata.labels?.discovered_by === "kubernetesplugin") {
      const ports = index.servicePorts(kube.serviceNamespace, kube.serviceName);
      if (!ports?.some((p) => p.port === kube.servicePort)) {
        addIssue(issues, up, "warnings", `Service ${kube.serviceNamespace}/${kube.serviceName} port ${kube.servicePort} is gone`);
        report(sink, "GW_EDGE_UPSTREAM_ORPHANED", [refOf(index.cluster, up)], "spec.kube", `discovered Upstream ${nsKey(up)} must point at an existing Service port (${kube.serviceNamespace}/${kube.serviceName}:${kube.servicePort})`);
      }
    }
    const secret = up.spec.aws?.secretRef;
    if (secret && index.has("Secret") && !index.get("Secret", secret.namespace ?? up.metadata.namespace ?? "", secret.name)) {
      addIssue(issues, up, "errors", `Secret ${secret.namespace ?? up.metadata.namespace ?? ""}/${secret.name} must exist`);
    }
  }
  for (const ug of index.list<UpstreamGroup>(GK.upstreamGroup)) {
    for (const d of ug.spec.destinations) {
      const ref = d.destination.upstream;
      if (ref && !index.get(GK.upstream, ref.namespace ?? ug.metadata.namespace ?? "", ref.name)) addIssue(issues, ug, "warnings", `Upstream ${ref.name} must exist`);
    }
  }
}

function liveState(obj: KubeObject): { state: string | null; reason: string | null } {
  const statuses = soloKitStatuses((obj as { status?: SoloKitStatus }).status);
  const first = [...statuses.values()][0];
  return { state: soloKitStateName(first?.state) ?? null, reason: first?.reason ?? null };
}

function compareState(expected: SoloKitExpectation, live: string | null): ComparisonOutcome {
  if (live === null) return expected === "Unused" ? "match" : "missing-live";
  if (live === "Pending") return "not-reconciled";
  if (live === expected) return "match";
  return expected !== "Rejected" && live !== "Rejected" ? "reason-differs" : "mismatch";
}

/** The solo-kit status view of an object from the issues recorded on it. */
export function soloKitView(cluster: string, obj: KubeObject, issues: EdgeIssues, unused = false): SoloKitStatusView {
  const errors = issues.errors.get(issueKey(obj)) ?? [];
  const warnings = issues.warnings.get(issueKey(obj)) ?? [];
  const state: SoloKitExpectation = errors.length > 0 ? "Rejected" : warnings.length > 0 ? "Warning" : unused ? "Unused" : "Accepted";
  const live = liveState(obj);
  return { ref: refOf(cluster, obj), state, reasons: [...errors, ...warnings], live, outcome: compareState(state, live.state) };
}

/** Builds the Edge model of one cluster. */
export function buildEdge(index: ClusterIndex, functions: ReadonlyMap<string, UpstreamFunction[]>, sink: FindingSink): EdgeModel {
  const issues: EdgeIssues = { errors: new Map(), warnings: new Map() };
  const vhosts = new Map<string, EdgeVhost>();
  for (const vs of index.list<GlooVirtualService>(GK.virtualService)) {
    if (!vs.spec.virtualHost) {
      addIssue(issues, vs, "warnings", "spec.virtualHost must be set");
      report(sink, "GW_EDGE_VS_NO_VIRTUAL_HOST", [refOf(index.cluster, vs)], "spec.virtualHost", `VirtualService ${nsKey(vs)} must define spec.virtualHost to serve anything`);
    }
    const routes = flattenVirtualService({ index, functions, issues, sink, top: vs }, vs);
    vhosts.set(nsKey(vs), { vs, ref: refOf(index.cluster, vs), domains: vs.spec.virtualHost?.domains ?? [], routes });
  }
  const gateways = index.list<EdgeGateway>(GK.edgeGateway).map((obj): EdgeGatewayModel => ({
    obj, ref: refOf(index.cluster, obj), key: nsKey(obj), ssl: obj.spec.ssl ?? false, port: obj.spec.bindPort,
    vhosts: [...vhosts.values()].filter((v) => selects(obj, v.vs)),
  }));
  for (const g of gateways) reportDomainConflicts(g, issues, sink);
  reportBindConflicts(gateways, issues, sink);
  for (const v of vhosts.values()) {
    reportShortCircuits(v, sink);
    if (!gateways.some((g) => g.vhosts.includes(v))) report(sink, "GW_EDGE_VS_UNSELECTED", [v.ref], "metadata.labels", `VirtualService ${nsKey(v.vs)} must be selected by a Gateway (ssl must equal "has sslConfig"; selectors, refs and namespaces must include it)`);
  }
  reportUpstreams(index, issues, sink);
  const kinds = [GK.edgeGateway, GK.virtualService, GK.edgeRouteTable, GK.upstream, GK.upstreamGroup];
  const statuses = kinds.flatMap((gk) => index.list(gk).map((obj) => soloKitView(index.cluster, obj, issues)));
  return { regex: new RegexCache(), gateways, vhosts, statuses };
}

