import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindDef, type KindOf } from "./meta";
import { durationSchema, intInRange, intLikeSchema, onlyOneOf, percentSchema, portNumberSchema, stringMapSchema, uintSchema } from "./fields";
import { stringMatchSchema } from "./gloo-common";

/**
 * Gloo Mesh v1 `networking.mesh.gloo.solo.io/v1`: VirtualMesh, TrafficPolicy, AccessPolicy, with the
 * v1 common selectors (`common.mesh.gloo.solo.io`). Reference: gloo-api-and-translation.md §2.1 (mid-2021
 * code) and the newer 2022 fork it flags; fields from both are accepted (drift noted per field).
 */
const GROUP = "networking.mesh.gloo.solo.io";
const VERSIONS = ["v1"] as const;

/** A `{name, namespace}` reference (skv2 ObjectRef). */
export const v1ObjectRefSchema = z.looseObject({ name: z.string().min(1, { message: "must be a non-empty name" }), namespace: z.string().optional() });
export type V1ObjectRef = z.infer<typeof v1ObjectRefSchema>;

/** A `{name, namespace, clusterName}` reference (skv2 ClusterObjectRef). */
export const v1ClusterObjectRefSchema = z.looseObject({ name: z.string().optional(), namespace: z.string().optional(), clusterName: z.string().optional() });
export type V1ClusterObjectRef = z.infer<typeof v1ClusterObjectRefSchema>;

const scopeShape = { labels: labelsSchema.optional(), namespaces: z.array(z.string()).optional(), clusters: z.array(z.string()).optional() };

/** Destinations by matcher (labels AND namespace in list AND cluster in list) or by exact refs; matcher OR refs. */
export const v1DestinationSelectorSchema = z.looseObject({
  kubeServiceMatcher: z.looseObject(scopeShape).optional(),
  kubeServiceRefs: z.looseObject({ services: z.array(v1ClusterObjectRefSchema).optional() }).optional(),
});
export type V1DestinationSelector = z.infer<typeof v1DestinationSelectorSchema>;

/** Workloads by pod labels and the namespace/cluster of their controller. */
export const v1WorkloadSelectorSchema = z.looseObject({ kubeWorkloadMatcher: z.looseObject(scopeShape).optional() });
export type V1WorkloadSelector = z.infer<typeof v1WorkloadSelectorSchema>;

/** Client identities: namespaces/clusters, service account refs, or (newer) JWT request principals. */
export const v1IdentitySelectorSchema = z.looseObject({
  kubeIdentityMatcher: z.looseObject({ namespaces: z.array(z.string()).optional(), clusters: z.array(z.string()).optional() }).optional(),
  kubeServiceAccountRefs: z.looseObject({ serviceAccounts: z.array(v1ClusterObjectRefSchema).optional() }).optional(),
  requestIdentityMatcher: z
    .looseObject({ requestPrincipals: z.array(z.string()).optional(), notRequestPrincipals: z.array(z.string()).optional() })
    .optional(),
});
export type V1IdentitySelector = z.infer<typeof v1IdentitySelectorSchema>;

/** v1 string match: the same oneof as v2. The v1 translator maps exact/prefix/regex only; suffix and ignoreCase are ignored. */
export const v1StringMatchSchema = stringMatchSchema;
export type V1StringMatch = z.infer<typeof v1StringMatchSchema>;

/**
 * An HTTP request matcher. Two shapes are accepted: `uri` (StringMatch) and the deprecated matcher-level
 * `prefix | exact | regex` oneof that the newer fork still accepts (API drift).
 */
export const v1HttpMatcherSchema = z
  .looseObject({
    name: z.string().optional(),
    uri: v1StringMatchSchema.optional(),
    prefix: z.string().optional(),
    exact: z.string().optional(),
    regex: z.string().optional(),
    headers: z
      .array(z.looseObject({ name: z.string(), value: z.string().optional(), regex: z.boolean().optional(), invertMatch: z.boolean().optional() }))
      .optional(),
    queryParameters: z.array(z.looseObject({ name: z.string(), value: z.string().optional(), regex: z.boolean().optional() })).optional(),
    method: z.string().optional(),
  })
  .superRefine(onlyOneOf(["prefix", "exact", "regex"]));
export type V1HttpMatcher = z.infer<typeof v1HttpMatcherSchema>;

/** The path condition of a matcher in either shape: `uri`, else the deprecated matcher-level field. */
export function v1MatcherUri(matcher: V1HttpMatcher): V1StringMatch | undefined {
  if (matcher.uri !== undefined) return matcher.uri;
  if (matcher.exact !== undefined) return { exact: matcher.exact };
  if (matcher.prefix !== undefined) return { prefix: matcher.prefix };
  if (matcher.regex !== undefined) return { regex: matcher.regex };
  return undefined;
}

