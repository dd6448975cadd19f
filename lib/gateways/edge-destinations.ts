import type { KubeObject } from "../model/meta";
import type { GlooDestination, Settings, Upstream, UpstreamGroup } from "../model/gloo-edge-upstream";
import type { RouteAction } from "../model/gloo-edge";
import { refOf } from "../snapshot/ref";
import { GK } from "./cluster-index";
import { addIssue } from "./edge-issues";
import type { FlattenContext } from "./edge-routes";
import { report } from "./findings";

/**
 * Destinations of a Gloo Edge routeAction (reference §8.4): single, multi (weighted) or an UpstreamGroup, each
 * an Upstream, a Service port or Consul, optionally one function (REST, Lambda, gRPC, Azure). A missing
 * Upstream is a route warning and Envoy's cluster-not-found (503 on Edge); an unknown function is a route error.
 */
export interface EdgeDestination {
  kind: "Upstream" | "Service" | "Consul" | "UpstreamGroup" | "ClusterHeader" | "DynamicForwardProxy";
  namespace: string;
  name: string;
  port: number | null;
  weight: number;
  function: { type: "rest" | "aws" | "grpc" | "azure"; name: string; detail: Record<string, string> } | null;
  status: number;
  reason: string | null;
  upstreamGroup: string | null;
}

/** Renders a transformation template for display: `{{ default(id, "") }}` ⇒ `<id>`. */
export function renderTemplate(text: string): string {
  return text.replace(/\{\{\s*(?:default\(\s*([A-Za-z0-9_.]+)[^}]*\)|([A-Za-z0-9_.]+))\s*\}\}/g, (_m, a: string | undefined, b: string | undefined) => `<${a ?? b ?? ""}>`);
}

function restDetail(up: Upstream, fn: string): Record<string, string> {
  const t = (up.spec.kube?.serviceSpec ?? up.spec.static?.serviceSpec)?.rest?.transformations?.[fn] as { headers?: Record<string, { text?: string }> } | undefined;
  const out: Record<string, string> = {};
  const method = t?.headers?.[":method"]?.text;
  const path = t?.headers?.[":path"]?.text;
  if (method) out.method = method;
  if (path) out.path = renderTemplate(path);
  return out;
}

/** Function discovery state for an Upstream's namespace (§8.8): false when FDS would not discover it. */
function fdsOn(ctx: FlattenContext, up: Upstream): boolean | null {
  const settings = ctx.index.list<Settings>(GK.settings)[0];
  if (!settings) return null;
  const raw = settings.spec.discovery?.fdsMode ?? "BLACKLIST";
  const mode = typeof raw === "number" ? ["BLACKLIST", "WHITELIST", "DISABLED"][raw] : raw;
  const label = "discovery.solo.io/function_discovery";
  const ns = up.metadata.namespace ?? "";
  const own = up.metadata.labels?.[label];
  const nsLabel = ctx.index.namespaceLabels(ns)[label];
  if (mode === "DISABLED") return false;
  if (own === "disabled" || (own === undefined && nsLabel === "disabled")) return false;
  if (mode === "WHITELIST" && up.spec.aws === undefined) return own === "enabled" || nsLabel === "enabled";
  return !["kube-system", "kube-public"].includes(ns) || own === "enabled" || nsLabel === "enabled";
}

function checkFunction(ctx: FlattenContext, owner: KubeObject, d: GlooDestination, up: Upstream, at: string): EdgeDestination["function"] & { error: string | null } | null {
  const spec = d.destinationSpec;
  if (!spec) return null;
  const key = `${up.metadata.namespace ?? ""}/${up.metadata.name}`;
  const known = ctx.functions.get(key) ?? [];
  const pick = spec.rest ? { type: "rest" as const, name: spec.rest.functionName, want: "rest" }
    : spec.aws ? { type: "aws" as const, name: spec.aws.logicalName, want: "lambda" }
    : spec.grpc ? { type: "grpc" as const, name: `${[spec.grpc.package, spec.grpc.service].filter(Boolean).join(".")}/${spec.grpc.function ?? ""}`, want: "grpc" }
    : spec.azure ? { type: "azure" as const, name: spec.azure.functionName, want: "azure" } : null;
  if (!pick) return null;
  const detail = pick.type === "rest" ? restDetail(up, pick.name) : pick.type === "aws" ? { invocationStyle: String(spec.aws?.invocationStyle ?? "SYNC").replace(/^0$/, "SYNC").replace(/^1$/, "ASYNC") } : {};
  const found = known.some((f) => f.type === pick.want && f.name === pick.name);
  const error = found ? null : `${pick.type === "aws" ? "Lambda logicalName" : `${pick.type} function`} ${pick.name} must be exposed by Upstream ${key}`;
  if (error) {
    addIssue(ctx.issues, owner, "errors", error);
    report(ctx.sink, "GW_FUNCTION_NOT_FOUND", [refOf(ctx.index.cluster, owner), refOf(ctx.index.cluster, up)], `${at}.destinationSpec`, error);
  } else if (fdsOn(ctx, up) === false) {
    report(ctx.sink, "GW_EDGE_FDS_DISABLED", [refOf(ctx.index.cluster, owner), refOf(ctx.index.cluster, up)], `${at}.destinationSpec`, `function ${pick.name} of Upstream ${key} must be listed by hand: function discovery is off for it`);
  }
  return { type: pick.type, name: pick.name, detail, error };
}

