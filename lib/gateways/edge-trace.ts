import { bestEnvoyDomain } from "./hostnames";
import { describeEdgeMatcher, edgeMatchFailure } from "./edge-match";
import type { EdgeDestination } from "./edge-destinations";
import type { EdgeGatewayModel, EdgeVhost } from "./edge-model";
import type { EdgeRouteModel } from "./edge-routes";
import type { ClusterGateways, GatewayAnalysisModel } from "./model";
import { dominantStatus } from "./outcome";
import type { ParsedRequest } from "./request";
import { notFound, type NearMiss, type TraceInput, type TraceResult } from "./trace-types";
import type { BackendView } from "./types";

/**
 * Tracing through the Gloo Edge function gateway (reference §8): Edge Gateway by bind port, VirtualService by
 * Envoy domain match, then the delegation-flattened routes in list order (first match wins).
 */
const REDIRECT_CODES: Record<string, number> = { MOVED_PERMANENTLY: 301, FOUND: 302, SEE_OTHER: 303, TEMPORARY_REDIRECT: 307, PERMANENT_REDIRECT: 308 };
const CODE_BY_NUMBER = [301, 302, 303, 307, 308];

function pickGateway(model: GatewayAnalysisModel, input: TraceInput, req: ParsedRequest): { cg: ClusterGateways; gw: EdgeGatewayModel } | null {
  const all = model.clusters.flatMap((cg) => (input.cluster === undefined || cg.cluster === input.cluster ? cg.edge.gateways.map((gw) => ({ cg, gw })) : []));
  const named = all.filter(({ gw }) => !input.gateway || gw.key === `${input.gateway.namespace}/${input.gateway.name}`);
  const port = input.port ?? req.hostPort;
  const onPort = port !== null && port !== undefined ? named.filter(({ gw }) => gw.port === port) : named.filter(({ gw }) => !gw.ssl);
  // Several Gateways can take the port (or no port was given): prefer one that serves the host.
  return onPort.find(({ gw }) => pickVhost(gw, req.host) !== null) ?? onPort[0] ?? null;
}

function pickVhost(gw: EdgeGatewayModel, host: string): { vhost: EdgeVhost; domain: string } | null {
  const byDomain = new Map<string, EdgeVhost>();
  for (const v of gw.vhosts) for (const d of v.domains.length > 0 ? v.domains : ["*"]) if (!byDomain.has(d)) byDomain.set(d, v);
  const domain = bestEnvoyDomain(byDomain.keys(), host);
  const vhost = domain === null ? undefined : byDomain.get(domain);
  return vhost && domain !== null ? { vhost, domain } : null;
}

function backendOf(cluster: string, d: EdgeDestination, share: number): BackendView {
  const detail: Record<string, string> = {};
  if (d.function) {
    detail.function = d.function.name;
    detail.functionType = d.function.type;
    Object.assign(detail, d.function.detail);
  }
  if (d.upstreamGroup) detail.upstreamGroup = d.upstreamGroup;
  return {
    kind: d.kind, group: d.kind === "Upstream" || d.kind === "UpstreamGroup" ? "gloo.solo.io" : "", namespace: d.namespace, name: d.name, port: d.port,
    weight: d.weight, share, status: d.status, reason: d.reason, clusters: [cluster], detail,
  };
}

function destinations(cluster: string, list: readonly EdgeDestination[]): BackendView[] {
  const total = list.reduce((s, d) => s + d.weight, 0);
  return list.map((d) => backendOf(cluster, d, total > 0 ? Math.round((d.weight / total) * 10000) / 100 : 0));
}

function redirectOf(route: EdgeRouteModel, req: ParsedRequest, matchedPrefix: string | null): { status: number; location: string } {
  const r = route.route.redirectAction ?? {};
  const code = typeof r.responseCode === "number" ? CODE_BY_NUMBER[r.responseCode] ?? 301 : REDIRECT_CODES[r.responseCode ?? "MOVED_PERMANENTLY"] ?? 301;
  const scheme = r.httpsRedirect ? "https" : "http";
  const path = r.pathRedirect ?? (r.prefixRewrite !== undefined && matchedPrefix !== null ? `${r.prefixRewrite}${req.path.slice(matchedPrefix.length)}` : req.path);
  const query = r.stripQuery || req.queryString === "" ? "" : `?${req.queryString}`;
  return { status: code, location: `${scheme}://${r.hostRedirect ?? req.host}${r.portRedirect !== undefined ? `:${r.portRedirect}` : ""}${path}${query}` };
}