const headerManipulationSchema = z.looseObject({
  appendRequestHeaders: stringMapSchema.optional(),
  removeRequestHeaders: z.array(z.string()).optional(),
  appendResponseHeaders: stringMapSchema.optional(),
  removeResponseHeaders: z.array(z.string()).optional(),
});

/** A traffic-shift destination: one of kubeService, virtualDestination, staticDestination, clusterHeader. */
export const v1WeightedDestinationSchema = z
  .looseObject({
    weight: uintSchema.optional(),
    kubeService: z
      .looseObject({
        name: z.string(),
        namespace: z.string().optional(),
        clusterName: z.string().optional(),
        subset: stringMapSchema.optional(),
        port: portNumberSchema.optional(),
      })
      .optional(),
    virtualDestination: z.looseObject({ name: z.string(), namespace: z.string().optional(), subset: stringMapSchema.optional() }).optional(),
    staticDestination: v1ObjectRefSchema.optional(),
    clusterHeader: z.string().optional(),
    options: z.looseObject({ headerManipulation: headerManipulationSchema.optional() }).optional(),
  })
  .superRefine(onlyOneOf(["kubeService", "virtualDestination", "staticDestination", "clusterHeader"]));
export type V1WeightedDestination = z.infer<typeof v1WeightedDestinationSchema>;

/** `TrafficPolicy.spec.policy`: the L7 settings applied to the selected edges. */
export const v1TrafficPolicySettingsSchema = z.looseObject({
  trafficShift: z.looseObject({ destinations: z.array(v1WeightedDestinationSchema).optional() }).optional(),
  faultInjection: z
    .looseObject({
      fixedDelay: durationSchema.optional(),
      abort: z.looseObject({ httpStatus: z.number().int({ message: "must be a whole HTTP status" }) }).optional(),
      percentage: percentSchema.optional(),
    })
    .superRefine(onlyOneOf(["fixedDelay", "abort"]))
    .optional(),
  requestTimeout: durationSchema.optional(),
  retries: z.looseObject({ attempts: z.number().int({ message: "must be a whole number" }).optional(), perTryTimeout: durationSchema.optional() }).optional(),
  corsPolicy: z
    .looseObject({
      allowOrigins: z.array(v1StringMatchSchema).optional(),
      allowMethods: z.array(z.string()).optional(),
      allowHeaders: z.array(z.string()).optional(),
      exposeHeaders: z.array(z.string()).optional(),
      maxAge: durationSchema.optional(),
      allowCredentials: z.boolean().optional(),
    })
    .optional(),
  mirror: z
    .looseObject({ kubeService: v1ClusterObjectRefSchema.optional(), percentage: percentSchema.optional(), port: portNumberSchema.optional() })
    .optional(),
  headerManipulation: headerManipulationSchema.optional(),
  outlierDetection: z
    .looseObject({
      consecutiveErrors: uintSchema.optional(),
      interval: durationSchema.optional(),
      baseEjectionTime: durationSchema.optional(),
      maxEjectionPercent: intInRange(0, 100).optional(),
    })
    .optional(),
  mtls: z.looseObject({ istio: z.looseObject({ tlsMode: z.enum(["DISABLE", "SIMPLE", "ISTIO_MUTUAL"]).optional() }).optional() }).optional(),
  csrf: z.looseObject({}).optional(),
  rateLimit: z.looseObject({}).optional(),
  extauth: z.looseObject({}).optional(),
});
export type V1TrafficPolicySettings = z.infer<typeof v1TrafficPolicySettingsSchema>;

/** TrafficPolicy spec; `routeSelector` (gateway routes) is the newer fork's addition. */
export const v1TrafficPolicySpecSchema = z.looseObject({
  sourceSelector: z.array(v1WorkloadSelectorSchema).optional(),
  destinationSelector: z.array(v1DestinationSelectorSchema).optional(),
  httpRequestMatchers: z.array(v1HttpMatcherSchema).optional(),
  routeSelector: z.array(z.looseObject({})).optional(),
  policy: v1TrafficPolicySettingsSchema.optional(),
});
export type V1TrafficPolicySpec = z.infer<typeof v1TrafficPolicySpecSchema>;

/** v1 policy status: overall state, per-destination approval (keyed `<name>.<ns>.`), workloads, errors. */
const v1PolicyStatusSchema = z.looseObject({
  observedGeneration: intLikeSchema.optional(),
  state: z.string().optional(),
  destinations: z.record(z.string(), z.looseObject({ acceptanceOrder: z.number().optional(), state: z.string().optional(), errors: z.array(z.string()).optional() })).optional(),
  workloads: z.array(z.string()).optional(),
  errors: z.array(z.string()).optional(),
});

