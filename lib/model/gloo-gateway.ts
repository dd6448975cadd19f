import { z } from "zod";
import { defineKind, kubeObjectSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, intInRange, intLikeSchema, isSet, onlyOneOf } from "./fields";
import { glooRouteOptionsSchema, glooVirtualHostOptionsSchema, policyTargetRefSchema, soloKitStatusSchema } from "./solo-kit";

/**
 * Gloo Gateway 1.x extensions of the Gateway API (`solo-io/gloo` projects/gateway2), by API group:
 * `gateway.solo.io/v1` RouteOption, VirtualHostOption, ListenerOption, HttpListenerOption;
 * `gateway.gloo.solo.io/v1alpha1` GatewayParameters, DirectResponse; `enterprise.gloo.solo.io/v1` AuthConfig;
 * `ratelimit.solo.io/v1alpha1` RateLimitConfig. Reference: gateway-api-and-gloo-gateway.md §5.
 * (The Gloo Edge kinds of `gateway.solo.io` are in gloo-edge.ts.)
 */
export const GLOO_GATEWAY_GROUP = "gateway.solo.io";
/** API group of Gloo Gateway 1.x GatewayParameters and DirectResponse. */
export const GLOO_GATEWAY_PARAMS_GROUP = "gateway.gloo.solo.io";
/** API group of Gloo Enterprise AuthConfig. */
export const GLOO_AUTH_GROUP = "enterprise.gloo.solo.io";
/** API group of Gloo RateLimitConfig. */
export const GLOO_RATELIMIT_GROUP = "ratelimit.solo.io";
const V1 = ["v1"] as const;
const V1ALPHA1 = ["v1alpha1"] as const;

/**
 * RouteOption spec: `options` plus `targetRefs` (HTTPRoutes in the option's namespace). Older releases wrote a
 * single `targetRef`; both are accepted. Target kinds are checked by the analysis, not here (the CRD is open).
 */
export const routeOptionSpecSchema = z.looseObject({
  targetRefs: z.array(policyTargetRefSchema).optional(),
  targetRef: policyTargetRefSchema.optional(),
  options: glooRouteOptionsSchema.optional(),
});
/** The parsed shape of `routeOptionSpecSchema`. */
export type RouteOptionSpec = z.infer<typeof routeOptionSpecSchema>;

/**
 * The spec shape of the listener-level options: targets (Gateway with optional sectionName, or XListenerSet)
 * and an options block. Target kinds are not restricted here because the CRD does not restrict them; a
 * target the controller never looks up is a finding (GLX001), not a schema error.
 */
function listenerOptionSpec<S extends z.ZodType>(options: S) {
  return z.looseObject({ targetRefs: z.array(policyTargetRefSchema).optional(), targetRef: policyTargetRefSchema.optional(), options: options.optional() });
}

function soloKind<S extends z.ZodType>(group: string, versions: readonly string[], kind: string, plural: string, spec: S) {
  return defineKind({
    group, versions, kind, plural, namespaced: true,
    schema: kubeObjectSchema(group, versions, kind, { spec, status: soloKitStatusSchema.optional() }),
  });
}

/** The kind definition (group, versions, schema) registered for RouteOption. */
export const routeOptionKind = soloKind(GLOO_GATEWAY_GROUP, V1, "RouteOption", "routeoptions", routeOptionSpecSchema);
/** Gloo route options for HTTPRoute rules (by ExtensionRef filter or targetRefs). */
export type RouteOption = KindOf<typeof routeOptionKind>;

/** Schema of virtualHostOptionSpec; rejections name the field and say what must hold. */
export const virtualHostOptionSpecSchema = listenerOptionSpec(glooVirtualHostOptionsSchema);
/** The kind definition (group, versions, schema) registered for VirtualHostOption. */
export const virtualHostOptionKind = soloKind(GLOO_GATEWAY_GROUP, V1, "VirtualHostOption", "virtualhostoptions", virtualHostOptionSpecSchema);
/** Gloo virtual-host options for every virtual host of a Gateway's listeners. */
export type VirtualHostOption = KindOf<typeof virtualHostOptionKind>;

/** The kind definition (group, versions, schema) registered for ListenerOption. */
export const listenerOptionKind = soloKind(GLOO_GATEWAY_GROUP, V1, "ListenerOption", "listeneroptions", listenerOptionSpec(z.looseObject({})));
/** Gloo listener options (access log, buffer limits, proxy protocol …). */
export type ListenerOption = KindOf<typeof listenerOptionKind>;

/** The kind definition (group, versions, schema) registered for HttpListenerOption. */
export const httpListenerOptionKind = soloKind(GLOO_GATEWAY_GROUP, V1, "HttpListenerOption", "httplisteneroptions", listenerOptionSpec(z.looseObject({})));
/** Gloo HTTP connection-manager options for a Gateway's listeners. */
export type HttpListenerOption = KindOf<typeof httpListenerOptionKind>;

/** Istio integration of a Gloo-provisioned proxy (seed step 2). */
const istioIntegrationSchema = z.looseObject({
  istioProxyContainer: z
    .looseObject({ istioDiscoveryAddress: z.string().optional(), istioMetaMeshId: z.string().optional(), istioMetaClusterId: z.string().optional() })
    .optional(),
});

/** `spec.kube` of GatewayParameters (Gloo 1.x and kgateway share this shape). */
export const kubeProxyParametersSchema = z.looseObject({
  deployment: z.looseObject({ replicas: intLikeSchema.optional() }).optional(),
  envoyContainer: z.looseObject({}).optional(),
  sdsContainer: z.looseObject({}).optional(),
  podTemplate: z.looseObject({}).optional(),
  service: z.looseObject({ type: z.string().optional() }).optional(),
  serviceAccount: z.looseObject({}).optional(),
  istio: istioIntegrationSchema.optional(),
  stats: z.looseObject({}).optional(),
  aiExtension: z.looseObject({}).optional(),
});

