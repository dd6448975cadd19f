import { z } from "zod";
import { durationSchema, isSet, uintSchema } from "./fields";

/**
 * Shapes shared by the solo-kit kinds of Gloo Edge and Gloo Gateway 1.x (`gloo.solo.io`, `gateway.solo.io`,
 * `gateway.gloo.solo.io`, `enterprise.gloo.solo.io`): resource refs, policy target refs, the solo-kit status
 * and the route / virtual-host option blocks. Reference: gateway-api-and-gloo-gateway.md §5, §8.
 * Option blocks model only the fields Meshpane reads (merging, references); everything else is kept as written.
 */

/** A solo-kit `core.ResourceRef`: name and namespace (namespace defaults to the referrer's). */
export const resourceRefSchema = z.looseObject({
  name: z.string().min(1, { message: "must be a non-empty name" }),
  namespace: z.string().optional(),
});
/** The parsed shape of `resourceRefSchema`. */
export type ResourceRef = z.infer<typeof resourceRefSchema>;

/**
 * A policy target (`targetRefs[]` of RouteOption, VirtualHostOption, kgateway policies): group, kind, name,
 * optional namespace (Gloo 1.x only honours the option's own namespace) and sectionName (listener or rule).
 */
export const policyTargetRefSchema = z.looseObject({
  group: z.string(),
  kind: z.string().min(1, { message: "must name a kind" }),
  name: z.string().min(1, { message: "must be a non-empty name" }),
  namespace: z.string().optional(),
  sectionName: z.string().optional(),
});
/** The parsed shape of `policyTargetRefSchema`. */
export type PolicyTargetRef = z.infer<typeof policyTargetRefSchema>;

/** solo-kit resource state, written as the enum name or its number. */
export const soloKitStates = ["Pending", "Accepted", "Rejected", "Warning"] as const;
/** A solo-kit state name. */
export type SoloKitState = (typeof soloKitStates)[number];

const stateSchema = z.union([z.enum(soloKitStates), z.number().int().min(0).max(3), z.string()]);

/** One writer's status: state, reason, who reported it, per-proxy sub-statuses, messages, details. */
export const soloKitNamespacedStatusSchema = z.looseObject({
  state: stateSchema.optional(),
  reason: z.string().optional(),
  reportedBy: z.string().optional(),
  subresourceStatuses: z.record(z.string(), z.unknown()).optional(),
  messages: z.array(z.string()).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
/** The parsed shape of `soloKitNamespacedStatusSchema`. */
export type SoloKitNamespacedStatus = z.infer<typeof soloKitNamespacedStatusSchema>;

/**
 * The solo-kit status: `statuses` keyed by writer namespace (current), or the older single status object at
 * the top level. Both forms are accepted; `soloKitStatuses` reads either.
 */
export const soloKitStatusSchema = soloKitNamespacedStatusSchema.extend({
  statuses: z.record(z.string(), soloKitNamespacedStatusSchema).optional(),
});
/** The parsed shape of `soloKitStatusSchema`. */
export type SoloKitStatus = z.infer<typeof soloKitStatusSchema>;

/** The state name of a status (numbers mapped to names), or undefined when nothing was reported. */
export function soloKitStateName(state: unknown): SoloKitState | undefined {
  if (typeof state === "number") return soloKitStates[state];
  if (typeof state !== "string") return undefined;
  return soloKitStates.find((s) => s.toLowerCase() === state.toLowerCase());
}

/** Every writer's status of an object, whichever form it was written in, keyed by writer namespace. */
export function soloKitStatuses(status: SoloKitStatus | undefined): Map<string, SoloKitNamespacedStatus> {
  const out = new Map<string, SoloKitNamespacedStatus>();
  if (!status) return out;
  for (const [ns, s] of Object.entries(status.statuses ?? {})) out.set(ns, s);
  if (out.size === 0 && isSet(status.state)) out.set("", status);
  return out;
}

/** `extauth` of route / virtual-host options: a reference to an AuthConfig, or disabled, or custom. */
export const extAuthExtensionSchema = z.looseObject({
  configRef: resourceRefSchema.optional(),
  disable: z.boolean().optional(),
  customAuth: z.looseObject({}).optional(),
});

/** `rateLimitConfigs` of route / virtual-host options: references to RateLimitConfigs. */
export const rateLimitConfigRefsSchema = z.looseObject({ refs: z.array(resourceRefSchema).optional() });

const headerManipulationSchema = z.looseObject({
  requestHeadersToAdd: z.array(z.looseObject({})).optional(),
  requestHeadersToRemove: z.array(z.string()).optional(),
  responseHeadersToAdd: z.array(z.looseObject({})).optional(),
  responseHeadersToRemove: z.array(z.string()).optional(),
});

/** Gloo `RouteOptions`: what Meshpane reads of it (timeouts, retries, rewrites, auth and rate-limit refs). */
export const glooRouteOptionsSchema = z.looseObject({
  timeout: durationSchema.optional(),
  retries: z.looseObject({ retryOn: z.string().optional(), numRetries: uintSchema.optional(), perTryTimeout: durationSchema.optional() }).optional(),
  headerManipulation: headerManipulationSchema.optional(),
  prefixRewrite: z.string().optional(),
  hostRewrite: z.string().optional(),
  autoHostRewrite: z.boolean().optional(),
  cors: z.looseObject({}).optional(),
  faults: z.looseObject({}).optional(),
  shadowing: z.looseObject({}).optional(),
  extauth: extAuthExtensionSchema.optional(),
  rateLimitConfigs: rateLimitConfigRefsSchema.optional(),
});
/** The parsed shape of `glooRouteOptionsSchema`. */
export type GlooRouteOptions = z.infer<typeof glooRouteOptionsSchema>;

/** Gloo `VirtualHostOptions`: the same reference fields as route options, for a whole virtual host. */
export const glooVirtualHostOptionsSchema = z.looseObject({
  headerManipulation: headerManipulationSchema.optional(),
  cors: z.looseObject({}).optional(),
  retries: z.looseObject({ retryOn: z.string().optional(), numRetries: uintSchema.optional() }).optional(),
  extauth: extAuthExtensionSchema.optional(),
  rateLimitConfigs: rateLimitConfigRefsSchema.optional(),
});
/** The parsed shape of `glooVirtualHostOptionsSchema`. */
export type GlooVirtualHostOptions = z.infer<typeof glooVirtualHostOptionsSchema>;