export const v1TrafficPolicyKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "TrafficPolicy",
  plural: "trafficpolicies",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "TrafficPolicy", { spec: v1TrafficPolicySpecSchema.optional(), status: v1PolicyStatusSchema.optional() }),
});
/** v1 L7 routing and post-routing settings on selected workload → destination edges. */
export type V1TrafficPolicy = KindOf<typeof v1TrafficPolicyKind>;

/** v1 AccessPolicy spec: identities allowed to reach destinations, optionally restricted by path/method/port. */
export const v1AccessPolicySpecSchema = z.looseObject({
  sourceSelector: z.array(v1IdentitySelectorSchema).optional(),
  destinationSelector: z.array(v1DestinationSelectorSchema).optional(),
  allowedPaths: z.array(z.string()).optional(),
  allowedMethods: z.array(z.string()).optional(),
  allowedPorts: z.array(portNumberSchema).optional(),
});
export type V1AccessPolicySpec = z.infer<typeof v1AccessPolicySpecSchema>;

export const v1AccessPolicyKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "AccessPolicy",
  plural: "accesspolicies",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "AccessPolicy", { spec: v1AccessPolicySpecSchema.optional(), status: v1PolicyStatusSchema.optional() }),
});
/** v1 access grant (needed when the VirtualMesh's globalAccessPolicy is ENABLED). */
export type V1AccessPolicy = KindOf<typeof v1AccessPolicyKind>;

const rootCaSchema = z
  .looseObject({ generated: z.looseObject({}).optional(), secret: v1ObjectRefSchema.optional() })
  .superRefine(onlyOneOf(["generated", "secret"]));

/** VirtualMesh mTLS: shared trust (root CA xor intermediate CA) or the unsupported limited trust. */
export const v1MtlsConfigSchema = z
  .looseObject({
    shared: z
      .looseObject({ rootCertificateAuthority: rootCaSchema.optional(), intermediateCertificateAuthority: z.looseObject({}).optional(), intermediateCertOptions: z.looseObject({}).optional() })
      .superRefine(onlyOneOf(["rootCertificateAuthority", "intermediateCertificateAuthority"]))
      .optional(),
    limited: z.looseObject({}).optional(),
    autoRestartPods: z.boolean().optional(),
  })
  .superRefine(onlyOneOf(["shared", "limited"]));
export type V1MtlsConfig = z.infer<typeof v1MtlsConfigSchema>;

const ingressGatewaySelectorSchema = z.looseObject({ destinationSelectors: z.array(v1DestinationSelectorSchema).optional(), portName: z.string().optional() });

/**
 * VirtualMesh federation. East-west gateway selectors are `eastWestIngressGatewaySelectors` in the 2021
 * code the reference follows and `ingressGatewaySelectors` in the 2022 fork; both are accepted. The
 * deprecated `permissive: {}` (federate everything) is accepted too.
 */
export const v1FederationSchema = z.looseObject({
  eastWestIngressGatewaySelectors: z.array(ingressGatewaySelectorSchema).optional(),
  ingressGatewaySelectors: z.array(ingressGatewaySelectorSchema).optional(),
  selectors: z.array(z.looseObject({ destinationSelectors: z.array(v1DestinationSelectorSchema).optional(), meshes: z.array(v1ObjectRefSchema).optional() })).optional(),
  permissive: z.looseObject({}).optional(),
  flatNetwork: z.boolean().optional(),
  hostnameSuffix: z.string().optional(),
  tcpKeepalive: z.looseObject({}).optional(),
});
export type V1Federation = z.infer<typeof v1FederationSchema>;

/** VirtualMesh spec: member meshes, shared trust, federation and the global access policy. */
export const v1VirtualMeshSpecSchema = z.looseObject({
  meshes: z.array(v1ObjectRefSchema).optional(),
  mtlsConfig: v1MtlsConfigSchema.optional(),
  federation: v1FederationSchema.optional(),
  globalAccessPolicy: z.enum(["MESH_DEFAULT", "ENABLED", "DISABLED"]).optional(),
});
export type V1VirtualMeshSpec = z.infer<typeof v1VirtualMeshSpecSchema>;

export const v1VirtualMeshKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "VirtualMesh",
  plural: "virtualmeshes",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "VirtualMesh", {
    spec: v1VirtualMeshSpecSchema.optional(),
    status: v1PolicyStatusSchema.extend({ meshes: z.record(z.string(), z.unknown()).optional() }).optional(),
  }),
});
/** A group of meshes with shared trust and federation. */
export type V1VirtualMesh = KindOf<typeof v1VirtualMeshKind>;

/** The kinds of `networking.mesh.gloo.solo.io/v1` Meshpane models. */
export const kinds: readonly KindDef[] = [v1VirtualMeshKind, v1TrafficPolicyKind, v1AccessPolicyKind];
