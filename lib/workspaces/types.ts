import type { WorkspaceObjectSelector, WorkspaceOptions } from "../model/gloo-admin";
import type { KubeObject } from "../model/meta";
import type { ObjectRef } from "../snapshot/ref";
import type { VisibilityReason } from "./explain";
import type { Finding } from "./findings";

/** Plain-data results of workspace resolution (reference §3), shaped for the API and the graph. */

/** One (cluster, namespace) a workspace selects. */
export interface NamespaceMembership {
  cluster: string;
  namespace: string;
  /** Gloo config objects are read from this namespace (effective `configEnabled`). */
  configEnabled: boolean;
  /** Other workspaces that select the same namespace; when non-empty, no workspace owns it. */
  contestedWith: string[];
}

/** The settings in effect for one workspace. */
export interface WorkspaceSettingsInfo {
  /** The workspace's own WorkspaceSettings (the oldest when there are several). */
  ref: ObjectRef;
  importFrom: WorkspaceObjectSelector[];
  exportTo: WorkspaceObjectSelector[];
  /** The workspace's options with the global settings' options merged over them (see WORKSPACE_NOTES). */
  options: WorkspaceOptions;
  /** The global WorkspaceSettings merged in, if any. */
  global: ObjectRef | null;
}

/** One workspace and what it selects. */
export interface WorkspaceInfo {
  name: string;
  ref: ObjectRef;
  labels: Record<string, string>;
  /** Clusters where it selects at least one namespace, sorted. */
  clusters: string[];
  /** Selected namespaces, by cluster then name (contested ones included and marked). */
  namespaces: NamespaceMembership[];
  settings: WorkspaceSettingsInfo | null;
}

/** An object that belongs (or could belong) to a workspace: Services and Gloo workspace config. */
export interface CatalogEntry {
  ref: ObjectRef;
  /** `refKey(ref)`. */
  key: string;
  /** Group-kind (`RouteTable.networking.gloo.solo.io`, `Service`). */
  gk: string;
  object: KubeObject;
  /** The owning workspace, or null when the namespace has no single owner or is not config-enabled. */
  owner: string | null;
  /** True for kinds that may cross workspaces (reference §3 item 2). */
  exportable: boolean;
}

/** An object a workspace can use: its own or imported. */
export interface VisibleObject {
  ref: ObjectRef;
  owner: string;
  imported: boolean;
}

/** An owned object that flows to other workspaces. */
export interface ExportedObject {
  ref: ObjectRef;
  /** Workspaces that actually receive it (both sides agree), sorted. */
  to: string[];
}

/** An object a workspace receives from another. */
export interface ImportedObject {
  ref: ObjectRef;
  from: string;
}

/** How many objects of one kind flow along an edge. */
export interface KindCount {
  group: string;
  kind: string;
  count: number;
}

/** What flows from one workspace to another: only objects both sides agree on. */
export interface WorkspaceEdge {
  from: string;
  to: string;
  kinds: KindCount[];
  objects: ObjectRef[];
}

/**
 * A declared relationship between two workspaces, flowing or not: which exportTo entries of `from`
 * select `to` and which importFrom entries of `to` select `from` (indexes into the settings lists).
 * One-sided agreements (an empty list on either side) let nothing through.
 */
export interface WorkspaceAgreement {
  from: string;
  to: string;
  exportRules: number[];
  importRules: number[];
  /** Number of objects flowing (0 when one side is missing or the filters disagree). */
  flowing: number;
}

/** Options of `resolveWorkspaces`. */
export interface ResolveOptions {
  /** Namespace of Workspaces and the global WorkspaceSettings on the management cluster (default `gloo-mesh`). */
  adminNamespace?: string;
}

/**
 * The resolved workspaces of one snapshot, with Map-backed lookups. Build it once per snapshot version
 * with `resolveWorkspaces`; every lookup is O(1) or proportional to its answer.
 */
export interface WorkspaceIndex {
  /** Workspaces by name. */
  workspaces: readonly WorkspaceInfo[];
  /** Flows between workspaces, by (from, to). */
  edges: readonly WorkspaceEdge[];
  /** Declared import/export relationships, flowing or not, by (from, to). */
  agreements: readonly WorkspaceAgreement[];
  /** Every membership, settings and import/export finding, sorted. */
  findings: readonly Finding[];
  /** The global WorkspaceSettings, if any. */
  globalSettings: ObjectRef | null;
  adminNamespace: string;
  workspace(name: string): WorkspaceInfo | undefined;
  /** The single owner of a namespace, or undefined when none or contested. */
  workspaceOfNamespace(cluster: string, namespace: string): string | undefined;
  /** Every workspace that selects a namespace (two or more means an overlap), sorted. */
  namespaceClaims(cluster: string, namespace: string): readonly string[];
  /** True when the namespace has a single owner that reads Gloo config from it. */
  isConfigEnabled(cluster: string, namespace: string): boolean;
  /** Workspaces that select at least one namespace of a cluster, sorted. */
  workspacesOfCluster(cluster: string): readonly string[];
  /** The workspace an object belongs to (Gloo config only from config-enabled namespaces), if any. */
  workspaceOfObject(ref: ObjectRef): string | undefined;
  /** The catalog entry of a Service or Gloo workspace config object. */
  entry(ref: ObjectRef): CatalogEntry | undefined;
  /** Objects a workspace owns (Services and Gloo config), sorted. */
  ownedBy(workspace: string): readonly CatalogEntry[];
  /** True when `toWorkspace` owns the object or imports it with the owner's agreement. */
  isVisible(ref: ObjectRef, toWorkspace: string): boolean;
  /** Why an object is or is not visible to a workspace (which side of import/export is missing). */
  explainVisibility(ref: ObjectRef, toWorkspace: string): VisibilityReason;
  /** Own and imported objects of a workspace, by group-kind, each list sorted. */
  visibleTo(workspace: string): ReadonlyMap<string, readonly VisibleObject[]>;
  /** Owned objects that flow to at least one other workspace. */
  exportedBy(workspace: string): readonly ExportedObject[];
  /** Objects received from other workspaces. */
  importedBy(workspace: string): readonly ImportedObject[];
  /** Findings that concern a workspace. */
  findingsOf(workspace: string): readonly Finding[];
}
