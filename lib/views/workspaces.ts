import type { AttachedPolicy, AttachmentIndex, RouteInfo } from "../policies/types";
import { countFindings, type FindingCounts, type Severity } from "../snapshot/finding";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { cmp } from "../workspaces/kinds";
import type { Finding } from "../workspaces/findings";
import { sortFindings } from "../workspaces/findings";
import type { NamespaceMembership, WorkspaceAgreement, WorkspaceIndex, WorkspaceSettingsInfo } from "../workspaces/types";

/**
 * What `GET /api/v1/workspaces` and `GET /api/v1/workspaces/{name}` answer: plain data shaped from the
 * workspace index and policy attachment. Shared by the server and the browser.
 */

export type { FindingCounts } from "../snapshot/finding";
export { countFindings } from "../snapshot/finding";

/** One workspace in the list; `cluster`/`namespace`/`name` locate its Workspace object. */
export interface WorkspaceListItem {
  cluster: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  clusters: string[];
  namespaceCount: number;
  configNamespaceCount: number;
  settings: ObjectRef | null;
  counts: { owned: number; exported: number; imported: number; private: number; routeTables: number; destinations: number; policies: number };
  /** Workspaces it receives objects from / sends objects to (both sides agree), sorted. */
  importsFrom: string[];
  exportsTo: string[];
  findings: FindingCounts;
  /** Every validation diagnostic placed in the workspace (what /validations?workspace= lists), by severity. */
  diagnostics: FindingCounts;
}

/** An owned object: to whom it flows, and (for destinations) the policies on it. */
export interface OwnedObjectView {
  ref: ObjectRef;
  exportedTo: string[];
  policies: AttachedPolicy[];
}

/** An imported object and its owner. */
export interface ImportedObjectView {
  ref: ObjectRef;
  from: string;
}

/** One HTTP route of an owned RouteTable with the policies on it (in effect or overridden). */
export interface RouteView extends RouteInfo {
  policies: AttachedPolicy[];
}

/** The workspace detail. */
export interface WorkspaceDetailView {
  cluster: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  clusters: { name: string; namespaces: NamespaceMembership[] }[];
  settings: WorkspaceSettingsInfo | null;
  owned: OwnedObjectView[];
  /** Owned objects that flow to at least one workspace. */
  exported: OwnedObjectView[];
  /** Owned objects that flow nowhere (every policy is private). */
  private: OwnedObjectView[];
  imported: ImportedObjectView[];
  routes: RouteView[];
  /** Declared import/export relationships this workspace takes part in, flowing or not. */
  agreements: WorkspaceAgreement[];
  /** Membership, settings, import/export, policy and route findings that concern it. */
  findings: Finding[];
}

/** Lists workspaces (all, or those in `scope`), by name. */
export function listWorkspaces(
  index: WorkspaceIndex, attachment: AttachmentIndex, scope?: ReadonlySet<string>, diagnostics: readonly { workspace: string | null; severity: Severity }[] = [],
): WorkspaceListItem[] {
  const policies = new Map<string, number>();
  for (const p of attachment.policies) policies.set(p.workspace, (policies.get(p.workspace) ?? 0) + 1);
  const placed = new Map<string, FindingCounts>();
  for (const d of diagnostics) {
    if (d.workspace === null) continue;
    const counts = placed.get(d.workspace) ?? countFindings([]);
    counts[d.severity]++;
    placed.set(d.workspace, counts);
  }
  return index.workspaces.filter((ws) => !scope || scope.has(ws.name)).map((ws) => {
    const owned = index.ownedBy(ws.name);
    const exported = index.exportedBy(ws.name);
    const imported = index.importedBy(ws.name);
    return {
      cluster: ws.ref.cluster, namespace: ws.ref.namespace, name: ws.name, labels: ws.labels, clusters: ws.clusters,
      namespaceCount: ws.namespaces.length, configNamespaceCount: ws.namespaces.filter((n) => n.configEnabled && n.contestedWith.length === 0).length,
      settings: ws.settings?.ref ?? null,
      counts: {
        owned: owned.length, exported: exported.length, imported: imported.length, private: owned.length - exported.length,
        routeTables: owned.filter((e) => e.ref.kind === "RouteTable").length,
        destinations: owned.filter((e) => e.ref.kind === "Service" || e.ref.kind === "VirtualDestination" || e.ref.kind === "ExternalService").length,
        policies: policies.get(ws.name) ?? 0,
      },
      importsFrom: unique(imported.map((i) => i.from)),
      exportsTo: unique(exported.flatMap((e) => e.to)),
      findings: countFindings(findingsOf(index, attachment, ws.name)),
      diagnostics: placed.get(ws.name) ?? countFindings([]),
    };
  });
}

/** The detail of one workspace, or undefined when there is none by that name. */
export function workspaceDetail(index: WorkspaceIndex, attachment: AttachmentIndex, name: string): WorkspaceDetailView | undefined {
  const ws = index.workspace(name);
  if (!ws) return undefined;
  const flowsTo = new Map(index.exportedBy(name).map((e) => [refKey(e.ref), e.to] as const));
  const owned = index.ownedBy(name).map((e): OwnedObjectView => ({ ref: e.ref, exportedTo: flowsTo.get(refKey(e.ref)) ?? [], policies: [...attachment.onDestination(e.ref)] }));
  return {
    cluster: ws.ref.cluster, namespace: ws.ref.namespace, name, labels: ws.labels,
    clusters: ws.clusters.map((c) => ({ name: c, namespaces: ws.namespaces.filter((n) => n.cluster === c) })),
    settings: ws.settings,
    owned,
    exported: owned.filter((o) => o.exportedTo.length > 0),
    private: owned.filter((o) => o.exportedTo.length === 0),
    imported: index.importedBy(name).map((i) => ({ ref: i.ref, from: i.from })),
    routes: attachment.routes.filter((r) => r.workspace === name).map((r) => ({ ...r, policies: [...attachment.onRoute(r.key)] })),
    agreements: index.agreements.filter((a) => a.from === name || a.to === name),
    findings: findingsOf(index, attachment, name),
  };
}

/** Workspace and attachment findings of one workspace, in the one stable order. */
export function findingsOf(index: WorkspaceIndex, attachment: AttachmentIndex, name: string): Finding[] {
  return sortFindings([...index.findingsOf(name), ...attachment.findingsOf(name)]);
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)].sort(cmp);
}
