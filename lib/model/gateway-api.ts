import { z } from "zod";
import { defineKind, kubeObjectSchema, labelSelectorSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, intInRange, isSet, portNumberSchema, stringMapSchema, type IssueSink } from "./fields";
import {
  backendRefSchema, GATEWAY_API_GROUP, gatewayConditionSchema, gatewayDurationSchema, gatewayHostnameSchema, headerModifierSchema, nameValueMatch,
  parentReferenceSchema, routeStatusSchema,
} from "./gateway-api-common";
import { grpcRouteKind, referenceGrantKind } from "./gateway-api-grpc";

export * from "./gateway-api-common";
export * from "./gateway-api-grpc";

/**
 * Kubernetes Gateway API (`gateway.networking.k8s.io`): GatewayClass, Gateway, HTTPRoute, served as `v1`
 * and `v1beta1` (one kind, several versions); GRPCRoute and ReferenceGrant live in gateway-api-grpc.ts and
 * the shared pieces in gateway-api-common.ts. Reference: gateway-api-and-gloo-gateway.md §1. Enums are the
 * standard-channel CRD enums; the CRD CEL rules that are cheap and local to one object are mirrored.
 */
const GROUP = GATEWAY_API_GROUP;
const VERSIONS = ["v1", "v1beta1"] as const;

/** HTTP path match; Exact and PathPrefix values are absolute paths. */
export const httpPathMatchSchema = z
  .looseObject({ type: z.enum(["Exact", "PathPrefix", "RegularExpression"]).optional(), value: z.string().optional() })
  .superRefine((m, ctx) => {
    if ((m.type ?? "PathPrefix") !== "RegularExpression" && m.value !== undefined && !m.value.startsWith("/")) addIssue(ctx, ["value"], "must be an absolute path starting with /");
  });

/** One match: path, headers, query parameters and method, ANDed. */
export const httpRouteMatchSchema = z.looseObject({
  path: httpPathMatchSchema.optional(),
  headers: z.array(nameValueMatch(["Exact", "RegularExpression"])).optional(),
  queryParams: z.array(nameValueMatch(["Exact", "RegularExpression"])).optional(),
  method: z.enum(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]).optional(),
});
export type HttpRouteMatch = z.infer<typeof httpRouteMatchSchema>;

/** Filter types and the field that carries each one's configuration. */
const FILTER_FIELDS = {
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestMirror: "requestMirror",
  RequestRedirect: "requestRedirect",
  URLRewrite: "urlRewrite",
  ExtensionRef: "extensionRef",
  CORS: "cors",
  ExternalAuth: "externalAuth",
} as const;
type FilterType = keyof typeof FILTER_FIELDS;
const filterTypes = Object.keys(FILTER_FIELDS) as [FilterType, ...FilterType[]];

const pathModifierSchema = z.looseObject({
  type: z.enum(["ReplaceFullPath", "ReplacePrefixMatch"]),
  replaceFullPath: z.string().optional(),
  replacePrefixMatch: z.string().optional(),
});
/** A route filter; the config field named after `type` must be set and no other config field. */
export const httpRouteFilterSchema = z
  .looseObject({
    type: z.enum(filterTypes),
    requestHeaderModifier: headerModifierSchema.optional(),
    responseHeaderModifier: headerModifierSchema.optional(),
    requestMirror: z.looseObject({ backendRef: backendRefSchema, percent: intInRange(0, 100).optional(), fraction: z.looseObject({}).optional() }).optional(),
    requestRedirect: z
      .looseObject({
        scheme: z.enum(["http", "https"]).optional(),
        hostname: z.string().optional(),
        path: pathModifierSchema.optional(),
        port: portNumberSchema.optional(),
        statusCode: z.literal([301, 302, 303, 307, 308]).optional(),
      })
      .optional(),
    urlRewrite: z.looseObject({ hostname: z.string().optional(), path: pathModifierSchema.optional() }).optional(),
    extensionRef: z.looseObject({ group: z.string(), kind: z.string(), name: z.string() }).optional(),
    cors: z.looseObject({}).optional(),
    externalAuth: z.looseObject({}).optional(),
  })
  .superRefine((filter, ctx) => {
    for (const [type, field] of Object.entries(FILTER_FIELDS)) {
      const set = isSet((filter as Record<string, unknown>)[field]);
      if (type === filter.type && !set && type !== "CORS" && type !== "ExternalAuth") addIssue(ctx, [field], `must be set when type is ${type}`);
      if (type !== filter.type && set) addIssue(ctx, [field], `must not be set when type is ${filter.type}`);
    }
  });
