import { z } from "zod";
import { defineKind, kubeObjectSchema, type KindOf } from "./meta";
import { addIssue, intInRange, isSet, type IssueSink } from "./fields";
import {
  backendRefSchema, GATEWAY_API_GROUP, gatewayHostnameSchema, headerModifierSchema, nameValueMatch, parentReferenceSchema, routeStatusSchema,
} from "./gateway-api-common";

/**
 * Gateway API GRPCRoute (`v1`, earlier `v1alpha2`) and ReferenceGrant (`v1beta1`, `v1` from 1.5, earlier
 * `v1alpha2`). Versions of one kind are one kind. Reference: gateway-api-and-gloo-gateway.md §1.4–1.5.
 */
const GRPC_VERSIONS = ["v1", "v1alpha2"] as const;
const GRANT_VERSIONS = ["v1", "v1beta1", "v1alpha2"] as const;

/**
 * GRPCRoute method match. CRD CEL: `Exact` needs at least one of service/method; service and method are
 * plain names there (no `/`), regular expressions are free-form.
 */
export const grpcMethodMatchSchema = z
  .looseObject({ type: z.enum(["Exact", "RegularExpression"]).optional(), service: z.string().optional(), method: z.string().optional() })
  .superRefine((m, ctx) => {
    if ((m.type ?? "Exact") !== "Exact") return;
    if (!isSet(m.service) && !isSet(m.method)) addIssue(ctx, [], "must set service or method (or both) for an Exact match");
    for (const field of ["service", "method"] as const) {
      if (m[field]?.includes("/")) addIssue(ctx, [field], "must not contain / for an Exact match");
    }
  });
/** The parsed shape of `grpcMethodMatchSchema`. */
export type GrpcMethodMatch = z.infer<typeof grpcMethodMatchSchema>;

/** One GRPCRoute match: method and headers, ANDed. */
export const grpcRouteMatchSchema = z.looseObject({
  method: grpcMethodMatchSchema.optional(),
  headers: z.array(nameValueMatch(["Exact", "RegularExpression"])).max(16, { message: "must have at most 16 header matches" }).optional(),
});
/** The parsed shape of `grpcRouteMatchSchema`. */
export type GrpcRouteMatch = z.infer<typeof grpcRouteMatchSchema>;

const GRPC_FILTER_FIELDS = {
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestMirror: "requestMirror",
  ExtensionRef: "extensionRef",
} as const;
type GrpcFilterType = keyof typeof GRPC_FILTER_FIELDS;

/** A GRPCRoute filter: the config field named after `type` must be set, and no other. */
export const grpcRouteFilterSchema = z
  .looseObject({
    type: z.enum(Object.keys(GRPC_FILTER_FIELDS) as [GrpcFilterType, ...GrpcFilterType[]]),
    requestHeaderModifier: headerModifierSchema.optional(),
    responseHeaderModifier: headerModifierSchema.optional(),
    requestMirror: z.looseObject({ backendRef: backendRefSchema, percent: intInRange(0, 100).optional() }).optional(),
    extensionRef: z.looseObject({ group: z.string(), kind: z.string(), name: z.string() }).optional(),
  })
  .superRefine((filter, ctx) => {
    for (const [type, field] of Object.entries(GRPC_FILTER_FIELDS)) {
      const set = isSet((filter as Record<string, unknown>)[field]);
      if (type === filter.type && !set) addIssue(ctx, [field], `must be set when type is ${type}`);
      if (type !== filter.type && set) addIssue(ctx, [field], `must not be set when type is ${filter.type}`);
    }
  });
/** The parsed shape of `grpcRouteFilterSchema`. */
export type GrpcRouteFilter = z.infer<typeof grpcRouteFilterSchema>;

