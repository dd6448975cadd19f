import { compareRefs, refKey, refOf } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { push } from "./collections";
import { describeRef, makeFinding, type Finding } from "./findings";
import { SERVICE_GK, WORKSPACE_SETTINGS_GK, cmp, isExportable, isWorkspaceConfig } from "./kinds";
import { nsKey, type Membership } from "./membership";
import type { CatalogEntry } from "./types";

/**
 * The objects workspaces own: every Service (it belongs to its namespace's owner, config-enabled or not)
 * and every Gloo workspace config object (it belongs to a workspace only from a config-enabled namespace,
 * reference §2.3). Workloads are not catalogued: they are never exported and discovery already lists them.
 */
export interface Catalog {
  entries: Map<string, CatalogEntry>;
  /** Owned entries per workspace, sorted by ref. */
  byOwner: Map<string, CatalogEntry[]>;
}

/**
 * Builds the catalog and reports Gloo config that no workspace reads. WorkspaceSettings placement is
 * reported by the settings step (its own codes); `globalKey` is the global settings, which belongs to no
 * workspace on purpose.
 */
export function buildCatalog(snapshot: Snapshot, membership: Membership, globalKey: string | null, findings: Finding[]): Catalog {
  const entries = new Map<string, CatalogEntry>();
  const byOwner = new Map<string, CatalogEntry[]>();
  for (const cluster of snapshot.clusters) {
    const gks = [...cluster.byKind.keys()].filter((gk) => gk === SERVICE_GK || isWorkspaceConfig(gk)).sort(cmp);
    for (const gk of gks) {
      for (const object of cluster.byKind.get(gk) ?? []) {
        const namespace = object.metadata.namespace ?? "";
        if (namespace === "") continue;
        const ref = refOf(cluster.name, object);
        const key = refKey(ref);
        if (entries.has(key)) continue;
        const owner = key === globalKey ? null : ownerOf(gk, ref.cluster, namespace, membership);
        const entry: CatalogEntry = { ref, key, gk, object, owner, exportable: isExportable(gk) };
        entries.set(key, entry);
        if (owner !== null) push(byOwner, owner, entry);
        else if (gk !== SERVICE_GK && gk !== WORKSPACE_SETTINGS_GK && key !== globalKey) reportUnread(entry, membership, findings);
      }
    }
  }
  for (const list of byOwner.values()) list.sort((a, b) => compareRefs(a.ref, b.ref));
  return { entries, byOwner };
}

function ownerOf(gk: string, cluster: string, namespace: string, membership: Membership): string | null {
  const owner = membership.owners.get(nsKey(cluster, namespace));
  if (!owner) return null;
  if (gk === SERVICE_GK) return owner.workspace;
  return owner.configEnabled ? owner.workspace : null;
}

/** Says why Gloo does not read a config object: its namespace is not config-enabled, contested, or in no workspace. */
function reportUnread(entry: CatalogEntry, membership: Membership, findings: Finding[]): void {
  const { cluster, namespace } = entry.ref;
  const key = nsKey(cluster, namespace);
  const owner = membership.owners.get(key);
  const what = describeRef(entry.ref);
  if (owner) {
    findings.push(makeFinding("WS_CONFIG_NOT_ENABLED", `${what} must live in a config-enabled namespace of workspace ${owner.workspace}; namespace ${namespace} is not config-enabled, so Gloo ignores it`, [entry.ref], "metadata.namespace", [owner.workspace]));
    return;
  }
  const claimants = membership.claims.get(key) ?? [];
  const why = claimants.length > 1 ? `namespace ${namespace} is contested by ${claimants.join(", ")}` : `namespace ${namespace} in cluster ${cluster} belongs to no workspace`;
  findings.push(makeFinding("WS_OBJECT_UNOWNED", `${what} must live in a config-enabled namespace of exactly one workspace; ${why}, so Gloo ignores it`, [entry.ref], "metadata.namespace", claimants));
}
