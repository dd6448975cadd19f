import type { KubeObject } from "../model/meta";
import type { TypedObjectSelector } from "../model/gloo-admin";
import { groupKind } from "../model/registry";
import type { ObjectRef } from "../snapshot/ref";

/**
 * The group-kinds workspace resolution reads, and which of them are workspace-scoped Gloo config or
 * exportable (reference §2.4, §3 item 2; gloo-api-details §3.4 rule 4).
 */

/** API groups and group-kinds (`Kind.group`, bare for core kinds) read here. */
export const ADMIN_GROUP = "admin.gloo.solo.io";
export const NETWORKING_GROUP = "networking.gloo.solo.io";
export const APIM_GROUP = "apimanagement.gloo.solo.io";

export const WORKSPACE_GK = groupKind(ADMIN_GROUP, "Workspace");
export const WORKSPACE_SETTINGS_GK = groupKind(ADMIN_GROUP, "WorkspaceSettings");
export const KUBERNETES_CLUSTER_GK = groupKind(ADMIN_GROUP, "KubernetesCluster");
export const NAMESPACE_GK = "Namespace";
export const SERVICE_GK = "Service";
export const ROUTE_TABLE_GK = groupKind(NETWORKING_GROUP, "RouteTable");
export const VIRTUAL_DESTINATION_GK = groupKind(NETWORKING_GROUP, "VirtualDestination");
export const EXTERNAL_SERVICE_GK = groupKind(NETWORKING_GROUP, "ExternalService");
export const EXTERNAL_WORKLOAD_GK = groupKind(NETWORKING_GROUP, "ExternalWorkload");

/** The admin namespace where Workspaces and the `global` WorkspaceSettings live unless configured otherwise. */
export const DEFAULT_ADMIN_NAMESPACE = "gloo-mesh";
/** The name that makes a WorkspaceSettings in the admin namespace the global settings. */
export const GLOBAL_SETTINGS_NAME = "global";

/**
 * TypedObjectSelector kinds → the group-kind they export. `API_SCHEMA` is the 2.1 name of `API_DOC`
 * (renamed in 2.6), so both map to ApiDoc.
 */
const EXPORT_KINDS: Readonly<Record<string, string>> = {
  ROUTE_TABLE: ROUTE_TABLE_GK,
  SERVICE: SERVICE_GK,
  VIRTUAL_DESTINATION: VIRTUAL_DESTINATION_GK,
  EXTERNAL_SERVICE: EXTERNAL_SERVICE_GK,
  API_DOC: groupKind(APIM_GROUP, "ApiDoc"),
  API_SCHEMA: groupKind(APIM_GROUP, "ApiDoc"),
  GRAPHQL_RESOLVER_MAP: groupKind(APIM_GROUP, "GraphQLResolverMap"),
  GRAPHQL_SCHEMA: groupKind(APIM_GROUP, "GraphQLSchema"),
  GRAPHQL_STITCHED_SCHEMA: groupKind(APIM_GROUP, "GraphQLStitchedSchema"),
  EXTERNAL_WORKLOAD: EXTERNAL_WORKLOAD_GK,
};

/** Every exportable group-kind, sorted. Policies, VirtualGateways and workloads are never exportable. */
export const EXPORTABLE_GKS: readonly string[] = [...new Set(Object.values(EXPORT_KINDS))].sort();
const exportable = new Set(EXPORTABLE_GKS);

/** True when objects of this group-kind can cross workspaces through export/import. */
export function isExportable(gk: string): boolean {
  return exportable.has(gk);
}

/** True when a resource filter's kind admits objects of `gk` (ALL or omitted admits every exportable kind). */
export function resourceKindMatches(kind: TypedObjectSelector["kind"], gk: string): boolean {
  if (kind === undefined || kind === "ALL") return exportable.has(gk);
  return EXPORT_KINDS[kind] === gk;
}

/**
 * Gloo config kinds that belong to a workspace only when they sit in one of its config-enabled
 * namespaces: the networking, policy and API-management groups, plus WorkspaceSettings. Other admin kinds
 * (Workspace, KubernetesCluster, RootTrustPolicy) are mesh-wide; v1 groups (`*.mesh.gloo.solo.io`) and
 * Gloo Gateway groups are not workspace config.
 */
export function isWorkspaceConfig(gk: string): boolean {
  if (gk === WORKSPACE_SETTINGS_GK) return true;
  const dot = gk.indexOf(".");
  const group = dot < 0 ? "" : gk.slice(dot + 1);
  return group === NETWORKING_GROUP || group === APIM_GROUP || group.endsWith(".policy.gloo.solo.io");
}

/** The group-kind of a ref. */
export function refGroupKind(ref: Pick<ObjectRef, "group" | "kind">): string {
  return groupKind(ref.group, ref.kind);
}

/**
 * Age order for "the oldest wins" rules: creationTimestamp ascending (RFC 3339 UTC strings compare as
 * text), objects without one after all others, then name, namespace and cluster so the order is total.
 */
export function compareAge(a: { ref: ObjectRef; object: KubeObject }, b: { ref: ObjectRef; object: KubeObject }): number {
  const ta = a.object.metadata.creationTimestamp;
  const tb = b.object.metadata.creationTimestamp;
  if (ta !== tb) {
    if (ta === undefined) return 1;
    if (tb === undefined) return -1;
    return ta < tb ? -1 : 1;
  }
  return cmp(a.ref.name, b.ref.name) || cmp(a.ref.namespace, b.ref.namespace) || cmp(a.ref.cluster, b.ref.cluster);
}

/** Plain string order (not locale-dependent), for deterministic output. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `spec` of an object as a record, or an empty one when absent or not an object. */
export function specOf<T>(obj: KubeObject): Partial<T> {
  const spec = obj.spec;
  return typeof spec === "object" && spec !== null && !Array.isArray(spec) ? (spec as Partial<T>) : {};
}
