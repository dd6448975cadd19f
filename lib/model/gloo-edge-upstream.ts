import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindDef, type KindOf } from "./meta";
import { onlyOneOf, portNumberSchema, stringMapSchema, uintSchema } from "./fields";
import { resourceRefSchema, soloKitStatusSchema } from "./solo-kit";

/**
 * Gloo Edge `gloo.solo.io/v1`: Upstream (with function specs: REST/OpenAPI, AWS Lambda, gRPC), UpstreamGroup,
 * Proxy and Settings (the parts the function gateway needs). Gloo Gateway 1.x uses the same Upstream kind as a
 * backendRef. Reference: gateway-api-and-gloo-gateway.md §7.1, §8.4, §8.6–8.8.
 */
export const GLOO_GROUP = "gloo.solo.io";
const V1 = ["v1"] as const;

/** REST service spec: function name → request template, plus where the OpenAPI (swagger) document lives. */
export const restServiceSpecSchema = z.looseObject({
  transformations: z.record(z.string(), z.looseObject({})).optional(),
  swaggerInfo: z.looseObject({ url: z.string().optional(), inline: z.string().optional() }).superRefine(onlyOneOf(["url", "inline"])).optional(),
});

/** Deprecated gRPC service spec: services and their function (method) names. */
export const grpcServiceSpecSchema = z.looseObject({
  descriptors: z.string().optional(),
  grpcServices: z.array(z.looseObject({ packageName: z.string().optional(), serviceName: z.string().optional(), functionNames: z.array(z.string()).optional() })).optional(),
});

/** gRPC-JSON transcoder spec: a descriptor set and the fully qualified services it exposes. */
export const grpcJsonTranscoderSchema = z
  .looseObject({
    protoDescriptor: z.string().optional(),
    protoDescriptorBin: z.string().optional(),
    protoDescriptorConfigMap: z.looseObject({ configMapRef: resourceRefSchema.optional(), key: z.string().optional() }).optional(),
    services: z.array(z.string()).optional(),
  })
  .superRefine(onlyOneOf(["protoDescriptor", "protoDescriptorBin", "protoDescriptorConfigMap"]));

/** What the Upstream speaks, when it has functions: exactly one of rest, grpc, grpcJsonTranscoder, graphql. */
export const serviceSpecSchema = z
  .looseObject({ rest: restServiceSpecSchema.optional(), grpc: grpcServiceSpecSchema.optional(), grpcJsonTranscoder: grpcJsonTranscoderSchema.optional(), graphql: z.looseObject({}).optional() })
  .superRefine(onlyOneOf(["rest", "grpc", "grpcJsonTranscoder", "graphql"]));
/** The parsed shape of `serviceSpecSchema`. */
export type ServiceSpec = z.infer<typeof serviceSpecSchema>;

/** One Lambda function the Upstream exposes; routes name it by `logicalName`. */
export const lambdaFunctionSpecSchema = z.looseObject({
  logicalName: z.string().optional(),
  lambdaFunctionName: z.string().min(1, { message: "must name the Lambda function" }),
  qualifier: z.string().optional(),
});
/** The parsed shape of `lambdaFunctionSpecSchema`. */
export type LambdaFunctionSpec = z.infer<typeof lambdaFunctionSpecSchema>;

const UPSTREAM_TYPES = ["kube", "static", "aws", "azure", "consul", "gcp", "ai", "pipe", "awsEc2"] as const;

