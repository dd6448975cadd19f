import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, intLikeSchema, isSet, onlyOneOf, portNumberSchema, uintSchema } from "./fields";
import { glooDestinationSchema, weightedDestinationSchema } from "./gloo-edge-upstream";
import { glooRouteOptionsSchema, glooVirtualHostOptionsSchema, resourceRefSchema, soloKitStatusSchema } from "./solo-kit";

/**
 * Gloo Edge routing kinds, `gateway.solo.io/v1`: Gateway, VirtualService, RouteTable — the function gateway's
 * object graph (Gateway selects VirtualServices; routes act or delegate to RouteTables). The Gloo Gateway 1.x
 * option kinds of the same group are in gloo-gateway.ts. Reference: gateway-api-and-gloo-gateway.md §8.1–8.5.
 */
export const GLOO_EDGE_GROUP = "gateway.solo.io";
const V1 = ["v1"] as const;

/** Set-based selector expressions (`virtualServiceExpressions`, RouteTable delegation). */
export const selectorExpressionSchema = z.looseObject({
  key: z.string().min(1, { message: "must name a label key" }),
  operator: z.enum(["Equals", "DoubleEquals", "NotEquals", "In", "NotIn", "Exists", "DoesNotExist", "GreaterThan", "LessThan"]).optional(),
  values: z.array(z.string()).optional(),
});
/** The parsed shape of `selectorExpressionSchema`. */
export type SelectorExpression = z.infer<typeof selectorExpressionSchema>;

/** A header condition: value empty = header present; `regex` makes value a regular expression. */
export const edgeHeaderMatcherSchema = z.looseObject({
  name: z.string().min(1, { message: "must name a header" }),
  value: z.string().optional(),
  regex: z.boolean().optional(),
  invertMatch: z.boolean().optional(),
});

/** Edge request matcher: one path condition (prefix, exact, regex or CONNECT), headers, query, methods. */
export const edgeMatcherSchema = z
  .looseObject({
    prefix: z.string().optional(),
    exact: z.string().optional(),
    regex: z.string().optional(),
    connectMatcher: z.looseObject({}).optional(),
    caseSensitive: z.boolean().nullable().optional(),
    headers: z.array(edgeHeaderMatcherSchema).optional(),
    queryParameters: z.array(z.looseObject({ name: z.string().min(1, { message: "must name a query parameter" }), value: z.string().optional(), regex: z.boolean().optional() })).optional(),
    methods: z.array(z.string()).optional(),
  })
  .superRefine(onlyOneOf(["prefix", "exact", "regex", "connectMatcher"]));
/** The parsed shape of `edgeMatcherSchema`. */
export type EdgeMatcher = z.infer<typeof edgeMatcherSchema>;

const REDIRECT_CODES = ["MOVED_PERMANENTLY", "FOUND", "SEE_OTHER", "TEMPORARY_REDIRECT", "PERMANENT_REDIRECT"] as const;

/** Redirect action; `responseCode` as enum name or number (0 = 301 … 4 = 308). */
export const redirectActionSchema = z
  .looseObject({
    hostRedirect: z.string().optional(),
    portRedirect: portNumberSchema.optional(),
    pathRedirect: z.string().optional(),
    prefixRewrite: z.string().optional(),
    regexRewrite: z.looseObject({}).optional(),
    responseCode: z.union([z.enum(REDIRECT_CODES), z.number().int().min(0).max(4)]).optional(),
    httpsRedirect: z.boolean().optional(),
    stripQuery: z.boolean().optional(),
  })
  .superRefine(onlyOneOf(["pathRedirect", "prefixRewrite", "regexRewrite"]));

/** Delegation target: a RouteTable by ref, or RouteTables by selector (labels, expressions, namespaces). */
export const delegateActionSchema = z
  .looseObject({
    ref: resourceRefSchema.optional(),
    selector: z
      .looseObject({ labels: labelsSchema.optional(), expressions: z.array(selectorExpressionSchema).optional(), namespaces: z.array(z.string()).optional() })
      .optional(),
    name: z.string().optional(),
    namespace: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    onlyOneOf<typeof d>(["ref", "selector"])(d, ctx);
    if (!isSet(d.ref) && !isSet(d.selector) && !isSet(d.name)) addIssue(ctx, [], "must set ref or selector");
  });
/** The parsed shape of `delegateActionSchema`. */
export type DelegateAction = z.infer<typeof delegateActionSchema>;

/** Forwarding action: one destination, weighted destinations, an UpstreamGroup, a cluster header … */
export const routeActionSchema = z
  .looseObject({
    single: glooDestinationSchema.optional(),
    multi: z.looseObject({ destinations: z.array(weightedDestinationSchema).min(1, { message: "must list at least one destination" }) }).optional(),
    upstreamGroup: resourceRefSchema.optional(),
    clusterHeader: z.string().optional(),
    dynamicForwardProxy: z.looseObject({}).optional(),
  })
  .superRefine(onlyOneOf(["single", "multi", "upstreamGroup", "clusterHeader", "dynamicForwardProxy"], { required: true }));
/** The parsed shape of `routeActionSchema`. */
export type RouteAction = z.infer<typeof routeActionSchema>;

/**
 * An Edge route: matchers (OR; none = prefix /) and at most one action. A route with no action is accepted
 * here (the CRD accepts it) and reported by the analysis, because Gloo rejects it at translation time.
 */
