import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, caseInsensitiveEnum, isSet, onlyOneOf, portNumberSchema, type IssueSink } from "./fields";
import { backendRefSchema, gatewayConditionSchema, gatewayDurationSchema, parentReferenceSchema } from "./gateway-api-common";
import { directResponseSpecSchema, gatewayParametersSpecSchema } from "./gloo-gateway";

/**
 * kgateway 2.x / Gloo Gateway 2 extensions (`gateway.kgateway.dev/v1alpha1`): TrafficPolicy, HTTPListenerPolicy,
 * ListenerPolicy, BackendConfigPolicy, Backend (named Upstream before Feb 2025), GatewayParameters,
 * GatewayExtension, DirectResponse. Reference: gateway-api-and-gloo-gateway.md §6.
 */
export const KGATEWAY_GROUP = "gateway.kgateway.dev";
const VERSIONS = ["v1alpha1"] as const;

/** A policy target in the policy's namespace: group, kind, name and an optional sectionName (listener or rule). */
export const localPolicyTargetRefSchema = z.looseObject({
  group: z.string(),
  kind: z.string().min(1, { message: "must name a kind" }),
  name: z.string().min(1, { message: "must be a non-empty name" }),
  sectionName: z.string().optional(),
});
/** The parsed shape of `localPolicyTargetRefSchema`. */
export type LocalPolicyTargetRef = z.infer<typeof localPolicyTargetRefSchema>;

/** A policy target by labels: every object of group/kind in the policy's namespace whose labels match. */
export const localPolicyTargetSelectorSchema = z.looseObject({
  group: z.string(),
  kind: z.string().min(1, { message: "must name a kind" }),
  matchLabels: labelsSchema,
});
/** The parsed shape of `localPolicyTargetSelectorSchema`. */
export type LocalPolicyTargetSelector = z.infer<typeof localPolicyTargetSelectorSchema>;

/** Policy status (`api/v1alpha1/shared/policy_types.go`): one entry per (ancestor, controller). */
export const policyStatusSchema = z.looseObject({
  ancestors: z
    .array(z.looseObject({ ancestorRef: parentReferenceSchema, controllerName: z.string(), conditions: z.array(gatewayConditionSchema).optional() }))
    .max(16, { message: "must have at most 16 ancestors" })
    .optional(),
});

const targetsShape = {
  targetRefs: z.array(localPolicyTargetRefSchema).max(16, { message: "must have at most 16 targetRefs" }).optional(),
  targetSelectors: z.array(localPolicyTargetSelectorSchema).optional(),
};

function policyKind<S extends z.ZodType>(kind: string, plural: string, spec: S) {
  return defineKind({
    group: KGATEWAY_GROUP, versions: VERSIONS, kind, plural, namespaced: true,
    schema: kubeObjectSchema(KGATEWAY_GROUP, VERSIONS, kind, { spec, status: policyStatusSchema.optional() }),
  });
}

/** kgateway CEL: `retry` on a Gateway target needs a sectionName; `autoHostRewrite` only on HTTPRoute targets. */
function checkTrafficPolicy(spec: TrafficPolicySpec, ctx: IssueSink): void {
  (spec.targetRefs ?? []).forEach((t, i) => {
    if (isSet(spec.retry) && t.kind === "Gateway" && !isSet(t.sectionName)) addIssue(ctx, ["targetRefs", i, "sectionName"], "must be set when retry targets a Gateway");
    if (isSet(spec.autoHostRewrite) && t.kind !== "HTTPRoute") addIssue(ctx, ["autoHostRewrite"], "must only be set when every target is an HTTPRoute");
  });
}

const trafficPolicyShape = z.looseObject({
  ...targetsShape,
  transformation: z.looseObject({}).optional(),
  extProc: z.looseObject({ extensionRef: z.looseObject({ name: z.string() }).optional() }).optional(),
  extAuth: z.looseObject({ extensionRef: z.looseObject({ name: z.string() }).optional(), enablement: z.string().optional() }).optional(),
  rateLimit: z
    .looseObject({
      local: z.looseObject({ tokenBucket: z.looseObject({ maxTokens: z.number().int().optional(), fillInterval: gatewayDurationSchema.optional() }).optional() }).optional(),
      global: z.looseObject({ descriptors: z.array(z.looseObject({})).optional(), extensionRef: z.looseObject({ name: z.string() }).optional() }).optional(),
    })
    .optional(),
  cors: z.looseObject({}).optional(),
  csrf: z.looseObject({}).optional(),
  headerModifiers: z.looseObject({}).optional(),
  autoHostRewrite: z.boolean().optional(),
  buffer: z.looseObject({}).optional(),
  timeouts: z.looseObject({ request: gatewayDurationSchema.optional(), streamIdle: gatewayDurationSchema.optional() }).optional(),
  retry: z.looseObject({ attempts: z.number().int().optional(), perTryTimeout: gatewayDurationSchema.optional() }).optional(),
  rbac: z.looseObject({}).optional(),
  ai: z.looseObject({}).optional(),
});
/** TrafficPolicy spec: targets plus route-level features; every top-level feature merges on its own. */
export type TrafficPolicySpec = z.infer<typeof trafficPolicyShape>;
/** Schema of trafficPolicySpec; rejections name the field and say what must hold. */
export const trafficPolicySpecSchema = trafficPolicyShape.superRefine((spec, ctx) => checkTrafficPolicy(spec, ctx));

