import { z } from "zod";
import { type KindOf } from "./meta";
import { durationSchema, intInRange, onlyOneOf, percentSchema, portNumberSchema, stringMapSchema, uintSchema } from "./fields";
import { istioMatchLabelsSelectorSchema, istioNetworkingKind, istioPortSelectorSchema, istioStringMatchSchema } from "./istio-networking";

/**
 * Istio `networking.istio.io` kinds Meshpane emits, part 2: VirtualService and DestinationRule (the outputs of
 * RouteTables, route policies and destination policies). Reference: gloo-api-details.md §4.12. Route weights
 * and similar cross-field semantics are left to the validation layer and to Istio's own CRD schemas.
 */

/** A route destination: host (short name or FQDN), subset, port. */
export const istioDestinationSchema = z.looseObject({
  host: z.string().min(1, { message: "must be a non-empty host" }),
  subset: z.string().optional(),
  port: istioPortSelectorSchema.optional(),
});
export type IstioDestination = z.infer<typeof istioDestinationSchema>;

const headerOpsSchema = z.looseObject({ set: stringMapSchema.optional(), add: stringMapSchema.optional(), remove: z.array(z.string()).optional() });
/** Request/response header operations. */
export const istioHeadersSchema = z.looseObject({ request: headerOpsSchema.optional(), response: headerOpsSchema.optional() });

const percentageSchema = z.looseObject({ value: percentSchema.optional() });

/** One HTTP match request; conditions are ANDed. */
export const httpMatchRequestSchema = z.looseObject({
  name: z.string().optional(),
  uri: istioStringMatchSchema.optional(),
  scheme: istioStringMatchSchema.optional(),
  method: istioStringMatchSchema.optional(),
  authority: istioStringMatchSchema.optional(),
  headers: z.record(z.string(), istioStringMatchSchema).optional(),
  port: portNumberSchema.optional(),
  sourceLabels: stringMapSchema.optional(),
  gateways: z.array(z.string()).optional(),
  queryParams: z.record(z.string(), istioStringMatchSchema).optional(),
  ignoreUriCase: z.boolean().optional(),
  withoutHeaders: z.record(z.string(), istioStringMatchSchema).optional(),
  sourceNamespace: z.string().optional(),
  statPrefix: z.string().optional(),
});
export type HttpMatchRequest = z.infer<typeof httpMatchRequestSchema>;

/** Fault injection: a delay (fixed or exponential) and/or an abort (HTTP, gRPC or HTTP/2 error). */
export const httpFaultSchema = z.looseObject({
  delay: z
    .looseObject({ fixedDelay: durationSchema.optional(), exponentialDelay: durationSchema.optional(), percentage: percentageSchema.optional(), percent: z.number().optional() })
    .superRefine(onlyOneOf(["fixedDelay", "exponentialDelay"]))
    .optional(),
  abort: z
    .looseObject({ httpStatus: intInRange(100, 599).optional(), grpcStatus: z.string().optional(), http2Error: z.string().optional(), percentage: percentageSchema.optional() })
    .superRefine(onlyOneOf(["httpStatus", "grpcStatus", "http2Error"]))
    .optional(),
});

/** An HTTP route: matches, then exactly one of route, redirect, directResponse or delegate, plus decorations. */
export const istioHttpRouteSchema = z
  .looseObject({
    name: z.string().optional(),
    match: z.array(httpMatchRequestSchema).optional(),
    route: z.array(z.looseObject({ destination: istioDestinationSchema, weight: uintSchema.optional(), headers: istioHeadersSchema.optional() })).optional(),
    redirect: z
      .looseObject({
        uri: z.string().optional(),
        authority: z.string().optional(),
        port: portNumberSchema.optional(),
        derivePort: z.enum(["FROM_PROTOCOL_DEFAULT", "FROM_REQUEST_PORT"]).optional(),
        scheme: z.string().optional(),
        redirectCode: uintSchema.optional(),
      })
      .optional(),
    directResponse: z.looseObject({ status: intInRange(200, 599), body: z.looseObject({}).optional() }).optional(),
    delegate: z.looseObject({ name: z.string().optional(), namespace: z.string().optional() }).optional(),
    rewrite: z
      .looseObject({ uri: z.string().optional(), authority: z.string().optional(), uriRegexRewrite: z.looseObject({ match: z.string().optional(), rewrite: z.string().optional() }).optional() })
      .optional(),
    timeout: durationSchema.optional(),
    retries: z
      .looseObject({ attempts: uintSchema.optional(), perTryTimeout: durationSchema.optional(), retryOn: z.string().optional(), retryRemoteLocalities: z.boolean().optional() })
      .optional(),
    fault: httpFaultSchema.optional(),
    mirror: istioDestinationSchema.optional(),
    mirrorPercentage: percentageSchema.optional(),
    mirrors: z.array(z.looseObject({ destination: istioDestinationSchema, percentage: percentageSchema.optional() })).optional(),
    corsPolicy: z
      .looseObject({
        allowOrigins: z.array(istioStringMatchSchema).optional(),
        allowMethods: z.array(z.string()).optional(),
        allowHeaders: z.array(z.string()).optional(),
        exposeHeaders: z.array(z.string()).optional(),
        maxAge: durationSchema.optional(),
        allowCredentials: z.boolean().optional(),
      })
      .optional(),
    headers: istioHeadersSchema.optional(),
  })
  .superRefine(onlyOneOf(["route", "redirect", "directResponse", "delegate"]));
