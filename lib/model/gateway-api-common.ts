import { z } from "zod";
import { addIssue, intInRange, intLikeSchema, isSet, portNumberSchema } from "./fields";

/**
 * Pieces shared by every Gateway API kind (`gateway.networking.k8s.io`): durations, conditions, parent and
 * backend references, header modifiers, route status and hostnames. Reference: gateway-api-and-gloo-gateway.md §1.
 */
export const GATEWAY_API_GROUP = "gateway.networking.k8s.io";

/**
 * Gateway API hostnames (CRD pattern): a precise DNS name or a `*.` wildcard, lower case, no IP addresses
 * and no port. The CRD checks the shape only; IPs are excluded by the type docs.
 */
export const gatewayHostnameSchema = z
  .string()
  .regex(/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { message: "must be a lower-case DNS name, optionally prefixed by *. (no IP address, no port)" })
  .refine((h) => !/^[0-9.]+$/.test(h), { message: "must be a DNS name, not an IP address" });

/** Gateway API durations (GEP-2257): up to four `<1–5 digits><h|m|s|ms>` parts, e.g. `10s`, `1m30s`. */
export const gatewayDurationSchema = z.string().regex(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/, { message: "must be a Gateway API duration such as 10s, 500ms or 1m30s" });

/** A condition as Gateway API controllers write them. */
export const gatewayConditionSchema = z.looseObject({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
  observedGeneration: intLikeSchema.optional(),
});
/** The parsed shape of `gatewayConditionSchema`. */
export type GatewayCondition = z.infer<typeof gatewayConditionSchema>;

/** A route's parent (a Gateway unless group/kind say otherwise); namespace defaults to the route's. */
export const parentReferenceSchema = z.looseObject({
  group: z.string().optional(),
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().min(1, { message: "must be a non-empty name" }),
  sectionName: z.string().optional(),
  port: portNumberSchema.optional(),
});
/** The parsed shape of `parentReferenceSchema`. */
export type ParentReference = z.infer<typeof parentReferenceSchema>;

/**
 * A backend. group/kind default to core Service, which requires `port`; other kinds are accepted as
 * written, e.g. `{group: networking.istio.io, kind: Hostname, name: reviews.mesh.internal.com}`.
 */
export const backendRefSchema = z
  .looseObject({
    group: z.string().optional(),
    kind: z.string().optional(),
    name: z.string().min(1, { message: "must be a non-empty name" }),
    namespace: z.string().optional(),
    port: portNumberSchema.optional(),
    weight: intInRange(0, 1_000_000).optional(),
    filters: z.array(z.looseObject({ type: z.string() })).optional(),
  })
  .superRefine((ref, ctx) => {
    const service = (ref.group ?? "") === "" && (ref.kind ?? "Service") === "Service";
    if (service && !isSet(ref.port)) addIssue(ctx, ["port"], "must be set for a Service backend");
  });
/** The parsed shape of `backendRefSchema`. */
export type BackendRef = z.infer<typeof backendRefSchema>;

/** A `{type, name, value}` header or query-parameter match with the given match types. */
export const nameValueMatch = (types: readonly [string, ...string[]]) =>
  z.looseObject({ type: z.enum(types).optional(), name: z.string().min(1, { message: "must be a non-empty name" }), value: z.string() });

/** Header modifier filter config: set, add, remove. */
export const headerModifierSchema = z.looseObject({
  set: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
  add: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
  remove: z.array(z.string()).optional(),
});

/** Route status: one entry per (parent, controller). */
export const routeStatusSchema = z.looseObject({
  parents: z.array(z.looseObject({ parentRef: parentReferenceSchema, controllerName: z.string(), conditions: z.array(gatewayConditionSchema).optional() })).optional(),
});