/** The kind definition (group, versions, schema) registered for TrafficPolicy. */
export const trafficPolicyKind = policyKind("TrafficPolicy", "trafficpolicies", trafficPolicySpecSchema);
/** kgateway route / listener traffic features (auth, rate limit, CORS, timeouts …). */
export type TrafficPolicy = KindOf<typeof trafficPolicyKind>;

/** Schema of httpListenerPolicySpec; rejections name the field and say what must hold. */
export const httpListenerPolicySpecSchema = z.looseObject({
  ...targetsShape,
  accessLog: z.array(z.looseObject({})).optional(),
  upgradeConfig: z.looseObject({}).optional(),
  useRemoteAddress: z.boolean().optional(),
  xffNumTrustedHops: z.number().int().optional(),
  serverHeaderTransformation: z.string().optional(),
  streamIdleTimeout: gatewayDurationSchema.optional(),
  healthCheck: z.looseObject({}).optional(),
});
/** The kind definition (group, versions, schema) registered for HTTPListenerPolicy. */
export const httpListenerPolicyKind = policyKind("HTTPListenerPolicy", "httplistenerpolicies", httpListenerPolicySpecSchema);
/** kgateway HTTP connection-manager settings for a Gateway's listeners. */
export type HTTPListenerPolicy = KindOf<typeof httpListenerPolicyKind>;

/** Schema of listenerPolicySpec; rejections name the field and say what must hold. */
export const listenerPolicySpecSchema = z.looseObject({ ...targetsShape, perConnectionBufferLimitBytes: z.number().int().optional(), default: z.looseObject({}).optional() });
/** The kind definition (group, versions, schema) registered for ListenerPolicy. */
export const listenerPolicyKind = policyKind("ListenerPolicy", "listenerpolicies", listenerPolicySpecSchema);
/** kgateway listener settings (buffer limits, proxy protocol …). */
export type ListenerPolicy = KindOf<typeof listenerPolicyKind>;

/** Schema of backendConfigPolicySpec; rejections name the field and say what must hold. */
export const backendConfigPolicySpecSchema = z.looseObject({
  ...targetsShape,
  connectTimeout: gatewayDurationSchema.optional(),
  perConnectionBufferLimitBytes: z.number().int().optional(),
  tcpKeepalive: z.looseObject({}).optional(),
  commonHttpProtocolOptions: z.looseObject({}).optional(),
  http1ProtocolOptions: z.looseObject({}).optional(),
  http2ProtocolOptions: z.looseObject({}).optional(),
  tls: z.looseObject({}).optional(),
  loadBalancer: z.looseObject({}).optional(),
  healthCheck: z.looseObject({}).optional(),
});
/** The kind definition (group, versions, schema) registered for BackendConfigPolicy. */
export const backendConfigPolicyKind = policyKind("BackendConfigPolicy", "backendconfigpolicies", backendConfigPolicySpecSchema);
/** kgateway connection settings for Services and Backends. */
export type BackendConfigPolicy = KindOf<typeof backendConfigPolicyKind>;

/** Backend types and the field that carries each one's configuration. */
const BACKEND_FIELDS = { Static: "static", AWS: "aws", AI: "ai", DynamicForwardProxy: "dynamicForwardProxy", GCP: "gcp", MCP: "mcp" } as const;

const lambdaSchema = z.looseObject({
  functionName: z.string().regex(/^[A-Za-z0-9_-]{1,140}$/, { message: "must be 1–140 letters, digits, - or _" }),
  qualifier: z.string().optional(),
  invocationMode: z.enum(["Sync", "Async"]).optional(),
  endpointURL: z.string().optional(),
});

/** Schema of backendSpec; rejections name the field and say what must hold. */
export const backendSpecSchema = z
  .looseObject({
    type: caseInsensitiveEnum(Object.keys(BACKEND_FIELDS)).optional(),
    static: z.looseObject({ hosts: z.array(z.looseObject({ host: z.string().min(1, { message: "must be a host name or address" }), port: portNumberSchema })).min(1, { message: "must list at least one host" }) }).optional(),
    aws: z
      .looseObject({
        accountId: z.string().regex(/^[0-9]{12}$/, { message: "must be a 12-digit AWS account id" }),
        region: z.string().optional(),
        auth: z.looseObject({ type: z.string().optional(), secretRef: z.looseObject({ name: z.string() }).optional() }).optional(),
        lambda: lambdaSchema,
      })
      .optional(),
    ai: z.looseObject({}).optional(),
    dynamicForwardProxy: z.looseObject({}).optional(),
    gcp: z.looseObject({}).optional(),
    mcp: z.looseObject({}).optional(),
  })
  .superRefine(onlyOneOf(Object.values(BACKEND_FIELDS), { required: true }))
  .superRefine((spec, ctx) => {
    const entry = Object.entries(BACKEND_FIELDS).find(([type]) => type.toLowerCase() === spec.type?.toLowerCase());
    if (entry && !isSet((spec as Record<string, unknown>)[entry[1]])) addIssue(ctx, [entry[1]], `must be set when type is ${spec.type ?? ""}`);
  });
