import { z } from "zod";
import { defineKind, kubeObjectSchema, type KindOf } from "./meta";
import { addIssue, isSet, onlyOneOf } from "./fields";
import { istioMatchLabelsSelectorSchema, istioStatusSchema } from "./istio-networking";

/**
 * Istio `security.istio.io` kinds Meshpane emits: AuthorizationPolicy (AccessPolicy and service-isolation
 * output) and PeerAuthentication (mTLS mode). Served as v1 and v1beta1. Reference: gloo-api-details.md §4.12.
 */
export const SECURITY_GROUP = "security.istio.io";
export const SECURITY_VERSIONS = ["v1", "v1beta1"] as const;

const strings = z.array(z.string()).optional();

/** The peer or request a rule's `from` entry matches. */
export const istioSourceSchema = z.looseObject({
  principals: strings,
  notPrincipals: strings,
  requestPrincipals: strings,
  notRequestPrincipals: strings,
  namespaces: strings,
  notNamespaces: strings,
  ipBlocks: strings,
  notIpBlocks: strings,
  remoteIpBlocks: strings,
  notRemoteIpBlocks: strings,
});
export type IstioSource = z.infer<typeof istioSourceSchema>;

/** The operation a rule's `to` entry matches. */
export const istioOperationSchema = z.looseObject({
  hosts: strings,
  notHosts: strings,
  ports: strings,
  notPorts: strings,
  methods: strings,
  notMethods: strings,
  paths: strings,
  notPaths: strings,
});
export type IstioOperation = z.infer<typeof istioOperationSchema>;

/** One rule: from (OR), to (OR), when (AND); fields within one entry are ANDed. */
export const authorizationRuleSchema = z.looseObject({
  from: z.array(z.looseObject({ source: istioSourceSchema.optional() })).optional(),
  to: z.array(z.looseObject({ operation: istioOperationSchema.optional() })).optional(),
  when: z.array(z.looseObject({ key: z.string().min(1, { message: "must be a non-empty key" }), values: strings, notValues: strings })).optional(),
});
export type AuthorizationRule = z.infer<typeof authorizationRuleSchema>;

const policyTargetRefSchema = z.looseObject({ group: z.string().optional(), kind: z.string(), name: z.string(), namespace: z.string().optional() });

/**
 * AuthorizationPolicy spec. `selector`, `targetRef` and `targetRefs` are mutually exclusive (CRD rule), and
 * `provider` goes with, and only with, the CUSTOM action (Istio's validation). An ALLOW policy with no rules
 * denies everything in scope — legal, and what v1 emits for `globalAccessPolicy: ENABLED`.
 */
export const authorizationPolicySpecSchema = z
  .looseObject({
    selector: istioMatchLabelsSelectorSchema.optional(),
    targetRef: policyTargetRefSchema.optional(),
    targetRefs: z.array(policyTargetRefSchema).optional(),
    action: z.enum(["ALLOW", "DENY", "AUDIT", "CUSTOM"]).optional(),
    provider: z.looseObject({ name: z.string().optional() }).optional(),
    rules: z.array(authorizationRuleSchema).optional(),
  })
  .superRefine(onlyOneOf(["selector", "targetRef", "targetRefs"]))
  .superRefine((spec, ctx) => {
    if (spec.action === "CUSTOM" && !isSet(spec.provider)) addIssue(ctx, ["provider"], "must be set when action is CUSTOM");
    if (spec.action !== "CUSTOM" && isSet(spec.provider)) addIssue(ctx, ["provider"], "must only be set when action is CUSTOM");
  });
export type AuthorizationPolicySpec = z.infer<typeof authorizationPolicySpecSchema>;

export const authorizationPolicyKind = defineKind({
  group: SECURITY_GROUP,
  versions: SECURITY_VERSIONS,
  kind: "AuthorizationPolicy",
  plural: "authorizationpolicies",
  namespaced: true,
  // An empty spec is meaningful (deny all in scope), so spec is optional.
  schema: kubeObjectSchema(SECURITY_GROUP, SECURITY_VERSIONS, "AuthorizationPolicy", { spec: authorizationPolicySpecSchema.optional(), status: istioStatusSchema.optional() }),
});
/** Istio access control for workloads. */
export type AuthorizationPolicy = KindOf<typeof authorizationPolicyKind>;

const mtlsModeSchema = z.looseObject({ mode: z.enum(["UNSET", "DISABLE", "PERMISSIVE", "STRICT"]).optional() });

/** PeerAuthentication spec; port-level modes are keyed by port number and need a workload selector. */
export const peerAuthenticationSpecSchema = z
  .looseObject({
    selector: istioMatchLabelsSelectorSchema.optional(),
    mtls: mtlsModeSchema.optional(),
    portLevelMtls: z.record(z.string(), mtlsModeSchema).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.portLevelMtls === undefined) return;
    if (Object.keys(spec.selector?.matchLabels ?? {}).length === 0) addIssue(ctx, ["portLevelMtls"], "must only be set together with a selector that has matchLabels");
    for (const port of Object.keys(spec.portLevelMtls)) {
      const n = Number(port);
      if (!Number.isInteger(n) || n < 1 || n > 65535) addIssue(ctx, ["portLevelMtls", port], "must be keyed by a port number between 1 and 65535");
    }
  });
export type PeerAuthenticationSpec = z.infer<typeof peerAuthenticationSpecSchema>;

export const peerAuthenticationKind = defineKind({
  group: SECURITY_GROUP,
  versions: SECURITY_VERSIONS,
  kind: "PeerAuthentication",
  plural: "peerauthentications",
  namespaced: true,
  schema: kubeObjectSchema(SECURITY_GROUP, SECURITY_VERSIONS, "PeerAuthentication", { spec: peerAuthenticationSpecSchema.optional(), status: istioStatusSchema.optional() }),
});
/** Istio inbound mTLS mode for workloads. */
export type PeerAuthentication = KindOf<typeof peerAuthenticationKind>;
