import { z } from "zod";
import { defineKind, kubeObjectSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, glooDurationSchema, glooPercentageSchema, intInRange, intLikeSchema, isSet, stringMapSchema, uintSchema } from "./fields";
import {
  destinationSelectorSchema,
  enforcementLayersSchema,
  glooStatusSchema,
  identitySelectorSchema,
  routeDestinationSelectorSchema,
  routeSelectorSchema,
  stringMatchSchema,
  workloadSelectorSchema,
} from "./gloo-common";

/**
 * Gloo v2 policies: `security.policy.gloo.solo.io/v2` AccessPolicy and CORSPolicy,
 * `resilience.policy.gloo.solo.io/v2` RetryTimeoutPolicy, FaultInjectionPolicy, FailoverPolicy,
 * OutlierDetectionPolicy, and `trafficcontrol.policy.gloo.solo.io/v2` HeaderManipulationPolicy.
 * Every policy is `spec.applyTo*` selectors plus `spec.config`. Reference: gloo-api-and-translation.md §2.9,
 * gloo-api-details.md §1.5. Which selector kinds a policy may target (e.g. OutlierDetection only VD/ES in
 * 2.6) is version dependent and left to the validation layer.
 */
const SECURITY = "security.policy.gloo.solo.io";
const RESILIENCE = "resilience.policy.gloo.solo.io";
const TRAFFIC = "trafficcontrol.policy.gloo.solo.io";
const VERSIONS = ["v2"] as const;

/** Counters every policy status may carry (2.3+); reports with object lists are not in the CR. */
const policyStatusSchema = glooStatusSchema({
  numSelectedRoutes: intLikeSchema.optional(),
  numSelectedDestinationPorts: intLikeSchema.optional(),
  numSelectedWorkloads: intLikeSchema.optional(),
  numSelectedNamespaces: intLikeSchema.optional(),
  numAllowedServiceAccounts: intLikeSchema.optional(),
});

/** Declares one policy kind from its group, kind, plural and spec schema. */
function policyKind<K extends string, S extends z.ZodType>(group: string, kind: K, plural: string, spec: S) {
  return defineKind({
    group,
    versions: VERSIONS,
    kind,
    plural,
    namespaced: true,
    schema: kubeObjectSchema(group, VERSIONS, kind, { spec: spec.optional(), status: policyStatusSchema.optional() }),
  });
}