/** Upstream spec: exactly one upstream type, plus connection settings shared by all types. */
export const upstreamSpecSchema = z
  .looseObject({
    kube: z
      .looseObject({
        serviceName: z.string().min(1, { message: "must name the Service" }),
        serviceNamespace: z.string().min(1, { message: "must name the Service's namespace" }),
        servicePort: portNumberSchema,
        selector: stringMapSchema.optional(),
        serviceSpec: serviceSpecSchema.optional(),
        subsetSpec: z.looseObject({}).optional(),
      })
      .optional(),
    static: z
      .looseObject({
        hosts: z.array(z.looseObject({ addr: z.string().min(1, { message: "must be a host name or address" }), port: portNumberSchema, sniAddr: z.string().optional() })).min(1, { message: "must list at least one host" }),
        useTls: z.boolean().optional(),
        serviceSpec: serviceSpecSchema.optional(),
      })
      .optional(),
    aws: z
      .looseObject({
        region: z.string().min(1, { message: "must name an AWS region" }),
        secretRef: resourceRefSchema.optional(),
        lambdaFunctions: z.array(lambdaFunctionSpecSchema).optional(),
        roleArn: z.string().optional(),
      })
      .optional(),
    azure: z.looseObject({ functionAppName: z.string().optional(), secretRef: resourceRefSchema.optional(), functions: z.array(z.looseObject({ functionName: z.string() })).optional() }).optional(),
    consul: z.looseObject({}).optional(),
    gcp: z.looseObject({}).optional(),
    ai: z.looseObject({}).optional(),
    pipe: z.looseObject({}).optional(),
    awsEc2: z.looseObject({}).optional(),
    discoveryMetadata: z.looseObject({ labels: labelsSchema.optional() }).optional(),
    useHttp2: z.boolean().optional(),
    sslConfig: z.looseObject({}).optional(),
  })
  .superRefine(onlyOneOf(UPSTREAM_TYPES, { required: true }));
/** The parsed shape of `upstreamSpecSchema`. */
export type UpstreamSpec = z.infer<typeof upstreamSpecSchema>;

/** The kind definition (group, versions, schema) registered for Upstream. */
export const upstreamKind = defineKind({
  group: GLOO_GROUP, versions: V1, kind: "Upstream", plural: "upstreams", namespaced: true,
  schema: kubeObjectSchema(GLOO_GROUP, V1, "Upstream", { spec: upstreamSpecSchema, status: soloKitStatusSchema.optional() }),
});
/** A Gloo backend: a Kubernetes Service port, static hosts, AWS Lambda functions … */
export type Upstream = KindOf<typeof upstreamKind>;

/** A routing destination: an Upstream, a Service port, or a Consul service, plus subset and function spec. */
export const glooDestinationSchema = z
  .looseObject({
    upstream: resourceRefSchema.optional(),
    kube: z.looseObject({ ref: resourceRefSchema, port: portNumberSchema }).optional(),
    consul: z.looseObject({ serviceName: z.string() }).optional(),
    subset: z.looseObject({ values: stringMapSchema.optional() }).optional(),
    destinationSpec: z
      .looseObject({
        rest: z.looseObject({ functionName: z.string().min(1, { message: "must name a function" }), parameters: z.looseObject({}).optional() }).optional(),
        aws: z
          .looseObject({
            logicalName: z.string().min(1, { message: "must name a Lambda function's logicalName" }),
            invocationStyle: z.union([z.enum(["SYNC", "ASYNC"]), z.number().int().min(0).max(1)]).optional(),
            unwrapAsApiGateway: z.boolean().optional(),
            unwrapAsAlb: z.boolean().optional(),
            wrapAsApiGateway: z.boolean().optional(),
            requestTransformation: z.boolean().optional(),
          })
          .optional(),
        grpc: z.looseObject({ package: z.string().optional(), service: z.string().optional(), function: z.string().optional() }).optional(),
        azure: z.looseObject({ functionName: z.string() }).optional(),
      })
      .superRefine(onlyOneOf(["rest", "aws", "grpc", "azure"]))
      .optional(),
  })
  .superRefine(onlyOneOf(["upstream", "kube", "consul"], { required: true }));
/** The parsed shape of `glooDestinationSchema`. */
export type GlooDestination = z.infer<typeof glooDestinationSchema>;

/** Weighted destinations (UpstreamGroup and `routeAction.multi`). */
export const weightedDestinationSchema = z.looseObject({ destination: glooDestinationSchema, weight: uintSchema.optional(), options: z.looseObject({}).optional() });
/** The parsed shape of `weightedDestinationSchema`. */
export type WeightedDestination = z.infer<typeof weightedDestinationSchema>;