export type HttpRouteFilter = z.infer<typeof httpRouteFilterSchema>;

const rulePartsShape = z.looseObject({
  name: z.string().optional(),
  matches: z.array(httpRouteMatchSchema).max(64, { message: "must have at most 64 matches" }).optional(),
  filters: z.array(httpRouteFilterSchema).max(16, { message: "must have at most 16 filters" }).optional(),
  backendRefs: z.array(backendRefSchema).max(16, { message: "must have at most 16 backendRefs" }).optional(),
  timeouts: z.looseObject({ request: gatewayDurationSchema.optional(), backendRequest: gatewayDurationSchema.optional() }).optional(),
  retry: z.looseObject({}).optional(),
  sessionPersistence: z.looseObject({}).optional(),
});
/** One HTTPRoute rule: matches (OR; none = PathPrefix /), filters, backends. */
export type HttpRouteRule = z.infer<typeof rulePartsShape>;

/** HTTPRoute rule CEL: redirect excludes backends and URLRewrite; singleton filters; ReplacePrefixMatch needs one PathPrefix match. */
function checkRule(rule: HttpRouteRule, ctx: IssueSink): void {
  const filters = rule.filters ?? [];
  const count = (type: FilterType) => filters.filter((f) => f.type === type).length;
  for (const type of ["RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite", "CORS"] as const) {
    if (count(type) > 1) addIssue(ctx, ["filters"], `must not repeat the ${type} filter`);
  }
  if (count("RequestRedirect") > 0 && count("URLRewrite") > 0) addIssue(ctx, ["filters"], "must not combine RequestRedirect and URLRewrite");
  if (count("RequestRedirect") > 0 && (rule.backendRefs ?? []).length > 0) addIssue(ctx, ["backendRefs"], "must be empty when a RequestRedirect filter is used");
  const prefixRewrite = filters.some((f) => (f.requestRedirect?.path ?? f.urlRewrite?.path)?.type === "ReplacePrefixMatch");
  const matches = rule.matches ?? [];
  const onePrefix = matches.length === 1 && (matches[0]?.path?.type ?? "PathPrefix") === "PathPrefix";
  if (prefixRewrite && !onePrefix) addIssue(ctx, ["matches"], "must be exactly one PathPrefix match when a filter uses ReplacePrefixMatch");
}

export const httpRouteRuleSchema = rulePartsShape.superRefine((rule, ctx) => checkRule(rule, ctx));

/** HTTPRoute spec: parents, hostnames and up to 16 rules. */
export const httpRouteSpecSchema = z.looseObject({
  parentRefs: z.array(parentReferenceSchema).max(32, { message: "must have at most 32 parentRefs" }).optional(),
  hostnames: z.array(gatewayHostnameSchema).max(16, { message: "must have at most 16 hostnames" }).optional(),
  rules: z.array(httpRouteRuleSchema).max(16, { message: "must have at most 16 rules" }).optional(),
});
export type HttpRouteSpec = z.infer<typeof httpRouteSpecSchema>;

export const httpRouteKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "HTTPRoute",
  plural: "httproutes",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "HTTPRoute", { spec: httpRouteSpecSchema, status: routeStatusSchema.optional() }),
});
/** Gateway API HTTP routing rules attached to Gateways. */
export type HTTPRoute = KindOf<typeof httpRouteKind>;

/** A Gateway listener. */
export const gatewayListenerSchema = z.looseObject({
  name: z.string().min(1, { message: "must be a non-empty name" }),
  hostname: gatewayHostnameSchema.optional(),
  port: portNumberSchema,
  protocol: z.string().min(1, { message: "must be a protocol such as HTTP, HTTPS, TLS, TCP or UDP" }),
  tls: z
    .looseObject({
      mode: z.enum(["Terminate", "Passthrough"]).optional(),
      certificateRefs: z.array(z.looseObject({ group: z.string().optional(), kind: z.string().optional(), name: z.string(), namespace: z.string().optional() })).optional(),
      options: stringMapSchema.optional(),
    })
    .optional(),
  allowedRoutes: z
    .looseObject({
      namespaces: z.looseObject({ from: z.enum(["All", "Same", "Selector"]).optional(), selector: labelSelectorSchema.optional() }).optional(),
      kinds: z.array(z.looseObject({ group: z.string().optional(), kind: z.string() })).optional(),
    })
    .optional(),
});
export type GatewayListener = z.infer<typeof gatewayListenerSchema>;