function outcome(cg: ClusterGateways, route: EdgeRouteModel, matcherIndex: number, req: ParsedRequest): Partial<TraceResult> {
  const last = route.chain[route.chain.length - 1];
  const matcher = route.matchers[matcherIndex];
  const base: Partial<TraceResult> = {
    route: { kind: last?.kind ?? "", namespace: last?.namespace ?? "", name: last?.name ?? "", rule: last?.route ?? 0, ruleName: route.route.name ?? null, match: matcherIndex, matchText: matcher ? describeEdgeMatcher(matcher) : "" },
    delegation: route.chain.slice(0, -1).map((c) => ({ kind: c.kind, namespace: c.namespace, name: c.name, rule: c.route })),
    policies: route.options.applied,
    options: Object.fromEntries(Object.entries(route.options.merged).map(([k, v]) => [`route.${k}`, v])),
    headers: req.headerRecord,
  };
  if (route.action === "redirect") {
    const redirect = redirectOf(route, req, matcher?.pathType === "prefix" ? matcher.path : null);
    return { ...base, redirect, status: redirect.status };
  }
  if (route.action === "direct-response") {
    const d = route.route.directResponseAction;
    return { ...base, directResponse: { status: d?.status ?? 200, body: d?.body ?? null }, status: d?.status ?? 200 };
  }
  if (route.action === "none") return { ...base, status: 500, notes: ["the route has no action (the VirtualService is rejected)"] };
  const backends = destinations(cg.cluster, route.destinations);
  const fnPath = backends.find((b) => b.detail.path !== undefined)?.detail.path;
  return { ...base, backends, status: dominantStatus(backends, 503), ...(fnPath !== undefined ? { rewrite: { host: req.host, path: fnPath } } : {}) };
}

/** Traces a request through a Gloo Edge Gateway, or null when no Edge Gateway takes the port. */
export function traceEdge(model: GatewayAnalysisModel, input: TraceInput, req: ParsedRequest): TraceResult | null {
  const picked = pickGateway(model, input, req);
  if (!picked) return null;
  const { cg, gw } = picked;
  const gateway = { kind: "EdgeGateway" as const, namespace: gw.obj.metadata.namespace ?? "", name: gw.obj.metadata.name };
  const notes = [`Gloo Edge Gateway ${gw.key} in cluster ${cg.cluster} (bindPort ${gw.port}, ssl ${gw.ssl})`];
  const listener = { name: gw.obj.metadata.name, port: gw.port, protocol: gw.ssl ? "HTTPS" : "HTTP", hostname: null };
  const found = pickVhost(gw, req.host);
  if (!found) return notFound([...notes, `no VirtualService domain matches ${req.host}`], { cluster: cg.cluster, gateway, listener, headers: req.headerRecord });
  const { vhost, domain } = found;
  notes.push(`VirtualService ${vhost.ref.namespace}/${vhost.ref.name} (domain ${domain}); routes in order, first match wins`);
  const state = cg.edge.statuses.find((s) => s.ref.kind === "VirtualService" && s.ref.namespace === vhost.ref.namespace && s.ref.name === vhost.ref.name);
  if (state?.state === "Rejected") notes.push("the VirtualService is Rejected: Gloo keeps serving its last accepted configuration");
  const misses: NearMiss[] = [];
  for (const route of vhost.routes) {
    const failures = route.matchers.map((m) => edgeMatchFailure(m, req, cg.edge.regex));
    const hit = failures.findIndex((f) => f === null);
    const last = route.chain[route.chain.length - 1];
    if (hit >= 0) {
      const out = outcome(cg, route, hit, req);
      return { ...notFound([]), ...out, cluster: cg.cluster, gateway, listener, vhost: domain, nearMisses: misses, notes: [...notes, ...(out.notes ?? [])] };
    }
    const near = failures.find((f) => f !== null && !f.startsWith("path"));
    if (near && misses.length < 20 && last) misses.push({ route: { kind: last.kind, namespace: last.namespace, name: last.name }, rule: last.route, reason: near });
  }
  return notFound([...notes, "no route matches"], { cluster: cg.cluster, gateway, listener, vhost: domain, nearMisses: misses, headers: req.headerRecord });
}