/** The kind definition (group, versions, schema) registered for UpstreamGroup. */
export const upstreamGroupKind = defineKind({
  group: GLOO_GROUP, versions: V1, kind: "UpstreamGroup", plural: "upstreamgroups", namespaced: true,
  schema: kubeObjectSchema(GLOO_GROUP, V1, "UpstreamGroup", {
    spec: z.looseObject({ destinations: z.array(weightedDestinationSchema).min(1, { message: "must list at least one destination" }) }),
    status: soloKitStatusSchema.optional(),
  }),
});
/** A reusable weighted set of destinations. */
export type UpstreamGroup = KindOf<typeof upstreamGroupKind>;

/** Proxy spec: listeners as the Edge translator rendered them, or a base64 zlib-compressed copy. */
export const proxySpecSchema = z.looseObject({
  listeners: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        bindAddress: z.string().optional(),
        bindPort: portNumberSchema,
        httpListener: z.looseObject({ virtualHosts: z.array(z.looseObject({ name: z.string().optional(), domains: z.array(z.string()).optional() })).optional() }).optional(),
        aggregateListener: z.looseObject({}).optional(),
        tcpListener: z.looseObject({}).optional(),
        hybridListener: z.looseObject({}).optional(),
      }),
    )
    .optional(),
  compressedSpec: z.string().optional(),
});

/** The kind definition (group, versions, schema) registered for Proxy (gloo.solo.io). */
export const proxyKind = defineKind({
  group: GLOO_GROUP, versions: V1, kind: "Proxy", plural: "proxies", namespaced: true,
  schema: kubeObjectSchema(GLOO_GROUP, V1, "Proxy", { spec: proxySpecSchema.optional(), status: soloKitStatusSchema.optional() }),
});
/** The rendered configuration of one Envoy proxy; evidence only, Meshpane computes the table itself. */
export type Proxy = KindOf<typeof proxyKind>;

/** Function discovery modes of Gloo Settings (§8.8). */
export const fdsModes = ["BLACKLIST", "WHITELIST", "DISABLED"] as const;

/** Settings spec: the discovery and gateway switches the analysis reads. */
export const settingsSpecSchema = z.looseObject({
  discoveryNamespace: z.string().optional(),
  discovery: z
    .looseObject({
      enabled: z.boolean().optional(),
      fdsMode: z.union([z.enum(fdsModes), z.number().int().min(0).max(2)]).optional(),
      udsOptions: z.looseObject({ enabled: z.boolean().optional(), watchLabels: stringMapSchema.optional() }).optional(),
    })
    .optional(),
  gateway: z.looseObject({ persistProxySpec: z.boolean().optional(), readGatewaysFromAllNamespaces: z.boolean().optional() }).optional(),
});

/** The kind definition (group, versions, schema) registered for Settings. */
export const settingsKind = defineKind({
  group: GLOO_GROUP, versions: V1, kind: "Settings", plural: "settings", namespaced: true,
  schema: kubeObjectSchema(GLOO_GROUP, V1, "Settings", { spec: settingsSpecSchema, status: soloKitStatusSchema.optional() }),
});
/** Gloo installation settings (discovery modes, proxy persistence). */
export type Settings = KindOf<typeof settingsKind>;

/** Helper for the analysis: the Upstream type that is set (the oneof), or undefined. */
export function upstreamType(spec: UpstreamSpec): (typeof UPSTREAM_TYPES)[number] | undefined {
  return UPSTREAM_TYPES.find((t) => (spec as Record<string, unknown>)[t] !== undefined && (spec as Record<string, unknown>)[t] !== null);
}

/** The Gloo Edge `gloo.solo.io` kinds Meshpane models. */
export const kinds: readonly KindDef[] = [upstreamKind, upstreamGroupKind, proxyKind, settingsKind];
