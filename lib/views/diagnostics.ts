import { groupKind } from "../model/api-version";
import type { WorkspaceIndex } from "../workspaces/types";
import type { CatalogueEntry, Diagnostic } from "../validate/types";

/**
 * What `GET /api/v1/diagnostics` and `GET /api/v1/catalogue` answer: validation diagnostics placed at
 * their offending object (the first one), and the catalogue of codes.
 */

/** One diagnostic as the list shows it: where its offending object lives, its group-kind and workspace. */
export interface DiagnosticListItem extends Diagnostic {
  cluster: string;
  namespace: string;
  name: string;
  /** `Kind` for core kinds, else `Kind.group`, of the offending object. */
  kind: string;
  /** Workspace of the offending object, if any. */
  workspace: string | null;
}

/** Places every diagnostic at its first object. */
export function diagnosticItems(diagnostics: readonly Diagnostic[], workspaces: WorkspaceIndex): DiagnosticListItem[] {
  return diagnostics.map((d) => {
    const o = d.objects[0];
    return {
      ...d,
      cluster: o?.cluster ?? "",
      namespace: o?.namespace ?? "",
      name: o?.name ?? "",
      kind: o ? groupKind(o.group, o.kind) : "",
      workspace: o ? (workspaces.workspaceOfObject(o) ?? null) : null,
    };
  });
}

/** Filters of the diagnostics list beyond the common list filters. */
export interface DiagnosticFilters {
  code?: string;
  severity?: Diagnostic["severity"];
  workspace?: string;
  /** `Kind` or `Kind.group`; either matches. */
  kind?: string;
}

/** True when an item passes the diagnostics-specific filters. */
export function matchesDiagnostic(i: DiagnosticListItem, f: DiagnosticFilters): boolean {
  const kindOk = !f.kind || i.kind === f.kind || i.kind.split(".")[0] === f.kind;
  return (!f.code || i.code === f.code) && (!f.severity || i.severity === f.severity) && (!f.workspace || i.workspace === f.workspace) && kindOk;
}

/**
 * True when the diagnostic involves this object, first or not (a conflict names every object in it, and
 * each of their pages shows it). `kind` is `Kind` or `Kind.group`; either matches.
 */
export function involves(d: Diagnostic, o: { cluster?: string; namespace?: string; name?: string; kind?: string }): boolean {
  return d.objects.some((r) => {
    const gk = groupKind(r.group, r.kind);
    return (!o.cluster || r.cluster === o.cluster) && (o.namespace === undefined || r.namespace === o.namespace) && (!o.name || r.name === o.name) && (!o.kind || gk === o.kind || r.kind === o.kind);
  });
}

/** One catalogue entry with how many current diagnostics carry its code. */
export interface CatalogueItem extends CatalogueEntry {
  count: number;
}

/** The answer of `GET /api/v1/catalogue`. */
export interface CatalogueView {
  items: CatalogueItem[];
}

/** Shapes the catalogue with counts from the current diagnostics. */
export function catalogueView(catalogue: readonly CatalogueEntry[], diagnostics: readonly Diagnostic[]): CatalogueView {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return { items: catalogue.map((e) => ({ ...e, count: counts.get(e.code) ?? 0 })) };
}