const grpcRuleShape = z.looseObject({
  name: z.string().optional(),
  matches: z.array(grpcRouteMatchSchema).max(64, { message: "must have at most 64 matches" }).optional(),
  filters: z.array(grpcRouteFilterSchema).max(16, { message: "must have at most 16 filters" }).optional(),
  backendRefs: z.array(backendRefSchema).max(16, { message: "must have at most 16 backendRefs" }).optional(),
  sessionPersistence: z.looseObject({}).optional(),
});
/** One GRPCRoute rule. */
export type GrpcRouteRule = z.infer<typeof grpcRuleShape>;

/** GRPCRoute rule CEL: header modifiers at most once each. */
function checkGrpcRule(rule: GrpcRouteRule, ctx: IssueSink): void {
  for (const type of ["RequestHeaderModifier", "ResponseHeaderModifier"] as const) {
    if ((rule.filters ?? []).filter((f) => f.type === type).length > 1) addIssue(ctx, ["filters"], `must not repeat the ${type} filter`);
  }
}

/** Schema of grpcRouteSpec; rejections name the field and say what must hold. */
export const grpcRouteSpecSchema = z.looseObject({
  parentRefs: z.array(parentReferenceSchema).max(32, { message: "must have at most 32 parentRefs" }).optional(),
  hostnames: z.array(gatewayHostnameSchema).max(16, { message: "must have at most 16 hostnames" }).optional(),
  rules: z.array(grpcRuleShape.superRefine((r, ctx) => checkGrpcRule(r, ctx))).max(16, { message: "must have at most 16 rules" }).optional(),
});
/** The parsed shape of `grpcRouteSpecSchema`. */
export type GrpcRouteSpec = z.infer<typeof grpcRouteSpecSchema>;

/** The kind definition (group, versions, schema) registered for GRPCRoute. */
export const grpcRouteKind = defineKind({
  group: GATEWAY_API_GROUP,
  versions: GRPC_VERSIONS,
  kind: "GRPCRoute",
  plural: "grpcroutes",
  namespaced: true,
  schema: kubeObjectSchema(GATEWAY_API_GROUP, GRPC_VERSIONS, "GRPCRoute", { spec: grpcRouteSpecSchema, status: routeStatusSchema.optional() }),
});
/** Gateway API gRPC routing rules (service/method matches) attached to Gateways. */
export type GRPCRoute = KindOf<typeof grpcRouteKind>;

/** The `from` side of a grant: a kind in a namespace (the referring object). */
export const referenceGrantFromSchema = z.looseObject({
  group: z.string(),
  kind: z.string().min(1, { message: "must name a kind" }),
  namespace: z.string().min(1, { message: "must name a namespace" }),
});
/** The `to` side of a grant: a kind in the grant's namespace, optionally one name. */
export const referenceGrantToSchema = z.looseObject({
  group: z.string(),
  kind: z.string().min(1, { message: "must name a kind" }),
  name: z.string().optional(),
});

/** Schema of referenceGrantSpec; rejections name the field and say what must hold. */
export const referenceGrantSpecSchema = z.looseObject({
  from: z.array(referenceGrantFromSchema).min(1, { message: "must list at least one from entry" }).max(16, { message: "must list at most 16 from entries" }),
  to: z.array(referenceGrantToSchema).min(1, { message: "must list at least one to entry" }).max(16, { message: "must list at most 16 to entries" }),
});
/** The parsed shape of `referenceGrantSpecSchema`. */
export type ReferenceGrantSpec = z.infer<typeof referenceGrantSpecSchema>;

/** The kind definition (group, versions, schema) registered for ReferenceGrant. */
export const referenceGrantKind = defineKind({
  group: GATEWAY_API_GROUP,
  versions: GRANT_VERSIONS,
  kind: "ReferenceGrant",
  plural: "referencegrants",
  namespaced: true,
  schema: kubeObjectSchema(GATEWAY_API_GROUP, GRANT_VERSIONS, "ReferenceGrant", { spec: referenceGrantSpecSchema }),
});
/** Lives in the target namespace and permits references into it from the listed kinds and namespaces. */
export type ReferenceGrant = KindOf<typeof referenceGrantKind>;
