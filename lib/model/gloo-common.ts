import { z } from "zod";
import { labelsSchema } from "./meta";
import { addIssue, intLikeSchema, intInRange, isSet, onlyOneOf, portNumberSchema, stringMapSchema, uintSchema, type IssueSink } from "./fields";

/**
 * Common types of Gloo Platform v2 (`common.gloo.solo.io`, solo-apis `gloo-mesh-v2.6.x`), shared by the
 * admin, networking and policy groups. Reference: gloo-api-and-translation.md §2.2, gloo-api-details.md §1.2.
 * Field names are the protobuf JSON names; every object keeps unknown fields.
 */

/** A reference to one object; empty namespace/cluster default to the parent object's. */
export const objectReferenceSchema = z.looseObject({
  name: z.string().min(1, { message: "must be a non-empty name" }),
  namespace: z.string().optional(),
  cluster: z.string().optional(),
});
export type ObjectReference = z.infer<typeof objectReferenceSchema>;

/** Selects objects by labels, name, namespace, cluster and workspace; every empty field means "any visible". */
export const objectSelectorSchema = z.looseObject({
  labels: labelsSchema.optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  cluster: z.string().optional(),
  workspace: z.string().optional(),
});
export type ObjectSelector = z.infer<typeof objectSelectorSchema>;

/** A port by number or by name (a protobuf oneof). */
export const portSelectorSchema = z
  .looseObject({ number: portNumberSchema.optional(), name: z.string().optional() })
  .superRefine(onlyOneOf(["number", "name"]));
export type PortSelector = z.infer<typeof portSelectorSchema>;

/** The kinds a destination selector or reference can point at; SERVICE is the default. */
export const destinationKinds = ["SERVICE", "VIRTUAL_DESTINATION", "EXTERNAL_SERVICE"] as const;
export const destinationKindSchema = z.enum(destinationKinds);
export type DestinationKind = z.infer<typeof destinationKindSchema>;

/** Selects destinations (Services, VirtualDestinations, ExternalServices); an empty port selects all ports. */
export const destinationSelectorSchema = z.looseObject({
  selector: objectSelectorSchema.optional(),
  kind: destinationKindSchema.optional(),
  port: portSelectorSchema.optional(),
});
export type DestinationSelector = z.infer<typeof destinationSelectorSchema>;

/**
 * Points at one routable destination. `port` is required when the target has more than one port (checked
 * by the validation layer, which knows the target); `weight` is relative to the other destinations of a route.
 */
export const destinationReferenceSchema = z.looseObject({
  ref: objectReferenceSchema.optional(),
  awsLambda: z.looseObject({}).optional(),
  function: z.looseObject({}).optional(),
  kind: destinationKindSchema.optional(),
  port: portSelectorSchema.optional(),
  subset: stringMapSchema.optional(),
  weight: uintSchema.optional(),
});
export type DestinationReference = z.infer<typeof destinationReferenceSchema>;

/**
 * Route-table destination lists (forwardTo, defaultDestination): a `subset` must not be the empty map,
 * and weights follow the RouteTable CEL/proto rule — explicit weights may not exceed 100, each
 * unweighted destination takes at least 1 of the remainder, and when every destination of a multi-
 * destination list is weighted the weights sum to exactly 100.
 */
export function checkRouteDestinations(destinations: readonly DestinationReference[], ctx: IssueSink, path: PropertyKey[]): void {
  destinations.forEach((d, i) => {
    if (d.subset !== undefined && Object.keys(d.subset).length === 0) addIssue(ctx, [...path, i, "subset"], "must not be an empty map (omit it to use every endpoint)");
  });
  // An explicit `weight: 0` is read as weight 0 (draining a canary), not as "unweighted": protobuf cannot tell
  // the two apart, so Gloo's reading is uncertain and is left to the validation layer.
  const weighted = destinations.filter((d) => isSet(d.weight));
  if (destinations.length < 2 || weighted.length === 0) return;
  const sum = weighted.reduce((acc, d) => acc + (d.weight ?? 0), 0);
  const unweighted = destinations.length - weighted.length;
  if (unweighted === 0 && sum !== 100) addIssue(ctx, path, `must have weights that sum to 100 (they sum to ${sum})`);
  else if (unweighted > 0 && sum > 100 - unweighted) {
    addIssue(ctx, path, `must leave at least 1 of 100 for each of the ${unweighted} unweighted destinations (explicit weights sum to ${sum})`);
  }
}

/** Selects routes by the labels of the route or its table (2.1 also accepted `name`, kept as an unknown field). */
export const routeLabelSelectorSchema = z.looseObject({
  labels: labelsSchema.optional(),
  namespace: z.string().optional(),
  cluster: z.string().optional(),
  workspace: z.string().optional(),
});
export type RouteLabelSelector = z.infer<typeof routeLabelSelectorSchema>;

