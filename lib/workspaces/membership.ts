import type { Workspace } from "../model/gloo-admin";
import type { ClusterSelector } from "../model/gloo-common";
import { refOf, type ObjectRef } from "../snapshot/ref";
import { objectsOf, type Snapshot } from "../snapshot/snapshot";
import { makeFinding, type Finding } from "./findings";
import { WORKSPACE_GK, cmp, specOf } from "./kinds";
import { selectClusters, selectNamespaces, type ClusterCatalog } from "./namespaces";
import type { NamespaceMembership } from "./types";

/**
 * Workspace membership (reference §2.3, §3 item 1; gloo-api-details §3.1–3.2): which (cluster, namespace)
 * pairs each workspace selects, which of them are config-enabled, and who owns each namespace.
 */

/** A Workspace object as read from the management cluster. */
export interface WorkspaceDecl {
  name: string;
  ref: ObjectRef;
  object: Workspace;
  labels: Record<string, string>;
}

/** The owner of one namespace (absent from the map when no workspace or several select it). */
export interface NamespaceOwner {
  workspace: string;
  configEnabled: boolean;
}

/** Who selects and who owns every namespace, plus membership findings. */
export interface Membership {
  /** Workspaces by name (duplicates dropped). */
  workspaces: WorkspaceDecl[];
  /** `cluster/namespace` → the workspaces selecting it, sorted. */
  claims: Map<string, string[]>;
  owners: Map<string, NamespaceOwner>;
  byWorkspace: Map<string, NamespaceMembership[]>;
  findings: Finding[];
}

/** The key of a namespace in membership maps. */
export function nsKey(cluster: string, namespace: string): string {
  return `${cluster}/${namespace}`;
}

/**
 * Reads the Workspaces of the management clusters, by name. Gloo keys workspaces by name, so a second
 * object with the same name (another namespace or management cluster) is dropped with a finding.
 */
export function readWorkspaces(snapshot: Snapshot, findings: Finding[]): WorkspaceDecl[] {
  const all: WorkspaceDecl[] = [];
  for (const cluster of snapshot.clusters.filter((c) => c.management)) {
    for (const object of objectsOf<Workspace>(cluster, WORKSPACE_GK)) {
      all.push({ name: object.metadata.name, ref: refOf(cluster.name, object), object, labels: object.metadata.labels ?? {} });
    }
  }
  all.sort((a, b) => cmp(a.name, b.name) || cmp(a.ref.cluster, b.ref.cluster) || cmp(a.ref.namespace, b.ref.namespace));
  const out: WorkspaceDecl[] = [];
  for (const ws of all) {
    const first = out[out.length - 1];
    if (first && first.name === ws.name) {
      findings.push(makeFinding("WS_DUPLICATE_NAME", `Workspace name ${ws.name} must be unique; ${first.ref.namespace}/${first.name} (cluster ${first.ref.cluster}) is used and this one is ignored`, [ws.ref, first.ref], "metadata.name", [ws.name]));
      continue;
    }
    out.push(ws);
  }
  return out;
}

