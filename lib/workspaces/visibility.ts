import type { WorkspaceObjectSelector } from "../model/gloo-admin";
import { compareRefs, refKey } from "../snapshot/ref";
import type { Catalog } from "./catalog";
import { push } from "./collections";
import { makeFinding, type Finding } from "./findings";
import { cmp } from "./kinds";
import type { Membership, WorkspaceDecl } from "./membership";
import { entryAdmits, selectWorkspaces } from "./selectors";
import type { CatalogEntry, ExportedObject, ImportedObject, KindCount, WorkspaceAgreement, WorkspaceEdge, WorkspaceSettingsInfo } from "./types";

/**
 * Cross-workspace visibility (reference §3 item 2; gloo-api-details §3.4): an exportable object of A is
 * visible in B only when an exportTo entry of A selects B and admits the object AND an importFrom entry
 * of B selects A and admits the object. Policies are never exportable, so they never cross.
 */
export interface Visibility {
  agreements: WorkspaceAgreement[];
  edges: WorkspaceEdge[];
  /** `from → to` pair key → keys of the objects flowing. */
  flows: Map<string, Set<string>>;
  exported: Map<string, ExportedObject[]>;
  imported: Map<string, ImportedObject[]>;
}

/** The key of a (from, to) pair. */
export function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

interface Pair {
  from: string;
  to: string;
  exportRules: number[];
  importRules: number[];
}

/** Which rules let something through, to report the ones that never do. */
interface RuleUse {
  exportUsed: Map<string, number[]>;
  importUsed: Map<string, number[]>;
}

/** Computes agreements, flows and the export/import findings. Cost: pairs × exporter's exportable objects. */
export function resolveVisibility(membership: Membership, catalog: Catalog, settings: Map<string, WorkspaceSettingsInfo>, findings: Finding[]): Visibility {
  const pairs = declarePairs(membership.workspaces, settings);
  const use: RuleUse = { exportUsed: new Map(), importUsed: new Map() };
  for (const [name, s] of settings) {
    use.exportUsed.set(name, s.exportTo.map(() => 0));
    use.importUsed.set(name, s.importFrom.map(() => 0));
  }
  const agreements: WorkspaceAgreement[] = [];
  const edges: WorkspaceEdge[] = [];
  const flows = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const objects = flowingObjects(pair, catalog, settings, use);
    agreements.push({ ...pair, flowing: objects.length });
    if (objects.length === 0) continue;
    flows.set(pairKey(pair.from, pair.to), new Set(objects.map((o) => o.key)));
    edges.push({ from: pair.from, to: pair.to, kinds: countKinds(objects), objects: objects.map((o) => o.ref) });
  }
  reportUnusedRules(membership.workspaces, settings, pairs, use, findings);
  return { agreements, edges, flows, exported: exportedLists(edges), imported: importedLists(edges) };
}

/** Every (from, to) pair named by an exportTo of `from` or an importFrom of `to`, sorted. */
function declarePairs(workspaces: readonly WorkspaceDecl[], settings: Map<string, WorkspaceSettingsInfo>): Pair[] {
  const byName = new Map(workspaces.map((w) => [w.name, w] as const));
  const pairs = new Map<string, Pair>();
  const pairOf = (from: string, to: string): Pair => {
    const key = pairKey(from, to);
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { from, to, exportRules: [], importRules: [] }));
    return p;
  };
  for (const ws of workspaces) {
    const s = settings.get(ws.name);
    if (!s) continue;
    s.exportTo.forEach((entry, i) => {
      for (const to of selectWorkspaces(entry, ws.name, workspaces, byName)) if (settings.has(to)) pairOf(ws.name, to).exportRules.push(i);
    });
    s.importFrom.forEach((entry, j) => {
      for (const from of selectWorkspaces(entry, ws.name, workspaces, byName)) if (settings.has(from)) pairOf(from, ws.name).importRules.push(j);
    });
  }
  return [...pairs.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
}

/** The exporter's objects both sides admit, in ref order; marks the rules that let each through. */
function flowingObjects(pair: Pair, catalog: Catalog, settings: Map<string, WorkspaceSettingsInfo>, use: RuleUse): CatalogEntry[] {
  if (pair.exportRules.length === 0 || pair.importRules.length === 0) return [];
  const exporter = settings.get(pair.from);
  const importer = settings.get(pair.to);
  if (!exporter || !importer) return [];
  const exportUsed = use.exportUsed.get(pair.from) ?? [];
  const importUsed = use.importUsed.get(pair.to) ?? [];
  const out: CatalogEntry[] = [];
  for (const object of catalog.byOwner.get(pair.from) ?? []) {
    if (!object.exportable) continue;
    const ex = admittingRules(exporter.exportTo, pair.exportRules, object);
    if (ex.length === 0) continue;
    const im = admittingRules(importer.importFrom, pair.importRules, object);
    if (im.length === 0) continue;
    for (const i of ex) exportUsed[i] = (exportUsed[i] ?? 0) + 1;
    for (const j of im) importUsed[j] = (importUsed[j] ?? 0) + 1;
    out.push(object);
  }
  return out;
}