export type IstioHttpRoute = z.infer<typeof istioHttpRouteSchema>;

const l4MatchSchema = z.looseObject({ port: portNumberSchema.optional(), sniHosts: z.array(z.string()).optional(), sourceLabels: stringMapSchema.optional(), gateways: z.array(z.string()).optional() });
const routeDestinationSchema = z.looseObject({ destination: istioDestinationSchema, weight: uintSchema.optional() });

/** VirtualService spec: hosts, gateways (`mesh` = sidecars), exportTo and http/tls/tcp routes. */
export const virtualServiceSpecSchema = z.looseObject({
  hosts: z.array(z.string()).optional(),
  gateways: z.array(z.string()).optional(),
  exportTo: z.array(z.string()).optional(),
  http: z.array(istioHttpRouteSchema).optional(),
  tls: z.array(z.looseObject({ match: z.array(l4MatchSchema).min(1, { message: "must list at least one match" }), route: z.array(routeDestinationSchema).optional() })).optional(),
  tcp: z.array(z.looseObject({ match: z.array(l4MatchSchema).optional(), route: z.array(routeDestinationSchema).optional() })).optional(),
});
export type VirtualServiceSpec = z.infer<typeof virtualServiceSpecSchema>;

export const virtualServiceKind = istioNetworkingKind("VirtualService", "virtualservices", virtualServiceSpecSchema);
/** Istio routing for a set of hosts. */
export type VirtualService = KindOf<typeof virtualServiceKind>;

/** Load balancing: a simple algorithm xor consistent hashing, plus locality settings. */
export const loadBalancerSchema = z
  .looseObject({
    simple: z.enum(["UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"]).optional(),
    consistentHash: z.looseObject({}).optional(),
    localityLbSetting: z
      .looseObject({
        distribute: z.array(z.looseObject({ from: z.string().optional(), to: z.record(z.string(), z.number()).optional() })).optional(),
        failover: z.array(z.looseObject({ from: z.string().optional(), to: z.string().optional() })).optional(),
        failoverPriority: z.array(z.string()).optional(),
        enabled: z.boolean().optional(),
      })
      .optional(),
    warmupDurationSecs: durationSchema.optional(),
  })
  .superRefine(onlyOneOf(["simple", "consistentHash"]));

/** Outlier detection as Istio names it (`consecutive5xxErrors`, not Gloo's `consecutiveErrors`). */
export const istioOutlierDetectionSchema = z.looseObject({
  consecutiveErrors: uintSchema.optional(),
  consecutive5xxErrors: uintSchema.optional(),
  consecutiveGatewayErrors: uintSchema.optional(),
  consecutiveLocalOriginFailures: uintSchema.optional(),
  interval: durationSchema.optional(),
  baseEjectionTime: durationSchema.optional(),
  maxEjectionPercent: intInRange(0, 100).optional(),
  minHealthPercent: intInRange(0, 100).optional(),
  splitExternalLocalOriginErrors: z.boolean().optional(),
});

/** Client TLS settings toward the destination. */
export const clientTlsSchema = z.looseObject({
  mode: z.enum(["DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"]).optional(),
  clientCertificate: z.string().optional(),
  privateKey: z.string().optional(),
  caCertificates: z.string().optional(),
  credentialName: z.string().optional(),
  subjectAltNames: z.array(z.string()).optional(),
  sni: z.string().optional(),
  insecureSkipVerify: z.boolean().optional(),
});

const trafficPolicyShape = {
  loadBalancer: loadBalancerSchema.optional(),
  connectionPool: z
    .looseObject({
      tcp: z.looseObject({ maxConnections: uintSchema.optional(), connectTimeout: durationSchema.optional(), tcpKeepalive: z.looseObject({}).optional() }).optional(),
      http: z.looseObject({ h2UpgradePolicy: z.enum(["DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"]).optional(), idleTimeout: durationSchema.optional() }).optional(),
    })
    .optional(),
  outlierDetection: istioOutlierDetectionSchema.optional(),
  tls: clientTlsSchema.optional(),
};

/** Traffic policy for a host, subset or port. */
export const istioTrafficPolicySchema = z.looseObject({
  ...trafficPolicyShape,
  portLevelSettings: z.array(z.looseObject({ port: istioPortSelectorSchema.optional(), ...trafficPolicyShape })).optional(),
  tunnel: z.looseObject({}).optional(),
  proxyProtocol: z.looseObject({}).optional(),
});
export type IstioTrafficPolicy = z.infer<typeof istioTrafficPolicySchema>;

/** DestinationRule spec: host, traffic policy, subsets (`version-v1` naming comes from the translator). */
export const destinationRuleSpecSchema = z.looseObject({
  host: z.string().min(1, { message: "must be a non-empty host" }),
  trafficPolicy: istioTrafficPolicySchema.optional(),
  subsets: z
    .array(z.looseObject({ name: z.string().min(1, { message: "must be a non-empty subset name" }), labels: stringMapSchema.optional(), trafficPolicy: istioTrafficPolicySchema.optional() }))
    .optional(),
  exportTo: z.array(z.string()).optional(),
  workloadSelector: istioMatchLabelsSelectorSchema.optional(),
});
export type DestinationRuleSpec = z.infer<typeof destinationRuleSpecSchema>;

export const destinationRuleKind = istioNetworkingKind("DestinationRule", "destinationrules", destinationRuleSpecSchema);
/** Istio policies applied after routing (subsets, TLS, load balancing, outlier detection). */
export type DestinationRule = KindOf<typeof destinationRuleKind>;