/** One allow rule of an AccessPolicy: clients, paths, methods, headers and IP blocks, ANDed. */
export const authorizationSchema = z.looseObject({
  allowedClients: z.array(identitySelectorSchema).optional(),
  allowedPaths: z.array(z.string()).optional(),
  allowedMethods: z.array(z.string()).optional(),
  match: z
    .looseObject({
      request: z
        .looseObject({
          headers: z.record(z.string(), z.looseObject({ values: z.array(z.string()).optional(), notValues: z.array(z.string()).optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
  allowedIpBlocks: z.array(z.string()).optional(),
  allowedRemoteIpBlocks: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});
export type Authorization = z.infer<typeof authorizationSchema>;

/**
 * AccessPolicy config. Both the 2.1 single `authz` and the newer `authzList` (OR of entries) are accepted;
 * when both are set Gloo ignores `authz` — read them through `effectiveAuthorizations`.
 */
export const accessPolicyConfigSchema = z.looseObject({
  authn: z.looseObject({ tlsMode: z.enum(["DISABLE", "PERMISSIVE", "STRICT"]).optional() }).optional(),
  authz: authorizationSchema.optional(),
  authzList: z.array(authorizationSchema).optional(),
  enforcementLayers: enforcementLayersSchema.optional(),
});
export type AccessPolicyConfig = z.infer<typeof accessPolicyConfigSchema>;

/** The authorization rules Gloo applies: `authzList` when set, else the deprecated single `authz`. */
export function effectiveAuthorizations(config: AccessPolicyConfig | undefined): Authorization[] {
  if (config?.authzList !== undefined) return config.authzList;
  return config?.authz !== undefined ? [config.authz] : [];
}

/**
 * AccessPolicy spec. `applyToWorkloads` entries are `{selector}`; the shared workload selector schema is
 * used so the 2.0 `kube` shape parses too. When workloads are set, destinations are ignored.
 */
export const accessPolicySpecSchema = z.looseObject({
  applyToDestinations: z.array(destinationSelectorSchema).optional(),
  applyToWorkloads: z.array(workloadSelectorSchema).optional(),
  config: accessPolicyConfigSchema.optional(),
});
export type AccessPolicySpec = z.infer<typeof accessPolicySpecSchema>;
export const accessPolicyKind = policyKind(SECURITY, "AccessPolicy", "accesspolicies", accessPolicySpecSchema);
/** Which clients may reach the selected destinations or workloads. */
export type AccessPolicy = KindOf<typeof accessPolicyKind>;

/** CORSPolicy config. */
export const corsConfigSchema = z.looseObject({
  allowOrigins: z.array(stringMatchSchema).optional(),
  allowMethods: z.array(z.string()).optional(),
  allowHeaders: z.array(z.string()).optional(),
  exposeHeaders: z.array(z.string()).optional(),
  maxAge: glooDurationSchema.optional(),
  allowCredentials: z.boolean().optional(),
});
export type CorsConfig = z.infer<typeof corsConfigSchema>;
export const corsPolicySpecSchema = z.looseObject({ applyToRoutes: z.array(routeSelectorSchema).optional(), config: corsConfigSchema.optional() });
export type CorsPolicySpec = z.infer<typeof corsPolicySpecSchema>;
export const corsPolicyKind = policyKind(SECURITY, "CORSPolicy", "corspolicies", corsPolicySpecSchema);
/** CORS on the selected routes. */
export type CorsPolicy = KindOf<typeof corsPolicyKind>;

/**
 * RetryTimeoutPolicy config: at least one of `retries` and `requestTimeout`; `attempts: 0` disables
 * retries, and then perTryTimeout, retryOn and retryRemoteLocalities must not be set (gloo-api-details §1.5.2).
 */
export const retryTimeoutConfigSchema = z
  .looseObject({
    requestTimeout: glooDurationSchema.optional(),
    retries: z
      .looseObject({
        attempts: uintSchema.optional(),
        perTryTimeout: glooDurationSchema.optional(),
        retryOn: z.string().optional(),
        retryRemoteLocalities: z.boolean().optional(),
      })
      .superRefine((retries, ctx) => {
        if (retries.attempts !== 0) return;
        for (const field of ["perTryTimeout", "retryOn", "retryRemoteLocalities"] as const) {
          if (isSet(retries[field])) addIssue(ctx, [field], "must not be set when attempts is 0 (retries disabled)");
        }
      })
      .optional(),
  })
  .superRefine((config, ctx) => {
    if (!isSet(config.retries) && !isSet(config.requestTimeout)) addIssue(ctx, [], "must set at least one of retries or requestTimeout");
  });
export type RetryTimeoutConfig = z.infer<typeof retryTimeoutConfigSchema>;
export const retryTimeoutPolicySpecSchema = z.looseObject({ applyToRoutes: z.array(routeSelectorSchema).optional(), config: retryTimeoutConfigSchema.optional() });
export type RetryTimeoutPolicySpec = z.infer<typeof retryTimeoutPolicySpecSchema>;
export const retryTimeoutPolicyKind = policyKind(RESILIENCE, "RetryTimeoutPolicy", "retrytimeoutpolicies", retryTimeoutPolicySpecSchema);
/** Retries and timeout on the selected routes (one per route; the oldest wins). */
export type RetryTimeoutPolicy = KindOf<typeof retryTimeoutPolicyKind>;

/** FaultInjectionPolicy config: a delay and/or an abort; percentages default to all requests. */
export const faultInjectionConfigSchema = z.looseObject({
  delay: z.looseObject({ fixedDelay: glooDurationSchema, percentage: glooPercentageSchema.optional() }).optional(),
  abort: z.looseObject({ httpStatus: intInRange(200, 599), percentage: glooPercentageSchema.optional() }).optional(),
});
export type FaultInjectionConfig = z.infer<typeof faultInjectionConfigSchema>;
export const faultInjectionPolicySpecSchema = z.looseObject({ applyToRoutes: z.array(routeSelectorSchema).optional(), config: faultInjectionConfigSchema.optional() });
export type FaultInjectionPolicySpec = z.infer<typeof faultInjectionPolicySpecSchema>;
export const faultInjectionPolicyKind = policyKind(RESILIENCE, "FaultInjectionPolicy", "faultinjectionpolicies", faultInjectionPolicySpecSchema);
/** Delays and aborts on the selected routes (one per route; the oldest wins). */
export type FaultInjectionPolicy = KindOf<typeof faultInjectionPolicyKind>;

const localityTargetSchema = z.looseObject({
  region: z.string().optional(),
  zone: z.string().optional(),
  subZone: z.string().optional(),
  weight: uintSchema.optional(),
});

/**
 * FailoverPolicy config: locality mappings, or priority labels given either as keys only or as `key=value`
 * pairs, never mixed. If both are set, localityMappings wins (not an error).
 */
export const failoverConfigSchema = z.looseObject({
  localityMappings: z
    .array(z.looseObject({ from: z.looseObject({ region: z.string().optional(), zone: z.string().optional(), subZone: z.string().optional() }).optional(), to: z.array(localityTargetSchema).optional() }))
    .optional(),
  priorityLabels: z
    .looseObject({ labels: z.array(z.string()).optional() })
    .superRefine((p, ctx) => {
      const labels = p.labels ?? [];
      const pairs = labels.filter((l) => l.includes("=")).length;
      if (pairs > 0 && pairs < labels.length) addIssue(ctx, ["labels"], "must be all label keys or all key=value pairs, not a mix");
    })
    .optional(),
});
export type FailoverConfig = z.infer<typeof failoverConfigSchema>;
export const failoverPolicySpecSchema = z.looseObject({ applyToDestinations: z.array(destinationSelectorSchema).optional(), config: failoverConfigSchema.optional() });
export type FailoverPolicySpec = z.infer<typeof failoverPolicySpecSchema>;
export const failoverPolicyKind = policyKind(RESILIENCE, "FailoverPolicy", "failoverpolicies", failoverPolicySpecSchema);
/** Locality failover for Services and VirtualDestinations. */
export type FailoverPolicy = KindOf<typeof failoverPolicyKind>;

/** OutlierDetectionPolicy config; defaults 5 errors, 10s interval, 30s ejection, 100% max ejection. */
export const outlierDetectionConfigSchema = z.looseObject({
  consecutiveErrors: intInRange(1, 2_147_483_647).optional(),
  interval: glooDurationSchema.optional(),
  baseEjectionTime: glooDurationSchema.optional(),
  maxEjectionPercent: intInRange(0, 100).optional(),
  consecutiveGatewayErrors: uintSchema.optional(),
});
export type OutlierDetectionConfig = z.infer<typeof outlierDetectionConfigSchema>;
export const outlierDetectionPolicySpecSchema = z.looseObject({
  applyToDestinations: z.array(destinationSelectorSchema).optional(),
  config: outlierDetectionConfigSchema.optional(),
});
export type OutlierDetectionPolicySpec = z.infer<typeof outlierDetectionPolicySpecSchema>;
export const outlierDetectionPolicyKind = policyKind(RESILIENCE, "OutlierDetectionPolicy", "outlierdetectionpolicies", outlierDetectionPolicySpecSchema);
/** Ejection of failing endpoints for the selected destinations. */
export type OutlierDetectionPolicy = KindOf<typeof outlierDetectionPolicyKind>;

/** HeaderManipulationPolicy config. */
export const headerManipulationConfigSchema = z.looseObject({
  appendRequestHeaders: stringMapSchema.optional(),
  removeRequestHeaders: z.array(z.string()).optional(),
  appendResponseHeaders: stringMapSchema.optional(),
  removeResponseHeaders: z.array(z.string()).optional(),
});
export type HeaderManipulationConfig = z.infer<typeof headerManipulationConfigSchema>;
export const headerManipulationPolicySpecSchema = z.looseObject({
  applyToRoutes: z.array(routeSelectorSchema).optional(),
  applyToRouteDestinations: z.array(routeDestinationSelectorSchema).optional(),
  config: headerManipulationConfigSchema.optional(),
});
export type HeaderManipulationPolicySpec = z.infer<typeof headerManipulationPolicySpecSchema>;
export const headerManipulationPolicyKind = policyKind(TRAFFIC, "HeaderManipulationPolicy", "headermanipulationpolicies", headerManipulationPolicySpecSchema);
/** Request/response header edits on the selected routes or route destinations. */
export type HeaderManipulationPolicy = KindOf<typeof headerManipulationPolicyKind>;

/** The policy kinds Meshpane models, across the security, resilience and trafficcontrol groups. */
export const kinds: readonly KindDef[] = [
  accessPolicyKind,
  corsPolicyKind,
  retryTimeoutPolicyKind,
  faultInjectionPolicyKind,
  failoverPolicyKind,
  outlierDetectionPolicyKind,
  headerManipulationPolicyKind,
];
