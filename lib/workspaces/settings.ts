import type { WorkspaceOptions, WorkspaceSettings, WorkspaceSettingsSpec } from "../model/gloo-admin";
import type { KubeObject } from "../model/meta";
import { refKey, refOf, type ObjectRef } from "../snapshot/ref";
import { objectsOf, type Snapshot } from "../snapshot/snapshot";
import type { Catalog } from "./catalog";
import { push } from "./collections";
import { describeRef, makeFinding, type Finding } from "./findings";
import { GLOBAL_SETTINGS_NAME, WORKSPACE_SETTINGS_GK, compareAge, specOf } from "./kinds";
import { nsKey, type Membership } from "./membership";
import type { WorkspaceSettingsInfo } from "./types";

/**
 * WorkspaceSettings (reference §2.4; gloo-api-details §3.3): exactly one per workspace, in one of its
 * config-enabled namespaces; a `global` object in the admin namespace applies to every workspace.
 */

/** The global settings object: named `global`, in the admin namespace of a management cluster. */
export interface GlobalSettings {
  ref: ObjectRef;
  object: KubeObject;
}

/** Finds the global settings; with several management clusters, the first by cluster name is used. */
export function findGlobalSettings(snapshot: Snapshot, adminNamespace: string): GlobalSettings | null {
  for (const cluster of snapshot.clusters.filter((c) => c.management)) {
    const object = objectsOf(cluster, WORKSPACE_SETTINGS_GK).find((o) => o.metadata.name === GLOBAL_SETTINGS_NAME && o.metadata.namespace === adminNamespace);
    if (object) return { ref: refOf(cluster.name, object), object };
  }
  return null;
}

/**
 * Associates each workspace with its settings and merges the global options over them. Settings outside
 * every workspace's config-enabled namespaces are reported; so are missing and duplicate settings.
 */
export function resolveSettings(membership: Membership, catalog: Catalog, global: GlobalSettings | null, findings: Finding[]): Map<string, WorkspaceSettingsInfo> {
  const globalKey = global ? refKey(global.ref) : null;
  const candidates = new Map<string, { ref: ObjectRef; object: KubeObject }[]>();
  for (const entry of catalog.entries.values()) {
    if (entry.gk !== WORKSPACE_SETTINGS_GK || entry.key === globalKey) continue;
    if (entry.owner !== null) push(candidates, entry.owner, entry);
    else reportOutside(entry.ref, membership, findings);
  }
  const globalSpec = global ? specOf<WorkspaceSettingsSpec>(global.object) : undefined;
  if (global && globalSpec && ((globalSpec.importFrom ?? []).length > 0 || (globalSpec.exportTo ?? []).length > 0)) {
    findings.push(makeFinding("WS_GLOBAL_IMPORT_EXPORT", `the global WorkspaceSettings should carry options only: Meshpane does not apply its importFrom/exportTo to any workspace (merge rules unknown)`, [global.ref], "spec", []));
  }
  const out = new Map<string, WorkspaceSettingsInfo>();
  for (const ws of membership.workspaces) {
    const list = (candidates.get(ws.name) ?? []).sort(compareAge);
    const chosen = list[0];
    if (!chosen) {
      findings.push(makeFinding("WS_SETTINGS_MISSING", `workspace ${ws.name} must have one WorkspaceSettings in one of its config-enabled namespaces; without it the workspace imports and exports nothing`, [ws.ref], "", [ws.name]));
      continue;
    }
    if (list.length > 1) {
      const others = list.slice(1).map((c) => describeRef(c.ref)).join(", ");
      findings.push(makeFinding("WS_SETTINGS_DUPLICATE", `workspace ${ws.name} must have exactly one WorkspaceSettings; the oldest, ${describeRef(chosen.ref)}, is used and ${others} ignored`, [...list.slice(1).map((c) => c.ref), chosen.ref], "", [ws.name]));
    }
    out.set(ws.name, settingsInfo(chosen, global, globalSpec));
  }
  return out;
}

function settingsInfo(chosen: { ref: ObjectRef; object: KubeObject }, global: GlobalSettings | null, globalSpec: Partial<WorkspaceSettingsSpec> | undefined): WorkspaceSettingsInfo {
  const spec = specOf<WorkspaceSettingsSpec>(chosen.object as WorkspaceSettings);
  return {
    ref: chosen.ref,
    importFrom: spec.importFrom ?? [],
    exportTo: spec.exportTo ?? [],
    options: mergeOptions(spec.options, globalSpec?.options),
    global: global ? global.ref : null,
  };
}

function reportOutside(ref: ObjectRef, membership: Membership, findings: Finding[]): void {
  const key = nsKey(ref.cluster, ref.namespace);
  const owner = membership.owners.get(key);
  const claimants = membership.claims.get(key) ?? [];
  const why = owner
    ? `namespace ${ref.namespace} of workspace ${owner.workspace} is not config-enabled`
    : claimants.length > 1
      ? `namespace ${ref.namespace} is contested by ${claimants.join(", ")}`
      : `namespace ${ref.namespace} in cluster ${ref.cluster} belongs to no workspace`;
  findings.push(makeFinding("WS_SETTINGS_OUTSIDE", `${describeRef(ref)} must live in a config-enabled namespace of its workspace; ${why}, so Gloo ignores it`, [ref], "metadata.namespace", owner ? [owner.workspace] : claimants));
}

/**
 * Global options override the workspace's where both set a value (reference §2.4, precedence "global
 * wins"; the merge granularity is UNKNOWN). Chosen: a deep merge of plain objects where every value the
 * global settings set wins, and lists (eastWestGateways, serviceSelector, ports) are replaced as a whole.
 */
export function mergeOptions(own: WorkspaceOptions | undefined, global: WorkspaceOptions | undefined): WorkspaceOptions {
  return mergeDeep(own ?? {}, global ?? {}) as WorkspaceOptions;
}

function mergeDeep(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeDeep(base[k], v) : v;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