/** The parsed shape of `backendSpecSchema`. */
export type BackendSpec = z.infer<typeof backendSpecSchema>;

/** The kind definition (group, versions, schema) registered for Backend. */
export const backendKind = defineKind({
  group: KGATEWAY_GROUP, versions: VERSIONS, kind: "Backend", plural: "backends", namespaced: true,
  schema: kubeObjectSchema(KGATEWAY_GROUP, VERSIONS, "Backend", { spec: backendSpecSchema, status: z.looseObject({ conditions: z.array(gatewayConditionSchema).optional() }).optional() }),
});
/** A non-Service backend: static hosts, one AWS Lambda function, an AI provider … */
export type Backend = KindOf<typeof backendKind>;

/** The kind definition (group, versions, schema) registered for GatewayParameters (gateway.kgateway.dev). */
export const kgatewayParametersKind = defineKind({
  group: KGATEWAY_GROUP, versions: VERSIONS, kind: "GatewayParameters", plural: "gatewayparameters", namespaced: true,
  schema: kubeObjectSchema(KGATEWAY_GROUP, VERSIONS, "GatewayParameters", { spec: gatewayParametersSpecSchema, status: z.looseObject({}).optional() }),
});
/** How kgateway provisions a Gateway's proxy (seed: Istio integration settings). */
export type KgatewayParameters = KindOf<typeof kgatewayParametersKind>;

const grpcServiceSchema = z.looseObject({ backendRef: backendRefSchema, authority: z.string().optional() });

/** Schema of gatewayExtensionSpec; rejections name the field and say what must hold. */
export const gatewayExtensionSpecSchema = z
  .looseObject({
    type: z.enum(["ExtAuth", "ExtProc", "RateLimit"]),
    extAuth: z.looseObject({ grpcService: grpcServiceSchema }).optional(),
    extProc: z.looseObject({ grpcService: grpcServiceSchema }).optional(),
    rateLimit: z.looseObject({ grpcService: grpcServiceSchema, domain: z.string().optional(), timeout: gatewayDurationSchema.optional() }).optional(),
  })
  .superRefine((spec, ctx) => {
    const field = spec.type === "ExtAuth" ? "extAuth" : spec.type === "ExtProc" ? "extProc" : "rateLimit";
    if (!isSet(spec[field])) addIssue(ctx, [field], `must be set when type is ${spec.type}`);
    for (const other of ["extAuth", "extProc", "rateLimit"] as const) {
      if (other !== field && isSet(spec[other])) addIssue(ctx, [other], `must not be set when type is ${spec.type}`);
    }
  });

/** The kind definition (group, versions, schema) registered for GatewayExtension. */
export const gatewayExtensionKind = defineKind({
  group: KGATEWAY_GROUP, versions: VERSIONS, kind: "GatewayExtension", plural: "gatewayextensions", namespaced: true,
  schema: kubeObjectSchema(KGATEWAY_GROUP, VERSIONS, "GatewayExtension", { spec: gatewayExtensionSpecSchema, status: z.looseObject({}).optional() }),
});
/** An external ext-auth / ext-proc / rate-limit service referenced by TrafficPolicies. */
export type GatewayExtension = KindOf<typeof gatewayExtensionKind>;

/** The kind definition (group, versions, schema) registered for DirectResponse (gateway.kgateway.dev). */
export const kgatewayDirectResponseKind = defineKind({
  group: KGATEWAY_GROUP, versions: VERSIONS, kind: "DirectResponse", plural: "directresponses", namespaced: true,
  schema: kubeObjectSchema(KGATEWAY_GROUP, VERSIONS, "DirectResponse", { spec: directResponseSpecSchema, status: z.looseObject({}).optional() }),
});
/** A fixed reply used from an HTTPRoute rule by ExtensionRef (kgateway). */
export type KgatewayDirectResponse = KindOf<typeof kgatewayDirectResponseKind>;

/** The kgateway kinds Meshpane models. */
export const kinds: readonly KindDef[] = [
  trafficPolicyKind, httpListenerPolicyKind, listenerPolicyKind, backendConfigPolicyKind, backendKind, kgatewayParametersKind, gatewayExtensionKind, kgatewayDirectResponseKind,
];
