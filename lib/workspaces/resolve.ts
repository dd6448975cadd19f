import { compareRefs, refKey, type ObjectRef } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { buildCatalog, type Catalog } from "./catalog";
import { push } from "./collections";
import { explainVisibility } from "./explain";
import { indexFindingsByWorkspace, sortFindings, type Finding } from "./findings";
import { ADMIN_GROUP, DEFAULT_ADMIN_NAMESPACE, cmp, isWorkspaceConfig, refGroupKind } from "./kinds";
import { nsKey, readWorkspaces, resolveMembership, type Membership } from "./membership";
import { buildClusterCatalog } from "./namespaces";
import { findGlobalSettings, resolveSettings } from "./settings";
import type { ResolveOptions, VisibleObject, WorkspaceIndex, WorkspaceInfo, WorkspaceSettingsInfo } from "./types";
import { pairKey, resolveVisibility, type Visibility } from "./visibility";

/**
 * Resolves every workspace of a snapshot: membership, settings, visibility through import/export, and
 * findings (reference §2.3–2.4, §3). Pure and deterministic; cost is linear in objects plus
 * (declared workspace pairs × exporter objects), never objects × objects.
 */
export function resolveWorkspaces(snapshot: Snapshot, options: ResolveOptions = {}): WorkspaceIndex {
  const adminNamespace = options.adminNamespace ?? DEFAULT_ADMIN_NAMESPACE;
  const findings: Finding[] = [];
  const membership = resolveMembership(readWorkspaces(snapshot, findings), buildClusterCatalog(snapshot), findings);
  const global = findGlobalSettings(snapshot, adminNamespace);
  const catalog = buildCatalog(snapshot, membership, global ? refKey(global.ref) : null, findings);
  const settings = resolveSettings(membership, catalog, global, findings);
  const visibility = resolveVisibility(membership, catalog, settings, findings);
  sortFindings(findings);
  return buildIndex({ membership, catalog, settings, visibility, findings, globalRef: global?.ref ?? null, adminNamespace });
}

interface Parts {
  membership: Membership;
  catalog: Catalog;
  settings: Map<string, WorkspaceSettingsInfo>;
  visibility: Visibility;
  findings: Finding[];
  globalRef: ObjectRef | null;
  adminNamespace: string;
}

function buildIndex(p: Parts): WorkspaceIndex {
  const { membership, catalog, visibility } = p;
  const workspaces = membership.workspaces.map((ws): WorkspaceInfo => {
    const namespaces = membership.byWorkspace.get(ws.name) ?? [];
    return { name: ws.name, ref: ws.ref, labels: ws.labels, clusters: [...new Set(namespaces.map((n) => n.cluster))].sort(cmp), namespaces, settings: p.settings.get(ws.name) ?? null };
  });
  const byName = new Map(workspaces.map((w) => [w.name, w] as const));
  const byCluster = new Map<string, string[]>();
  for (const ws of workspaces) for (const c of ws.clusters) push(byCluster, c, ws.name);
  const findingsByWs = indexFindingsByWorkspace(p.findings);
  const visibleCache = new Map<string, ReadonlyMap<string, readonly VisibleObject[]>>();
  const workspaceOfObject = (ref: ObjectRef) => ownerOfRef(ref, catalog, membership);
  return {
    workspaces,
    edges: visibility.edges,
    agreements: visibility.agreements,
    findings: p.findings,
    globalSettings: p.globalRef,
    adminNamespace: p.adminNamespace,
    workspace: (name) => byName.get(name),
    workspaceOfNamespace: (cluster, namespace) => membership.owners.get(nsKey(cluster, namespace))?.workspace,
    namespaceClaims: (cluster, namespace) => membership.claims.get(nsKey(cluster, namespace)) ?? [],
    isConfigEnabled: (cluster, namespace) => membership.owners.get(nsKey(cluster, namespace))?.configEnabled ?? false,
    workspacesOfCluster: (cluster) => byCluster.get(cluster) ?? [],
    workspaceOfObject,
    entry: (ref) => catalog.entries.get(refKey(ref)),
    ownedBy: (ws) => catalog.byOwner.get(ws) ?? [],
    isVisible: (ref, to) => {
      const key = refKey(ref);
      const owner = ownerOfRef(ref, catalog, membership, key);
      if (owner === undefined) return false;
      return owner === to || (visibility.flows.get(pairKey(owner, to))?.has(key) ?? false);
    },
    visibleTo: (ws) => {
      let v = visibleCache.get(ws);
      if (!v) visibleCache.set(ws, (v = buildVisible(ws, catalog, visibility)));
      return v;
    },
    explainVisibility: (ref, to) => explainVisibility(ref, to, { entry: (r) => catalog.entries.get(refKey(r)), workspace: (n) => byName.get(n), workspaceOfObject }),
    exportedBy: (ws) => visibility.exported.get(ws) ?? [],
    importedBy: (ws) => visibility.imported.get(ws) ?? [],
    findingsOf: (ws) => findingsByWs.get(ws) ?? [],
  };
}

/**
 * The workspace of any ref: catalogued objects answer from the catalog; otherwise Gloo workspace config
 * belongs to the owner of a config-enabled namespace, other namespaced objects (workloads) to the
 * namespace's owner, and mesh-wide admin kinds and cluster-scoped objects to none.
 */
function ownerOfRef(ref: ObjectRef, catalog: Catalog, membership: Membership, key = refKey(ref)): string | undefined {
  const entry = catalog.entries.get(key);
  if (entry) return entry.owner ?? undefined;
  if (ref.namespace === "") return undefined;
  const gk = refGroupKind(ref);
  const owner = membership.owners.get(nsKey(ref.cluster, ref.namespace));
  if (isWorkspaceConfig(gk)) return owner?.configEnabled ? owner.workspace : undefined;
  if (ref.group === ADMIN_GROUP) return undefined;
  return owner?.workspace;
}

function buildVisible(ws: string, catalog: Catalog, visibility: Visibility): ReadonlyMap<string, readonly VisibleObject[]> {
  const byKind = new Map<string, VisibleObject[]>();
  for (const e of catalog.byOwner.get(ws) ?? []) push(byKind, e.gk, { ref: e.ref, owner: ws, imported: false });
  for (const i of visibility.imported.get(ws) ?? []) {
    const e = catalog.entries.get(refKey(i.ref));
    if (e) push(byKind, e.gk, { ref: i.ref, owner: i.from, imported: true });
  }
  for (const list of byKind.values()) list.sort((a, b) => compareRefs(a.ref, b.ref) || cmp(a.owner, b.owner));
  return new Map([...byKind.entries()].sort(([a], [b]) => cmp(a, b)));
}
