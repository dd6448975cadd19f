import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, intLikeSchema, isSet, onlyOneOf, portNumberSchema, type IssueSink } from "./fields";
import {
  clientModeSchema,
  clusterSelectorSchema,
  countMapSchema,
  enforcementLayersSchema,
  glooStatusSchema,
  meshSelectorSchema,
  objectReferenceSchema,
  objectSelectorSchema,
  portSelectorSchema,
  workspaceSelectorSchema,
  type ClusterSelector,
} from "./gloo-common";

/**
 * `admin.gloo.solo.io/v2`: Workspace, WorkspaceSettings, KubernetesCluster, RootTrustPolicy.
 * Reference: gloo-api-and-translation.md §2.3–2.4, gloo-api-details.md §1.3. All four kinds are namespaced
 * and live in the management cluster (conventionally namespace `gloo-mesh`).
 */
const GROUP = "admin.gloo.solo.io";
const VERSIONS = ["v2"] as const;

/**
 * Workspace membership rules the API states for certain (selectors.proto): a cluster entry must select at
 * least one namespace, and once `configEnabled` is set explicitly on one cluster (or on one namespace of a
 * cluster) it must be set on all its siblings.
 */
function checkWorkloadClusters(clusters: readonly ClusterSelector[], ctx: IssueSink): void {
  const clusterExplicit = clusters.some((c) => isSet(c.configEnabled));
  clusters.forEach((cluster, i) => {
    const at = ["workloadClusters", i];
    if ((cluster.namespaces ?? []).length === 0) addIssue(ctx, [...at, "namespaces"], "must select at least one namespace (a cluster entry without namespaces is an error)");
    if (clusterExplicit && !isSet(cluster.configEnabled)) {
      addIssue(ctx, [...at, "configEnabled"], "must be set explicitly because another cluster entry of this workspace sets configEnabled");
    }
    const namespaces = cluster.namespaces ?? [];
    if (!namespaces.some((n) => isSet(n.configEnabled))) return;
    namespaces.forEach((ns, j) => {
      if (!isSet(ns.configEnabled)) addIssue(ctx, [...at, "namespaces", j, "configEnabled"], "must be set explicitly because another namespace of this cluster entry sets configEnabled");
    });
  });
}

/** Workspace spec: which clusters and namespaces the tenant owns. No clusters is a legal "policy-only" workspace. */
export const workspaceSpecSchema = z
  .looseObject({ workloadClusters: z.array(clusterSelectorSchema).optional() })
  .superRefine((spec, ctx) => checkWorkloadClusters(spec.workloadClusters ?? [], ctx));
export type WorkspaceSpec = z.infer<typeof workspaceSpecSchema>;

export const workspaceKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "Workspace",
  plural: "workspaces",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "Workspace", {
    spec: workspaceSpecSchema.optional(),
    status: glooStatusSchema({
      workspaceSettings: objectReferenceSchema.optional(),
      numSelectedClusters: intLikeSchema.optional(),
      numSelectedNamespaces: intLikeSchema.optional(),
      numResources: z.record(z.string(), z.unknown()).optional(),
      policyCounts: countMapSchema.optional(),
      destinationCounts: countMapSchema.optional(),
      numImportedWorkspaces: intLikeSchema.optional(),
    }).optional(),
  }),
});
/** A workspace: the tenant boundary. */
export type Workspace = KindOf<typeof workspaceKind>;

/**
 * Kinds a WorkspaceSettings import/export can filter on. The union of 2.1 (`API_SCHEMA`) and 2.6
 * (`API_DOC`, GraphQL kinds, `EXTERNAL_WORKLOAD`) names, so manifests of either release parse.
 */
export const typedObjectKinds = [
  "ALL",
  "ROUTE_TABLE",
  "SERVICE",
  "VIRTUAL_DESTINATION",
  "EXTERNAL_SERVICE",
  "API_SCHEMA",
  "API_DOC",
  "GRAPHQL_RESOLVER_MAP",
  "GRAPHQL_SCHEMA",
  "GRAPHQL_STITCHED_SCHEMA",
  "EXTERNAL_WORKLOAD",
] as const;

/** A resource filter of an import or export; omitted `kind` means ALL. */
export const typedObjectSelectorSchema = z.looseObject({
  kind: z.enum(typedObjectKinds).optional(),
  labels: labelsSchema.optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  cluster: z.string().optional(),
});
export type TypedObjectSelector = z.infer<typeof typedObjectSelectorSchema>;

/** One import or export rule: which workspaces, and optionally which of their resources. */
export const workspaceObjectSelectorSchema = z.looseObject({
  workspaces: z.array(workspaceSelectorSchema).optional(),
  resources: z.array(typedObjectSelectorSchema).optional(),
});
export type WorkspaceObjectSelector = z.infer<typeof workspaceObjectSelectorSchema>;

/** Where east-west traffic enters a cluster; defaults to Services labelled `istio: eastwestgateway`. */
export const eastWestGatewaySelectorSchema = z.looseObject({
  selector: objectSelectorSchema.optional(),
  port: portSelectorSchema.optional(),
  tlsTerminationPort: portSelectorSchema.optional(),
  hostInfoOverrides: z.array(z.looseObject({ addr: z.string().optional(), port: portNumberSchema.optional() })).optional(),
});
export type EastWestGatewaySelector = z.infer<typeof eastWestGatewaySelectorSchema>;