/** GatewayParameters spec: a provisioned proxy (`kube`) or a self-managed one, not both. */
export const gatewayParametersSpecSchema = z
  .looseObject({ kube: kubeProxyParametersSchema.optional(), selfManaged: z.looseObject({}).optional() })
  .superRefine(onlyOneOf(["kube", "selfManaged"]));

/** The kind definition (group, versions, schema) registered for GatewayParameters (gateway.gloo.solo.io). */
export const glooGatewayParametersKind = defineKind({
  group: GLOO_GATEWAY_PARAMS_GROUP, versions: V1ALPHA1, kind: "GatewayParameters", plural: "gatewayparameters", namespaced: true,
  schema: kubeObjectSchema(GLOO_GATEWAY_PARAMS_GROUP, V1ALPHA1, "GatewayParameters", { spec: gatewayParametersSpecSchema, status: z.looseObject({}).optional() }),
});
/** How Gloo Gateway 1.x provisions a Gateway's proxy. */
export type GlooGatewayParameters = KindOf<typeof glooGatewayParametersKind>;

/** DirectResponse spec: an HTTP status (200–599) and an optional body (at most 4096 bytes). */
export const directResponseSpecSchema = z.looseObject({
  status: intInRange(200, 599),
  body: z.string().max(4096, { message: "must be at most 4096 characters" }).optional(),
});
/** The parsed shape of `directResponseSpecSchema`. */
export type DirectResponseSpec = z.infer<typeof directResponseSpecSchema>;

/** The kind definition (group, versions, schema) registered for DirectResponse (gateway.gloo.solo.io). */
export const glooDirectResponseKind = defineKind({
  group: GLOO_GATEWAY_PARAMS_GROUP, versions: V1ALPHA1, kind: "DirectResponse", plural: "directresponses", namespaced: true,
  schema: kubeObjectSchema(GLOO_GATEWAY_PARAMS_GROUP, V1ALPHA1, "DirectResponse", { spec: directResponseSpecSchema, status: z.looseObject({}).optional() }),
});
/** A fixed reply used from an HTTPRoute rule by ExtensionRef (Gloo Gateway 1.x). */
export type GlooDirectResponse = KindOf<typeof glooDirectResponseKind>;

const AUTH_CONFIG_TYPES = [
  "basicAuth", "oauth", "oauth2", "apiKeyAuth", "pluginAuth", "opaAuth", "opaServerAuth", "ldap", "ldapInternal", "jwt", "passThroughAuth", "hmacAuth", "portalAuth",
] as const;

/** One step of an ext-auth chain: exactly one auth type (plus an optional name used by booleanExpr). */
export const authConfigStepSchema = z
  .looseObject({ name: z.string().optional(), ...Object.fromEntries(AUTH_CONFIG_TYPES.map((t) => [t, z.looseObject({}).optional()])) })
  .superRefine((step, ctx) => {
    const set = AUTH_CONFIG_TYPES.filter((t) => isSet((step as Record<string, unknown>)[t]));
    if (set.length > 1) addIssue(ctx, [set[1] ?? ""], `must not be set together with ${set[0] ?? ""} (one auth type per step)`);
  });

/** Schema of authConfigSpec; rejections name the field and say what must hold. */
export const authConfigSpecSchema = z.looseObject({
  configs: z.array(authConfigStepSchema).min(1, { message: "must list at least one auth config" }),
  booleanExpr: z.string().optional(),
});

/** The kind definition (group, versions, schema) registered for AuthConfig. */
export const authConfigKind = defineKind({
  group: GLOO_AUTH_GROUP, versions: V1, kind: "AuthConfig", plural: "authconfigs", namespaced: true,
  schema: kubeObjectSchema(GLOO_AUTH_GROUP, V1, "AuthConfig", { spec: authConfigSpecSchema, status: soloKitStatusSchema.optional() }),
});
/** An ext-auth chain referenced from route / virtual-host options. */
export type AuthConfig = KindOf<typeof authConfigKind>;

/** RateLimitConfig spec: raw Envoy-style descriptors and rate-limit actions. */
export const rateLimitConfigSpecSchema = z.looseObject({
  raw: z
    .looseObject({
      descriptors: z.array(z.looseObject({ key: z.string() })).optional(),
      rateLimits: z.array(z.looseObject({ actions: z.array(z.looseObject({})).optional() })).optional(),
      setDescriptors: z.array(z.looseObject({})).optional(),
    })
    .optional(),
});

/** The kind definition (group, versions, schema) registered for RateLimitConfig. */
export const rateLimitConfigKind = defineKind({
  group: GLOO_RATELIMIT_GROUP, versions: V1ALPHA1, kind: "RateLimitConfig", plural: "ratelimitconfigs", namespaced: true,
  schema: kubeObjectSchema(GLOO_RATELIMIT_GROUP, V1ALPHA1, "RateLimitConfig", {
    spec: rateLimitConfigSpecSchema,
    status: z.looseObject({ state: z.string().optional(), message: z.string().optional(), observedGeneration: intLikeSchema.optional() }).optional(),
  }),
});
/** Rate-limit descriptors referenced from route / virtual-host options. */
export type RateLimitConfig = KindOf<typeof rateLimitConfigKind>;

/** The Gloo Gateway 1.x kinds Meshpane models. */
export const kinds: readonly KindDef[] = [
  routeOptionKind, virtualHostOptionKind, listenerOptionKind, httpListenerOptionKind, glooGatewayParametersKind, glooDirectResponseKind, authConfigKind, rateLimitConfigKind,
];
