import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindOf } from "./meta";
import { addIssue, intInRange, intLikeSchema, isSet, onlyOneOf, stringMapSchema, type IssueSink } from "./fields";
import {
  checkRouteDestinations,
  countMapSchema,
  destinationReferenceSchema,
  destinationSelectorSchema,
  glooStatusSchema,
  httpRequestMatcherSchema,
  objectReferenceSchema,
  objectSelectorSchema,
  tcpRequestMatcherSchema,
  tlsRequestMatcherSchema,
  workloadSelectorSchema,
} from "./gloo-common";

/**
 * `networking.gloo.solo.io/v2` RouteTable: HTTP, TCP and TLS routes for gateways and sidecars.
 * Reference: gloo-api-and-translation.md §2.7, gloo-api-details.md §1.4 and §1.7 (the 2.6 CEL rules,
 * which are mirrored here because the API server enforces them).
 */
export const GLOO_NETWORKING_GROUP = "networking.gloo.solo.io";
export const GLOO_NETWORKING_VERSIONS = ["v2"] as const;

/** Send matching requests to destinations, optionally rewriting path and host (two protobuf oneofs). */
export const forwardToActionSchema = z
  .looseObject({
    destinations: z.array(destinationReferenceSchema).optional(),
    pathRewrite: z.string().optional(),
    regexRewrite: z.looseObject({ pattern: z.looseObject({ regex: z.string() }).optional(), substitution: z.string().optional() }).optional(),
    hostRewrite: z.string().optional(),
    autoHostRewrite: z.boolean().optional(),
  })
  .superRefine(onlyOneOf(["pathRewrite", "regexRewrite"]))
  .superRefine(onlyOneOf(["hostRewrite", "autoHostRewrite"]))
  .superRefine((action, ctx) => checkRouteDestinations(action.destinations ?? [], ctx, ["destinations"]));
export type ForwardToAction = z.infer<typeof forwardToActionSchema>;

/** Hand matching requests to other route tables (selected from own and imported workspaces). */
export const delegateActionSchema = z.looseObject({
  routeTables: z.array(objectSelectorSchema).optional(),
  allowedRoutes: z.array(z.looseObject({})).optional(),
  sortMethod: z.enum(["TABLE_WEIGHT", "ROUTE_SPECIFICITY"]).optional(),
});
export type DelegateAction = z.infer<typeof delegateActionSchema>;

/** Answer with a redirect; the response code enum defaults to MOVED_PERMANENTLY (301). */
export const redirectActionSchema = z.looseObject({
  hostRedirect: z.string().optional(),
  pathRedirect: z.string().optional(),
  responseCode: z.enum(["MOVED_PERMANENTLY", "FOUND", "SEE_OTHER", "TEMPORARY_REDIRECT", "PERMANENT_REDIRECT"]).optional(),
});
export type RedirectAction = z.infer<typeof redirectActionSchema>;

/** Answer directly. The CRD bounds `status` to 100–599 (the proto comment says 200–599). */
export const directResponseActionSchema = z.looseObject({
  status: intInRange(100, 599),
  body: z.string().max(1_048_576, { message: "must be at most 1MB" }).optional(),
});
export type DirectResponseAction = z.infer<typeof directResponseActionSchema>;

/** The route actions, exactly one of which a route sets. */
export const httpRouteActions = ["forwardTo", "delegate", "redirect", "directResponse", "graphql"] as const;

/** One HTTP route: name, labels for policy selection, matchers (none = match all), and exactly one action. */
export const httpRouteSchema = z
  .looseObject({
    name: z.string().optional(),
    labels: labelsSchema.optional(),
    matchers: z.array(httpRequestMatcherSchema).optional(),
    forwardTo: forwardToActionSchema.optional(),
    delegate: delegateActionSchema.optional(),
    redirect: redirectActionSchema.optional(),
    directResponse: directResponseActionSchema.optional(),
    graphql: z.looseObject({}).optional(),
  })
  .superRefine(onlyOneOf(httpRouteActions, { required: true }));
export type HttpRoute = z.infer<typeof httpRouteSchema>;

/** TCP forwarding needs at least one destination (CEL: 1–100). */
const tcpForwardToSchema = forwardToActionSchema.superRefine((action, ctx) => {
  const n = action.destinations?.length ?? 0;
  if (n < 1 || n > 100) addIssue(ctx, ["destinations"], "must list between 1 and 100 destinations");
});

/** One TCP route (internal traffic only): port matchers and a required forwardTo. */
export const tcpRouteSchema = z.looseObject({
  matchers: z.array(tcpRequestMatcherSchema).optional(),
  forwardTo: tcpForwardToSchema,
});
export type TcpRoute = z.infer<typeof tcpRouteSchema>;

