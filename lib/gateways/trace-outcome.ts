import type { HttpRouteFilter } from "../model/gateway-api";
import type { GatewayModel } from "./gateways";
import type { ListenerModel } from "./listeners";
import type { ClusterGateways } from "./model";
import {
  applyGlooOptions, applyHeaderModifier, applyKgatewayHeaders, backendViews, dominantStatus, modifyPath, redirectLocation,
} from "./outcome";
import type { ParsedRequest } from "./request";
import { levelFields, rowPolicies } from "./row-policies";
import type { RouteRow } from "./routing-table";
import type { TraceContext } from "./tracer";
import type { TraceResult } from "./trace-types";

type Outcome = Omit<TraceResult, "cluster" | "gateway" | "listener" | "vhost" | "nearMisses">;

/** Request-side effects of options/policies, applied before native filters so that native filters win. */
function applyPolicies(gw: GatewayModel, options: TraceResult["options"], headers: Record<string, string>, req: ParsedRequest, matchedPrefix: string | null): { host: string; path: string } {
  if (gw.profile.extensions === "gloo-gateway-1") return applyGlooOptions(levelFields(options, "route"), headers, req.path, matchedPrefix, req.host);
  if (gw.profile.extensions === "kgateway") applyKgatewayHeaders(levelFields(options, "traffic"), headers);
  return { host: req.host, path: req.path };
}

function meshHops(ctx: TraceContext, cluster: string, backends: TraceResult["backends"], path: string, headers: Record<string, string>): TraceResult["mesh"] {
  if (!ctx.mesh) return [];
  const out: TraceResult["mesh"] = [];
  for (const b of backends) {
    if (b.status !== 200 || b.port === null) continue;
    const host = b.kind === "Hostname" ? b.name : `${b.name}.${b.namespace}.svc.cluster.local`;
    const hop = ctx.mesh.next({ cluster, host, port: b.port, path, headers });
    if (hop) out.push({ backend: host, description: hop.description, workloads: hop.workloads.map((w) => `${w.cluster}/${w.namespace}/${w.name}`) });
  }
  return out;
}

/** What the winning row does to the request (reference §4.5). */
export function rowOutcome(cg: ClusterGateways, gw: GatewayModel, listener: ListenerModel, row: RouteRow, req: ParsedRequest, ctx: TraceContext): Outcome {
  const { applied, options } = rowPolicies(cg, row, gw, listener);
  const headers = { ...req.headerRecord };
  const matchedPrefix = row.match.pathType === "PathPrefix" && !row.match.grpc ? row.match.pathValue : null;
  let { host, path } = applyPolicies(gw, options, headers, req, matchedPrefix);
  const notes: string[] = [];
  let redirect: TraceResult["redirect"];
  for (const f of row.rule.filters as readonly HttpRouteFilter[]) {
    if (f.type === "RequestHeaderModifier") applyHeaderModifier(headers, f.requestHeaderModifier);
    if (f.type === "URLRewrite" && f.urlRewrite) {
      host = f.urlRewrite.hostname ?? host;
      path = modifyPath(path, matchedPrefix, f.urlRewrite.path);
    }
    if (f.type === "RequestRedirect" && f.requestRedirect) {
      const scheme = listener.protocol === "HTTPS" ? "https" : "http";
      redirect = { status: f.requestRedirect.statusCode ?? 302, location: redirectLocation(f.requestRedirect, { scheme, host: req.host, path: req.path, queryString: req.queryString, listenerPort: listener.port, matchedPrefix }) };
    }
  }
  const badExtension = row.rule.extensionRefs.find((e) => e.reason !== null);
  const backends = backendViews(row.rule.backends, gw.profile.allZeroWeightsStatus);
  const direct = row.rule.directResponse;
  let status: number;
  if (badExtension) {
    status = 500;
    notes.push(`ExtensionRef ${badExtension.kind} ${badExtension.name} is unresolved: the rule answers 500 (${badExtension.message})`);
  } else if (redirect) status = redirect.status;
  else if (direct) status = direct.status;
  else if (backends.length === 0) {
    status = 500;
    notes.push("the rule has no backends, redirect or direct response: 500");
  } else status = dominantStatus(backends, 500);
  const rewritten = host !== req.host || path !== req.path;
  return {
    route: { kind: row.route.kind, namespace: row.route.namespace, name: row.route.obj.metadata.name, rule: row.rule.index, ruleName: row.rule.name, match: row.matchIndex, matchText: row.text },
    delegation: row.delegatedFrom ? [{ kind: row.delegatedFrom.route.kind, namespace: row.delegatedFrom.route.namespace, name: row.delegatedFrom.route.obj.metadata.name, rule: row.delegatedFrom.rule.index }] : [],
    backends: redirect || direct || badExtension ? [] : backends,
    ...(redirect ? { redirect } : {}),
    ...(rewritten && !redirect ? { rewrite: { host, path } } : {}),
    ...(direct && !redirect && !badExtension ? { directResponse: { status: direct.status, body: direct.body } } : {}),
    headers,
    policies: applied,
    options,
    status,
    notes,
    mesh: redirect || direct ? [] : meshHops(ctx, cg.cluster, backends, path, headers),
  };
}