/** Selects routes by label or by the destinations they forward to (a protobuf oneof). */
export const routeSelectorSchema = z
  .looseObject({ route: routeLabelSelectorSchema.optional(), withDestinations: destinationSelectorSchema.optional() })
  .superRefine(onlyOneOf(["route", "withDestinations"]));
export type RouteSelector = z.infer<typeof routeSelectorSchema>;

/** Selects some destinations of some routes (HeaderManipulationPolicy). */
export const routeDestinationSelectorSchema = z.looseObject({
  route: routeLabelSelectorSchema.optional(),
  onDestinations: z.array(destinationSelectorSchema).optional(),
});
export type RouteDestinationSelector = z.infer<typeof routeDestinationSelectorSchema>;

/** The 2.0-era workload selector shape, `{kube: {labels}}`, still found in older manifests. */
export const legacyKubeWorkloadSelectorSchema = z.looseObject({
  labels: labelsSchema.optional(),
  namespace: z.string().optional(),
  cluster: z.string().optional(),
});

/**
 * Selects workloads (sidecars or gateway proxies). Two shapes are accepted: the current `{selector, kind,
 * port}` and the 2.0-era `{kube: {labels}}` (API drift); use `workloadObjectSelector` to read either.
 */
export const workloadSelectorSchema = z.looseObject({
  selector: objectSelectorSchema.optional(),
  kind: z.enum(["KUBE", "VM"]).optional(),
  port: portSelectorSchema.optional(),
  kube: legacyKubeWorkloadSelectorSchema.optional(),
});
export type WorkloadSelector = z.infer<typeof workloadSelectorSchema>;

/** The object selector of a workload selector in either shape (the 2.0 `kube` shape maps onto it). */
export function workloadObjectSelector(selector: WorkloadSelector): ObjectSelector {
  if (selector.selector !== undefined) return selector.selector;
  const kube = selector.kube;
  if (kube === undefined) return {};
  const out: ObjectSelector = {};
  if (kube.labels !== undefined) out.labels = kube.labels;
  if (kube.namespace !== undefined) out.namespace = kube.namespace;
  if (kube.cluster !== undefined) out.cluster = kube.cluster;
  return out;
}

/** Client identities for AccessPolicy: service accounts, external workloads and/or JWT principals. */
export const identitySelectorSchema = z.looseObject({
  serviceAccountSelector: objectSelectorSchema.optional(),
  externalWorkloadSelector: objectSelectorSchema.optional(),
  requestIdentityMatcher: z
    .looseObject({ requestPrincipals: z.array(z.string()).optional(), notRequestPrincipals: z.array(z.string()).optional() })
    .optional(),
});
export type IdentitySelector = z.infer<typeof identitySelectorSchema>;

/** Namespaces of a workspace cluster entry; empty labels are ignored, not "all". */
export const namespaceSelectorSchema = z.looseObject({
  name: z.string().optional(),
  labels: labelsSchema.optional(),
  configEnabled: z.boolean().optional(),
});
export type NamespaceSelector = z.infer<typeof namespaceSelectorSchema>;

/** Workspace membership: clusters by name glob and/or KubernetesCluster labels, and their namespaces. */
export const clusterSelectorSchema = z.looseObject({
  name: z.string().optional(),
  selector: labelsSchema.optional(),
  namespaces: z.array(namespaceSelectorSchema).optional(),
  configEnabled: z.boolean().optional(),
});
export type ClusterSelector = z.infer<typeof clusterSelectorSchema>;

/** Workspaces by name (exact or `*` glob) and/or labels; both set means AND. */
export const workspaceSelectorSchema = z.looseObject({ name: z.string().optional(), selector: labelsSchema.optional() });
export type WorkspaceSelector = z.infer<typeof workspaceSelectorSchema>;

/** Istio control planes (RootTrustPolicy). */
export const meshSelectorSchema = z.looseObject({
  istio: z
    .looseObject({
      revision: z.string().optional(),
      namespace: z.string().optional(),
      clusterSelector: labelsSchema.optional(),
      selector: labelsSchema.optional(),
    })
    .optional(),
});
export type MeshSelector = z.infer<typeof meshSelectorSchema>;

/** String matching (a protobuf oneof); `suffix` is declared by the API but documented as unsupported. */
export const stringMatchSchema = z
  .looseObject({
    exact: z.string().optional(),
    prefix: z.string().optional(),
    regex: z.string().optional(),
    suffix: z.string().optional(),
    ignoreCase: z.boolean().optional(),
  })
  .superRefine(onlyOneOf(["exact", "prefix", "regex", "suffix"]));
export type StringMatch = z.infer<typeof stringMatchSchema>;