export const edgeRouteSchema = z
  .looseObject({
    name: z.string().optional(),
    matchers: z.array(edgeMatcherSchema).optional(),
    inheritableMatchers: z.boolean().nullable().optional(),
    inheritablePathMatchers: z.boolean().nullable().optional(),
    routeAction: routeActionSchema.optional(),
    redirectAction: redirectActionSchema.optional(),
    directResponseAction: z.looseObject({ status: uintSchema, body: z.string().optional() }).optional(),
    delegateAction: delegateActionSchema.optional(),
    graphqlApiRef: resourceRefSchema.optional(),
    options: glooRouteOptionsSchema.optional(),
    optionsConfigRefs: z.looseObject({ delegateOptions: z.array(resourceRefSchema).optional() }).optional(),
  })
  .superRefine(onlyOneOf(["routeAction", "redirectAction", "directResponseAction", "delegateAction", "graphqlApiRef"]));
/** The parsed shape of `edgeRouteSchema`. */
export type EdgeRoute = z.infer<typeof edgeRouteSchema>;

/** VirtualService spec: one virtual host (domains + ordered routes), optional TLS. */
export const virtualServiceSpecSchema = z.looseObject({
  virtualHost: z
    .looseObject({
      domains: z.array(z.string()).optional(),
      routes: z.array(edgeRouteSchema).optional(),
      options: glooVirtualHostOptionsSchema.optional(),
      optionsConfigRefs: z.looseObject({ delegateOptions: z.array(resourceRefSchema).optional() }).optional(),
    })
    .optional(),
  sslConfig: z.looseObject({}).optional(),
  displayName: z.string().optional(),
});
/** The parsed shape of `virtualServiceSpecSchema`. */
export type VirtualServiceSpec = z.infer<typeof virtualServiceSpecSchema>;

function edgeKind<S extends z.ZodType>(kind: string, plural: string, spec: S) {
  return defineKind({
    group: GLOO_EDGE_GROUP, versions: V1, kind, plural, namespaced: true,
    schema: kubeObjectSchema(GLOO_EDGE_GROUP, V1, kind, { spec, status: soloKitStatusSchema.optional() }),
  });
}

/** The kind definition (group, versions, schema) registered for VirtualService. */
export const virtualServiceKind = edgeKind("VirtualService", "virtualservices", virtualServiceSpecSchema);
/** A Gloo Edge virtual host: domains and ordered routes (first match wins). */
export type GlooVirtualService = KindOf<typeof virtualServiceKind>;

/** Schema of edgeRouteTableSpec; rejections name the field and say what must hold. */
export const edgeRouteTableSpecSchema = z.looseObject({ routes: z.array(edgeRouteSchema).optional(), weight: intLikeSchema.optional() });
/** The kind definition (group, versions, schema) registered for RouteTable (gateway.solo.io, Gloo Edge). */
export const edgeRouteTableKind = edgeKind("RouteTable", "routetables", edgeRouteTableSpecSchema);
/** Routes delegated to from a VirtualService or another RouteTable, spliced in by ascending weight. */
export type EdgeRouteTable = KindOf<typeof edgeRouteTableKind>;

/** `httpGateway`: which VirtualServices the Gateway serves (expressions > selector > refs > all). */
export const httpGatewaySchema = z.looseObject({
  virtualServices: z.array(resourceRefSchema).optional(),
  virtualServiceSelector: labelsSchema.optional(),
  virtualServiceExpressions: z.looseObject({ expressions: z.array(selectorExpressionSchema).optional() }).optional(),
  virtualServiceNamespaces: z.array(z.string()).optional(),
  options: z.looseObject({}).optional(),
});
/** The parsed shape of `httpGatewaySchema`. */
export type HttpGateway = z.infer<typeof httpGatewaySchema>;

/** Edge Gateway spec: a bind address/port for named proxies, one of http/tcp/hybrid gateway. */
export const edgeGatewaySpecSchema = z
  .looseObject({
    ssl: z.boolean().optional(),
    bindAddress: z.string().optional(),
    bindPort: portNumberSchema,
    proxyNames: z.array(z.string()).optional(),
    httpGateway: httpGatewaySchema.optional(),
    tcpGateway: z.looseObject({}).optional(),
    hybridGateway: z.looseObject({}).optional(),
    useProxyProto: z.boolean().nullable().optional(),
    options: z.looseObject({}).optional(),
  })
  .superRefine(onlyOneOf(["httpGateway", "tcpGateway", "hybridGateway"]));
/** The parsed shape of `edgeGatewaySpecSchema`. */
export type EdgeGatewaySpec = z.infer<typeof edgeGatewaySpecSchema>;

/** The kind definition (group, versions, schema) registered for Gateway (gateway.solo.io, Gloo Edge). */
export const edgeGatewayKind = edgeKind("Gateway", "gateways", edgeGatewaySpecSchema);
/** A Gloo Edge Gateway (bind port of a proxy), not the Gateway API's Gateway. */
export type EdgeGateway = KindOf<typeof edgeGatewayKind>;

/** The Gloo Edge `gateway.solo.io` routing kinds Meshpane models. */
export const kinds: readonly KindDef[] = [edgeGatewayKind, virtualServiceKind, edgeRouteTableKind];