/** One TLS (SNI passthrough) route: SNI matchers and a required forwardTo with at least one destination. */
export const tlsRouteSchema = z.looseObject({
  matchers: z.array(tlsRequestMatcherSchema).optional(),
  forwardTo: z
    .looseObject({ destinations: z.array(destinationReferenceSchema).min(1, { message: "must list at least one destination" }) })
    .superRefine((action, ctx) => checkRouteDestinations(action.destinations, ctx, ["destinations"])),
});
export type TlsRoute = z.infer<typeof tlsRouteSchema>;

const hasItems = (v: readonly unknown[] | undefined): boolean => (v ?? []).length > 0;

/**
 * The RouteTable CEL rules of 2.6 (route_table.proto): delegated tables (no hosts) set no virtualGateways,
 * applyToDestinations or failureMode; at least one of http/tcp/tls; defaultDestination only beside an http
 * forwardTo and required when a forwardTo lists `destinations: []`; workload selectors are KUBE and
 * label-only. (The CEL "applyToDestinations kind must be KUBE" compares against a value DestinationKind
 * does not have, so it is left to the validation layer.)
 */
function checkRouteTableSpec(spec: RouteTableSpec, ctx: IssueSink): void {
  // CEL tests `has(self.hosts)`: a table is delegated only when hosts is absent; the other fields count when non-empty.
  const delegated = !isSet(spec.hosts);
  if (delegated) {
    if (hasItems(spec.virtualGateways)) addIssue(ctx, ["virtualGateways"], "must be empty for a delegated route table (one without hosts)");
    if (hasItems(spec.applyToDestinations)) addIssue(ctx, ["applyToDestinations"], "must be empty for a delegated route table (one without hosts)");
    if (isSet(spec.failureMode)) addIssue(ctx, ["failureMode"], "must be unset for a delegated route table (one without hosts)");
  }
  if (!isSet(spec.http) && !isSet(spec.tcp) && !isSet(spec.tls)) addIssue(ctx, [], "must set at least one of http, tcp or tls");
  const http = spec.http ?? [];
  if (isSet(spec.defaultDestination) && !http.some((r) => isSet(r.forwardTo))) {
    addIssue(ctx, ["defaultDestination"], "must only be set when an http route has a forwardTo action");
  }
  const emptyForward = http.findIndex((r) => r.forwardTo?.destinations !== undefined && r.forwardTo.destinations.length === 0);
  if (emptyForward >= 0 && !isSet(spec.defaultDestination)) {
    addIssue(ctx, ["http", emptyForward, "forwardTo", "destinations"], "must list destinations unless the route table sets defaultDestination");
  }
  if (spec.defaultDestination) checkRouteDestinations([spec.defaultDestination], ctx, ["defaultDestination"]);
  (spec.workloadSelectors ?? []).forEach((w, i) => {
    if (isSet(w.kind) && w.kind !== "KUBE") addIssue(ctx, ["workloadSelectors", i, "kind"], "must be KUBE or unset");
    const s = w.selector;
    if (s && (isSet(s.name) || isSet(s.namespace) || isSet(s.cluster) || isSet(s.workspace))) {
      addIssue(ctx, ["workloadSelectors", i, "selector"], "must select workloads by labels only (name, namespace, cluster and workspace must be empty)");
    }
  });
}

const routeTableSpecShape = z.looseObject({
  hosts: z.array(z.string()).optional(),
  virtualGateways: z.array(objectReferenceSchema).optional(),
  workloadSelectors: z.array(workloadSelectorSchema).optional(),
  applyToDestinations: z.array(destinationSelectorSchema).optional(),
  defaultDestination: destinationReferenceSchema.optional(),
  http: z.array(httpRouteSchema).optional(),
  tcp: z.array(tcpRouteSchema).optional(),
  tls: z.array(tlsRouteSchema).optional(),
  weight: z.number().int({ message: "must be a whole number" }).optional(),
  portalMetadata: z.looseObject({}).optional(),
  failureMode: z.enum(["ROUTE_REPLACEMENT", "FREEZE_CONFIG"]).optional(),
  virtualServiceAnnotations: stringMapSchema.optional(),
});
/** RouteTable spec. A table with hosts is a root table; one without is a delegated child. */
export type RouteTableSpec = z.infer<typeof routeTableSpecShape>;
export const routeTableSpecSchema = routeTableSpecShape.superRefine((spec, ctx) => checkRouteTableSpec(spec, ctx));

export const routeTableKind = defineKind({
  group: GLOO_NETWORKING_GROUP,
  versions: GLOO_NETWORKING_VERSIONS,
  kind: "RouteTable",
  plural: "routetables",
  namespaced: true,
  schema: kubeObjectSchema(GLOO_NETWORKING_GROUP, GLOO_NETWORKING_VERSIONS, "RouteTable", {
    spec: routeTableSpecSchema,
    status: glooStatusSchema({
      numAppliedRoutePolicies: countMapSchema.optional(),
      numParentRouteTables: intLikeSchema.optional(),
      numAllowedVirtualGateways: intLikeSchema.optional(),
    }).optional(),
  }),
});
/** Routing rules for hosts, on gateways (north-south) or sidecars (east-west). */
export type RouteTable = KindOf<typeof routeTableKind>;