/** A header condition; no `value` means a presence check. */
export const headerMatcherSchema = z.looseObject({
  name: z.string().min(1, { message: "must be a non-empty header name" }),
  value: z.string().optional(),
  regex: z.boolean().optional(),
  invertMatch: z.boolean().optional(),
});
export type HeaderMatcher = z.infer<typeof headerMatcherSchema>;

/** A query parameter condition. */
export const queryParameterMatcherSchema = z.looseObject({
  name: z.string().min(1, { message: "must be a non-empty parameter name" }),
  value: z.string().optional(),
  regex: z.boolean().optional(),
});
export type QueryParameterMatcher = z.infer<typeof queryParameterMatcherSchema>;

/** HTTP request conditions, ANDed. `name` is accepted but unsupported by Gloo. */
export const httpRequestMatcherSchema = z.looseObject({
  name: z.string().optional(),
  uri: stringMatchSchema.optional(),
  headers: z.array(headerMatcherSchema).optional(),
  queryParameters: z.array(queryParameterMatcherSchema).optional(),
  method: z.string().optional(),
  port: intInRange(0, 65535).optional(),
});
export type HttpRequestMatcher = z.infer<typeof httpRequestMatcherSchema>;

/** TCP route condition. */
export const tcpRequestMatcherSchema = z.looseObject({ port: intInRange(0, 65535).optional() });
export type TcpRequestMatcher = z.infer<typeof tcpRequestMatcherSchema>;

/** TLS route condition: SNI hosts (leading wildcard allowed) and port. */
export const tlsRequestMatcherSchema = z.looseObject({ sniHosts: z.array(z.string()).optional(), port: intInRange(0, 65535).optional() });
export type TlsRequestMatcher = z.infer<typeof tlsRequestMatcherSchema>;

/** How clients reach a VirtualDestination through east-west gateways (a protobuf oneof). */
export const clientModeSchema = z
  .looseObject({ auto: z.looseObject({}).optional(), sniRouting: z.looseObject({}).optional(), tlsTermination: z.looseObject({}).optional() })
  .superRefine(onlyOneOf(["auto", "sniRouting", "tlsTermination"]));
export type ClientMode = z.infer<typeof clientModeSchema>;

/** Region / zone / sub-zone. */
export const localitySchema = z.looseObject({ region: z.string().optional(), zone: z.string().optional(), subZone: z.string().optional() });
export type Locality = z.infer<typeof localitySchema>;

/** Which layers enforce AccessPolicy and service isolation. */
export const enforcementLayersSchema = z.looseObject({ cni: z.boolean().optional(), mesh: z.boolean().optional() });
export type EnforcementLayers = z.infer<typeof enforcementLayersSchema>;

/** Approval states a Gloo object reports (PENDING is "not processed yet"). */
export const approvalStates = ["PENDING", "ACCEPTED", "INVALID", "WARNING", "FAILED", "UNLICENSED"] as const;
export type ApprovalState = (typeof approvalStates)[number];

/**
 * Status is written by Gloo, never by users, and newer releases add states and counters: it is modelled
 * loosely (strings, numbers or strings for int64) so that a status never makes an object unreadable.
 */
export const glooStateSchema = z.looseObject({
  observedGeneration: intLikeSchema.optional(),
  approval: z.string().optional(),
  message: z.string().optional(),
});
export type GlooState = z.infer<typeof glooStateSchema>;

/**
 * `status.common` of 2.2+: the state and per-approval workspace counts. The proto field is `State State`, so
 * its JSON key is `State` (capital S, as the CRD printer column `.status.common.State.approval` shows);
 * gloo-api-details §6.1 writes `state`, so both spellings are accepted — read it with `glooApproval`.
 */
export const glooCommonStatusSchema = z.looseObject({
  State: glooStateSchema.optional(),
  state: glooStateSchema.optional(),
  workspaceConditions: z.record(z.string(), intLikeSchema).optional(),
});
export type GlooCommonStatus = z.infer<typeof glooCommonStatusSchema>;

/** The status of a v2 object: 2.2+ `common` plus kind counters, or the 2.0/2.1 `global`/`workspaces` shape. */
export function glooStatusSchema<S extends z.ZodRawShape>(counters: S) {
  return z.looseObject({
    common: glooCommonStatusSchema.optional(),
    ownedByWorkspace: z.string().optional(),
    global: z.looseObject({ state: z.string().optional(), message: z.string().optional() }).optional(),
    workspaces: z.record(z.string(), z.unknown()).optional(),
    ownerWorkspace: z.looseObject({ workspace: z.string().optional() }).optional(),
    ...counters,
  });
}

/** The approval state of a 2.2+ status (either key spelling), or undefined when not reported yet. */
export function glooApproval(common: GlooCommonStatus | undefined): string | undefined {
  return (common?.State ?? common?.state)?.approval;
}

/** A counter map keyed by policy GVK or category. */
export const countMapSchema = z.record(z.string(), intLikeSchema);