function admittingRules(entries: readonly WorkspaceObjectSelector[], rules: readonly number[], object: CatalogEntry): number[] {
  return rules.filter((i) => {
    const entry = entries[i];
    return entry !== undefined && entryAdmits(entry, object);
  });
}

function countKinds(objects: readonly CatalogEntry[]): KindCount[] {
  const counts = new Map<string, KindCount>();
  for (const o of objects) {
    const c = counts.get(o.gk);
    if (c) c.count++;
    else counts.set(o.gk, { group: o.ref.group, kind: o.ref.kind, count: 1 });
  }
  return [...counts.values()].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.group, b.group));
}

function exportedLists(edges: readonly WorkspaceEdge[]): Map<string, ExportedObject[]> {
  const byOwner = new Map<string, Map<string, ExportedObject>>();
  for (const edge of edges) {
    let owned = byOwner.get(edge.from);
    if (!owned) byOwner.set(edge.from, (owned = new Map()));
    for (const ref of edge.objects) {
      const key = refKey(ref);
      const e = owned.get(key);
      if (e) e.to.push(edge.to);
      else owned.set(key, { ref, to: [edge.to] });
    }
  }
  const out = new Map<string, ExportedObject[]>();
  for (const [ws, owned] of byOwner) {
    const list = [...owned.values()].sort((a, b) => compareRefs(a.ref, b.ref));
    for (const e of list) e.to.sort(cmp);
    out.set(ws, list);
  }
  return out;
}

function importedLists(edges: readonly WorkspaceEdge[]): Map<string, ImportedObject[]> {
  const out = new Map<string, ImportedObject[]>();
  for (const edge of edges) for (const ref of edge.objects) push(out, edge.to, { ref, from: edge.from });
  for (const list of out.values()) list.sort((a, b) => compareRefs(a.ref, b.ref) || cmp(a.from, b.from));
  return out;
}

/** WS_EXPORT_UNUSED / WS_IMPORT_EMPTY for rules that let nothing through, saying why. */
function reportUnusedRules(workspaces: readonly WorkspaceDecl[], settings: Map<string, WorkspaceSettingsInfo>, pairs: readonly Pair[], use: RuleUse, findings: Finding[]): void {
  const exportTargets = new Map<string, Pair[]>();
  const importSources = new Map<string, Pair[]>();
  for (const p of pairs) {
    for (const i of p.exportRules) push(exportTargets, `${p.from}#${i}`, p);
    for (const j of p.importRules) push(importSources, `${p.to}#${j}`, p);
  }
  for (const ws of workspaces) {
    const s = settings.get(ws.name);
    if (!s) continue;
    (use.exportUsed.get(ws.name) ?? []).forEach((n, i) => {
      if (n > 0) return;
      const targets = exportTargets.get(`${ws.name}#${i}`) ?? [];
      const why = targets.length === 0 ? "it selects no other workspace that has settings"
        : targets.every((p) => p.importRules.length === 0) ? `none of ${targets.map((p) => p.to).join(", ")} imports from ${ws.name}`
          : "no object matches both this entry and the importers' resource filters";
      findings.push(makeFinding("WS_EXPORT_UNUSED", `exportTo[${i}] of workspace ${ws.name} should let at least one object through; ${why}`, [s.ref], `spec.exportTo[${i}]`, [ws.name]));
    });
    (use.importUsed.get(ws.name) ?? []).forEach((n, j) => {
      if (n > 0) return;
      const sources = importSources.get(`${ws.name}#${j}`) ?? [];
      const why = sources.length === 0 ? "it selects no other workspace that has settings"
        : sources.every((p) => p.exportRules.length === 0) ? `none of ${sources.map((p) => p.from).join(", ")} exports to ${ws.name}`
          : "no exported object matches this entry's resource filters";
      findings.push(makeFinding("WS_IMPORT_EMPTY", `importFrom[${j}] of workspace ${ws.name} should bring at least one object; ${why}`, [s.ref], `spec.importFrom[${j}]`, [ws.name]));
    });
  }
}