/** Gateway listener CEL: unique names and port/protocol/hostname; TLS required for HTTPS/TLS, forbidden for HTTP/TCP/UDP; no hostname for TCP/UDP. */
function checkListeners(listeners: readonly GatewayListener[], ctx: IssueSink): void {
  const names = new Set<string>();
  const keys = new Set<string>();
  listeners.forEach((l, i) => {
    const at = ["listeners", i];
    if (names.has(l.name)) addIssue(ctx, [...at, "name"], `must be unique within the Gateway (${l.name} is repeated)`);
    names.add(l.name);
    const key = `${l.port}/${l.protocol}/${l.hostname ?? ""}`;
    if (keys.has(key)) addIssue(ctx, at, "must not repeat the port, protocol and hostname of another listener");
    keys.add(key);
    if (["HTTP", "TCP", "UDP"].includes(l.protocol) && isSet(l.tls)) addIssue(ctx, [...at, "tls"], `must not be set for protocol ${l.protocol}`);
    if (["HTTPS", "TLS"].includes(l.protocol) && !isSet(l.tls)) addIssue(ctx, [...at, "tls"], `must be set for protocol ${l.protocol}`);
    if (l.protocol === "HTTPS" && (l.tls?.mode ?? "Terminate") !== "Terminate") addIssue(ctx, [...at, "tls", "mode"], "must be Terminate for protocol HTTPS");
    if (["TCP", "UDP"].includes(l.protocol) && isSet(l.hostname)) addIssue(ctx, [...at, "hostname"], `must not be set for protocol ${l.protocol}`);
  });
}

const gatewaySpecShape = z.looseObject({
  gatewayClassName: z.string().min(1, { message: "must name a GatewayClass" }),
  listeners: z.array(gatewayListenerSchema).min(1, { message: "must list at least one listener" }).max(64, { message: "must list at most 64 listeners" }),
  addresses: z.array(z.looseObject({ type: z.string().optional(), value: z.string() })).optional(),
  infrastructure: z
    .looseObject({
      labels: stringMapSchema.optional(),
      annotations: stringMapSchema.optional(),
      parametersRef: z.looseObject({ group: z.string(), kind: z.string(), name: z.string() }).optional(),
    })
    .optional(),
});
/** Gateway spec: class, listeners, addresses, infrastructure. */
export type GatewaySpec = z.infer<typeof gatewaySpecShape>;
export const gatewaySpecSchema = gatewaySpecShape.superRefine((spec, ctx) => checkListeners(spec.listeners, ctx));

export const gatewayKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "Gateway",
  plural: "gateways",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "Gateway", {
    spec: gatewaySpecSchema,
    status: z
      .looseObject({
        addresses: z.array(z.looseObject({})).optional(),
        conditions: z.array(gatewayConditionSchema).optional(),
        listeners: z.array(z.looseObject({ name: z.string(), attachedRoutes: z.number().optional(), conditions: z.array(gatewayConditionSchema).optional() })).optional(),
      })
      .optional(),
  }),
});
/** A Gateway API Gateway (listeners on a class's data plane). */
export type Gateway = KindOf<typeof gatewayKind>;

/** GatewayClass spec: the controller that implements Gateways of this class. */
export const gatewayClassSpecSchema = z.looseObject({
  controllerName: z.string().min(1, { message: "must name a controller" }),
  parametersRef: z.looseObject({ group: z.string(), kind: z.string(), name: z.string(), namespace: z.string().optional() }).optional(),
  description: z.string().optional(),
});
export type GatewayClassSpec = z.infer<typeof gatewayClassSpecSchema>;

export const gatewayClassKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "GatewayClass",
  plural: "gatewayclasses",
  namespaced: false,
  schema: kubeObjectSchema(GROUP, VERSIONS, "GatewayClass", {
    spec: gatewayClassSpecSchema,
    status: z.looseObject({ conditions: z.array(gatewayConditionSchema).optional() }).optional(),
  }),
});
/** A cluster-scoped class of Gateways, tied to one controllerName. */
export type GatewayClass = KindOf<typeof gatewayClassKind>;

/** The Gateway API kinds Meshpane models. */
export const kinds: readonly KindDef[] = [gatewayClassKind, gatewayKind, httpRouteKind, grpcRouteKind, referenceGrantKind];
