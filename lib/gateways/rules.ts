import type { BackendRef, HttpRouteFilter, HttpRouteRule } from "../model/gateway-api";
import type { GrpcRouteFilter, GrpcRouteRule } from "../model/gateway-api-grpc";
import type { KubeObject } from "../model/meta";
import type { FindingCode } from "./catalogue";
import { GK } from "./cluster-index";
import { resolveBackend, type BackendContext, type BackendResolution } from "./backends";
import { grpcMatch, httpMatch, type MatchModel, type RegexCache } from "./matches";
import type { RouteKind } from "./attachment";

/**
 * One route rule as a controller profile implements it (reference §1.3, §3.1, §4.5, §5.1, §6): normalised
 * matches, resolved backends and mirrors, resolved ExtensionRefs, a direct response, and why the rule is
 * dropped (UnsupportedValue) or the route rejected (IncompatibleFilters).
 */
export interface ExtensionRefModel {
  group: string;
  kind: string;
  name: string;
  namespace: string;
  obj: KubeObject | undefined;
  /** ResolvedRefs reason when unusable (InvalidKind, BackendNotFound), else null. */
  reason: string | null;
  message: string;
  filterIndex: number;
}

/** One rule as a controller profile implements it: matches, backends, mirrors, ExtensionRefs, direct response, drop reasons. */
export interface RuleModel {
  index: number;
  name: string | null;
  matches: MatchModel[];
  filters: readonly (HttpRouteFilter | GrpcRouteFilter)[];
  backends: BackendResolution[];
  mirrors: BackendResolution[];
  extensionRefs: ExtensionRefModel[];
  directResponse: { status: number; body: string | null; namespace: string; name: string } | null;
  dropped: string | null;
  incompatible: string | null;
}

type AnyRule = HttpRouteRule | GrpcRouteRule;

/** ExtensionRef kinds per generation, told apart by API group. */
const EXTENSION_KINDS: Record<string, Record<string, string>> = {
  "gloo-gateway-1": { "RouteOption.gateway.solo.io": GK.routeOption, "DirectResponse.gateway.gloo.solo.io": GK.glooDirectResponse },
  kgateway: { "TrafficPolicy.gateway.kgateway.dev": GK.trafficPolicy, "DirectResponse.gateway.kgateway.dev": GK.kgDirectResponse },
  none: {},
};

function extensionRef(ctx: BackendContext, f: HttpRouteFilter | GrpcRouteFilter, filterIndex: number): ExtensionRefModel | null {
  if (f.type !== "ExtensionRef" || !f.extensionRef) return null;
  const { group, kind, name } = f.extensionRef;
  const gk = EXTENSION_KINDS[ctx.profile.extensions]?.[`${kind}.${group}`];
  const base = { group, kind, name, namespace: ctx.routeNamespace, filterIndex };
  if (gk === undefined) return { ...base, obj: undefined, reason: "InvalidKind", message: `ExtensionRef ${kind}.${group} must be a kind the controller understands` };
  const obj = ctx.index.get(gk, ctx.routeNamespace, name);
  if (!obj) return { ...base, obj: undefined, reason: "BackendNotFound", message: `ExtensionRef ${kind} ${ctx.routeNamespace}/${name} must exist` };
  return { ...base, obj, reason: null, message: "" };
}

function mirrorRefs(filters: readonly (HttpRouteFilter | GrpcRouteFilter)[]): BackendRef[] {
  return filters.flatMap((f) => (f.type === "RequestMirror" && f.requestMirror ? [f.requestMirror.backendRef] : []));
}

function incompatibility(filters: readonly (HttpRouteFilter | GrpcRouteFilter)[], exts: readonly ExtensionRefModel[]): string | null {
  const directs = exts.filter((e) => e.kind === "DirectResponse").length;
  const redirect = filters.some((f) => f.type === "RequestRedirect");
  if (directs > 1) return "a rule must use at most one DirectResponse";
  if (directs === 1 && redirect) return "a rule must not combine a DirectResponse with a RequestRedirect";
  return null;
}

/** Builds one rule for a profile. `kind` decides how matches are read. */
export function buildRule(ctx: BackendContext, kind: RouteKind, rule: AnyRule, index: number, cache: RegexCache): RuleModel {
  const rawMatches: readonly object[] = rule.matches !== undefined && rule.matches.length > 0 ? rule.matches : [{}];
  const matches = kind === "GRPCRoute"
    ? rawMatches.map((m) => grpcMatch(m as Parameters<typeof grpcMatch>[0], cache))
    : rawMatches.map((m) => httpMatch(m as Parameters<typeof httpMatch>[0], cache));
  const filters = (rule.filters ?? []) as readonly (HttpRouteFilter | GrpcRouteFilter)[];
  const extensionRefs = filters.map((f, i) => extensionRef(ctx, f, i)).filter((e): e is ExtensionRefModel => e !== null);
  const direct = extensionRefs.find((e) => e.kind === "DirectResponse" && e.obj);
  const spec = (direct?.obj as { spec?: { status?: number; body?: string } } | undefined)?.spec;
  const invalid = matches.find((m) => m.invalid !== null)?.invalid ?? null;
  return {
    index,
    name: rule.name ?? null,
    matches,
    filters,
    backends: (rule.backendRefs ?? []).map((b) => resolveBackend(ctx, b)),
    mirrors: mirrorRefs(filters).map((b) => resolveBackend(ctx, b)),
    extensionRefs,
    directResponse: direct && spec?.status !== undefined ? { status: spec.status, body: spec.body ?? null, namespace: direct.namespace, name: direct.name } : null,
    // An invalid regular expression cannot be programmed: the rule is dropped [INFER].
    dropped: invalid,
    incompatible: ctx.profile.extensions === "none" ? null : incompatibility(filters, extensionRefs),
  };
}

/** The first ResolvedRefs failure of a rule (backends, mirrors, ExtensionRefs in that order), or null. */
export function ruleRefFailure(rule: RuleModel): { reason: string; message: string; code: FindingCode; field: string } | null {
  for (const [i, b] of rule.backends.entries()) {
    if (b.reason !== null && b.code !== null) return { reason: b.reason, message: b.message, code: b.code, field: `spec.rules[${rule.index}].backendRefs[${i}]` };
  }
  for (const b of rule.mirrors) {
    if (b.reason !== null && b.code !== null) return { reason: b.reason, message: b.message, code: b.code, field: `spec.rules[${rule.index}].filters` };
  }
  for (const e of rule.extensionRefs) {
    if (e.reason !== null) return { reason: e.reason, message: e.message, code: "GW_EXTENSION_REF_INVALID", field: `spec.rules[${rule.index}].filters[${e.filterIndex}].extensionRef` };
  }
  return null;
}