function resolveOne(ctx: FlattenContext, owner: KubeObject, d: GlooDestination, weight: number, at: string, group: string | null): EdgeDestination {
  const ns = owner.metadata.namespace ?? "";
  const base = { weight, upstreamGroup: group, function: null, status: 200, reason: null };
  if (d.kube) {
    const svcNs = d.kube.ref.namespace ?? ns;
    const ports = ctx.index.servicePorts(svcNs, d.kube.ref.name);
    const ok = ports?.some((p) => p.port === d.kube?.port) ?? false;
    if (!ok) warnMissing(ctx, owner, at, `Service ${svcNs}/${d.kube.ref.name} port ${d.kube.port}`);
    return { ...base, kind: "Service", namespace: svcNs, name: d.kube.ref.name, port: d.kube.port, ...(ok ? {} : { status: 503, reason: "destination Service or port not found" }) };
  }
  if (d.consul) return { ...base, kind: "Consul", namespace: "", name: d.consul.serviceName, port: null };
  const ref = d.upstream ?? { name: "", namespace: ns };
  const upNs = ref.namespace ?? ns;
  const up = ctx.index.get<Upstream>(GK.upstream, upNs, ref.name);
  if (!up) {
    warnMissing(ctx, owner, at, `Upstream ${upNs}/${ref.name}`);
    return { ...base, kind: "Upstream", namespace: upNs, name: ref.name, port: null, status: 503, reason: "Upstream not found (cluster not found)" };
  }
  const fn = checkFunction(ctx, owner, d, up, at);
  const port = up.spec.kube?.servicePort ?? up.spec.static?.hosts[0]?.port ?? null;
  const func = fn ? { type: fn.type, name: fn.name, detail: fn.detail } : null;
  return { ...base, kind: "Upstream", namespace: upNs, name: ref.name, port, function: func, ...(fn?.error ? { status: 500, reason: fn.error } : {}) };
}

function warnMissing(ctx: FlattenContext, owner: KubeObject, at: string, what: string): void {
  addIssue(ctx.issues, owner, "warnings", `${what} must exist`);
  report(ctx.sink, "GW_EDGE_UPSTREAM_NOT_FOUND", [refOf(ctx.index.cluster, owner)], at, `${what} must exist; Envoy answers 503 (cluster not found) until then`);
}

/** Resolves every destination of a routeAction written on `owner` (route index `i`). */
export function resolveEdgeDestinations(ctx: FlattenContext, owner: KubeObject, action: RouteAction, i: number): EdgeDestination[] {
  const at = `${owner.kind === "VirtualService" ? "spec.virtualHost.routes" : "spec.routes"}[${i}].routeAction`;
  if (action.single) return [resolveOne(ctx, owner, action.single, 1, `${at}.single`, null)];
  if (action.multi) return action.multi.destinations.map((w, j) => resolveOne(ctx, owner, w.destination, w.weight ?? 1, `${at}.multi.destinations[${j}]`, null));
  if (action.upstreamGroup) {
    const ns = action.upstreamGroup.namespace ?? owner.metadata.namespace ?? "";
    const ug = ctx.index.get<UpstreamGroup>(GK.upstreamGroup, ns, action.upstreamGroup.name);
    const name = `${ns}/${action.upstreamGroup.name}`;
    if (!ug) {
      warnMissing(ctx, owner, `${at}.upstreamGroup`, `UpstreamGroup ${name}`);
      return [{ kind: "UpstreamGroup", namespace: ns, name: action.upstreamGroup.name, port: null, weight: 1, function: null, status: 503, reason: "UpstreamGroup not found", upstreamGroup: name }];
    }
    return ug.spec.destinations.map((w, j) => resolveOne(ctx, ug, w.destination, w.weight ?? 1, `spec.destinations[${j}]`, name));
  }
  const kind = action.clusterHeader !== undefined ? "ClusterHeader" : "DynamicForwardProxy";
  return [{ kind, namespace: "", name: action.clusterHeader ?? "", port: null, weight: 1, function: null, status: 200, reason: null, upstreamGroup: null }];
}