/** Selects the namespaces of every workspace and decides ownership. */
export function resolveMembership(workspaces: WorkspaceDecl[], catalog: ClusterCatalog, findings: Finding[]): Membership {
  const selected = new Map<string, Map<string, boolean>>();
  for (const ws of workspaces) selected.set(ws.name, selectWorkspaceNamespaces(ws, catalog, findings));
  const claims = new Map<string, string[]>();
  for (const ws of workspaces) {
    for (const key of selected.get(ws.name)?.keys() ?? []) {
      const list = claims.get(key);
      if (list) list.push(ws.name);
      else claims.set(key, [ws.name]);
    }
  }
  const owners = new Map<string, NamespaceOwner>();
  const byWorkspace = new Map<string, NamespaceMembership[]>();
  for (const ws of workspaces) {
    const members: NamespaceMembership[] = [];
    for (const [key, configEnabled] of selected.get(ws.name) ?? []) {
      const claimants = claims.get(key) ?? [];
      const [cluster = "", namespace = ""] = splitKey(key);
      members.push({ cluster, namespace, configEnabled, contestedWith: claimants.filter((c) => c !== ws.name) });
      if (claimants.length === 1) owners.set(key, { workspace: ws.name, configEnabled });
    }
    byWorkspace.set(ws.name, members.sort((a, b) => cmp(a.cluster, b.cluster) || cmp(a.namespace, b.namespace)));
  }
  reportOverlaps(claims, workspaces, findings);
  return { workspaces, claims, owners, byWorkspace, findings };
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf("/");
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/**
 * The namespaces one workspace selects, with their effective configEnabled. Entries are ORed; a
 * namespace selected by two entries is config-enabled if either says so.
 */
function selectWorkspaceNamespaces(ws: WorkspaceDecl, catalog: ClusterCatalog, findings: Finding[]): Map<string, boolean> {
  const entries = specOf<{ workloadClusters: ClusterSelector[] }>(ws.object).workloadClusters ?? [];
  const clusterExplicit = entries.some((e) => e.configEnabled !== undefined);
  const out = new Map<string, boolean>();
  entries.forEach((entry, i) => {
    const field = `spec.workloadClusters[${i}]`;
    const namespaces = entry.namespaces ?? [];
    if (namespaces.length === 0) {
      findings.push(makeFinding("WS_CLUSTER_NO_NAMESPACES", `workloadClusters[${i}] of workspace ${ws.name} must list at least one namespace; it selects nothing`, [ws.ref], `${field}.namespaces`, [ws.name]));
      return;
    }
    if (clusterExplicit && entry.configEnabled === undefined) {
      findings.push(makeFinding("WS_CONFIG_ENABLED_INCONSISTENT", `configEnabled must be set on every workloadClusters entry of workspace ${ws.name} once one sets it; unset here, so it counts as false`, [ws.ref], `${field}.configEnabled`, [ws.name]));
    }
    // Omitted everywhere ⇒ true everywhere; once set on a sibling, an unset entry reads as false (the protobuf default).
    const clusterEnabled = entry.configEnabled ?? !clusterExplicit;
    const nsExplicit = namespaces.some((n) => n.configEnabled !== undefined);
    let matched = 0;
    for (const cluster of selectClusters(catalog, entry)) {
      for (const nsSel of namespaces) {
        const enabled = nsSel.configEnabled ?? (nsExplicit ? false : clusterEnabled);
        for (const name of selectNamespaces(catalog.namespaces.get(cluster), nsSel)) {
          const key = nsKey(cluster, name);
          out.set(key, (out.get(key) ?? false) || enabled);
          matched++;
        }
      }
    }
    namespaces.forEach((nsSel, j) => {
      if (nsExplicit && nsSel.configEnabled === undefined) {
        findings.push(makeFinding("WS_CONFIG_ENABLED_INCONSISTENT", `configEnabled must be set on every namespace of workloadClusters[${i}] of workspace ${ws.name} once one sets it; unset here, so it counts as false`, [ws.ref], `${field}.namespaces[${j}].configEnabled`, [ws.name]));
      }
    });
    if (matched === 0) {
      findings.push(makeFinding("WS_ENTRY_UNMATCHED", `workloadClusters[${i}] of workspace ${ws.name} selects no namespace in any registered cluster; it should match at least one to have an effect`, [ws.ref], field, [ws.name]));
    }
  });
  return out;
}

/** One finding per contested namespace, naming every claimant. */
function reportOverlaps(claims: Map<string, string[]>, workspaces: WorkspaceDecl[], findings: Finding[]): void {
  const refs = new Map(workspaces.map((w) => [w.name, w.ref] as const));
  for (const [key, claimants] of claims) {
    if (claimants.length < 2) continue;
    const [cluster, namespace] = splitKey(key);
    const objects = claimants.map((c) => refs.get(c)).filter((r): r is ObjectRef => r !== undefined);
    findings.push(makeFinding(
      "WS_NAMESPACE_OVERLAP",
      `namespace ${namespace} in cluster ${cluster} must belong to one workspace only; it is selected by ${claimants.join(", ")}, so Meshpane assigns it to none of them`,
      objects, "spec.workloadClusters", claimants,
    ));
  }
}