/** Workspace-wide options: isolation, federation, east-west gateways, client mode, trimming. */
export const workspaceOptionsSchema = z.looseObject({
  serviceIsolation: z
    .looseObject({ enabled: z.boolean().optional(), trimProxyConfig: z.boolean().optional(), enforcementLayers: enforcementLayersSchema.optional() })
    .optional(),
  federation: z
    .looseObject({
      enabled: z.boolean().optional(),
      hostSuffix: z.string().optional(),
      serviceSelector: z.array(objectSelectorSchema).optional(),
      ports: z.array(portSelectorSchema).optional(),
    })
    .optional(),
  eastWestGateways: z.array(eastWestGatewaySelectorSchema).optional(),
  virtualDestClientMode: clientModeSchema.optional(),
  trimAllProxyConfig: z.boolean().optional(),
});
export type WorkspaceOptions = z.infer<typeof workspaceOptionsSchema>;

/** WorkspaceSettings spec: imports, exports and options of one workspace (`global` in the admin namespace applies to all). */
export const workspaceSettingsSpecSchema = z.looseObject({
  importFrom: z.array(workspaceObjectSelectorSchema).optional(),
  exportTo: z.array(workspaceObjectSelectorSchema).optional(),
  options: workspaceOptionsSchema.optional(),
});
export type WorkspaceSettingsSpec = z.infer<typeof workspaceSettingsSpecSchema>;

export const workspaceSettingsKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "WorkspaceSettings",
  plural: "workspacesettings",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "WorkspaceSettings", {
    spec: workspaceSettingsSpecSchema.optional(),
    status: glooStatusSchema({
      workspace: objectReferenceSchema.optional(),
      numSelectedEastWestGateways: intLikeSchema.optional(),
      numFederatedServices: intLikeSchema.optional(),
    }).optional(),
  }),
});
/** The settings of one workspace. */
export type WorkspaceSettings = KindOf<typeof workspaceSettingsKind>;

/** KubernetesCluster spec: the registered cluster's DNS domain and start-up warming. */
export const kubernetesClusterSpecSchema = z.looseObject({ clusterDomain: z.string().optional(), skipWarming: z.boolean().optional() });
export type KubernetesClusterSpec = z.infer<typeof kubernetesClusterSpecSchema>;

/** A Kubernetes-style condition (agent connectivity on KubernetesCluster). */
export const conditionSchema = z.looseObject({
  type: z.string().optional(),
  status: z.string().optional(),
  observedGeneration: intLikeSchema.optional(),
  lastTransitionTime: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

export const kubernetesClusterKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "KubernetesCluster",
  plural: "kubernetesclusters",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "KubernetesCluster", {
    spec: kubernetesClusterSpecSchema.optional(),
    status: glooStatusSchema({ conditions: z.array(conditionSchema).optional() }).optional(),
  }),
});
/** A registered workload cluster; its labels are what `ClusterSelector.selector` matches. */
export type KubernetesCluster = KindOf<typeof kubernetesClusterKind>;

/** Options for a generated CA certificate (kept loose: many optional knobs). */
const certOptionsSchema = z.looseObject({
  ttlDays: z.number().optional(),
  rsaKeySizeBytes: z.number().optional(),
  orgName: z.string().optional(),
  secretRotationGracePeriodRatio: z.number().optional(),
});

/** RootTrustPolicy config: where the shared root of trust comes from (management-server CA xor agent CA). */
export const rootTrustPolicyConfigSchema = z
  .looseObject({
    mgmtServerCa: z
      .looseObject({ generated: certOptionsSchema.optional(), secretRef: z.looseObject({ name: z.string(), namespace: z.string().optional() }).optional() })
      .superRefine(onlyOneOf(["generated", "secretRef"]))
      .optional(),
    agentCa: z.looseObject({}).optional(),
    intermediateCertOptions: certOptionsSchema.optional(),
    autoRestartPods: z.boolean().optional(),
    passiveCertificateAuthorities: z.array(z.looseObject({})).optional(),
  })
  .superRefine(onlyOneOf(["mgmtServerCa", "agentCa"]));
export type RootTrustPolicyConfig = z.infer<typeof rootTrustPolicyConfigSchema>;

/** RootTrustPolicy spec: meshes to federate trust across, and the CA configuration. Replaces v1 VirtualMesh mTLS. */
export const rootTrustPolicySpecSchema = z.looseObject({
  applyToMeshes: z.array(meshSelectorSchema).optional(),
  config: rootTrustPolicyConfigSchema.optional(),
});
export type RootTrustPolicySpec = z.infer<typeof rootTrustPolicySpecSchema>;

export const rootTrustPolicyKind = defineKind({
  group: GROUP,
  versions: VERSIONS,
  kind: "RootTrustPolicy",
  plural: "roottrustpolicies",
  namespaced: true,
  schema: kubeObjectSchema(GROUP, VERSIONS, "RootTrustPolicy", {
    spec: rootTrustPolicySpecSchema.optional(),
    // RootTrustPolicy keeps the older minimal status {observedGeneration, state}.
    status: z.looseObject({ observedGeneration: intLikeSchema.optional(), state: z.string().optional() }).optional(),
  }),
});
/** Shared root of trust for Istio meshes. */
export type RootTrustPolicy = KindOf<typeof rootTrustPolicyKind>;

/** The kinds of `admin.gloo.solo.io` Meshpane models. */
export const kinds: readonly KindDef[] = [workspaceKind, workspaceSettingsKind, kubernetesClusterKind, rootTrustPolicyKind];
