import type { KubeObject } from "../model/meta";
import { splitApiVersion } from "../model/registry";
import type { AppliedPolicy } from "./types";

/**
 * Shallow "first source wins" merging shared by Gloo 1.x options (reference §5.2) and kgateway policies (§6):
 * sources come in priority levels, each level already in its own order (filter order, oldest first). A
 * top-level field is taken from the first source that sets it; later sources only fill unset fields.
 */
export interface PolicySource {
  obj: KubeObject;
  via: string;
  level: AppliedPolicy["level"];
  /** Priority level; sources of one level that set the same field are in conflict (GLX002). */
  tier: string;
  fields: Readonly<Record<string, unknown>>;
}

/** A merged field: its value and the source that set it (`RouteOption apps/canary-opts`). */
export interface MergedField {
  value: unknown;
  source: string;
}

/** The outcome of merging sources: what each contributed, the merged fields and same-tier conflicts. */
export interface MergeResult {
  applied: AppliedPolicy[];
  merged: Record<string, MergedField>;
  /** Same field set by two sources of one tier: the winner and the loser (GLX002). */
  conflicts: { field: string; winner: KubeObject; loser: KubeObject }[];
}

/** `Kind namespace/name` of a source, as merged fields name it. */
export function sourceName(obj: KubeObject): string {
  return `${obj.kind} ${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}

/** Merges sources in order; `taken` names fields already decided elsewhere (e.g. native filters beat policies). */
export function mergeFirstWins(sources: readonly PolicySource[], taken: ReadonlyMap<string, string> = new Map()): MergeResult {
  const merged: Record<string, MergedField> = {};
  // The first source of each tier that set a field: a later one of the same tier is in conflict with it, whether
  // or not a higher tier already won the field.
  const tierFirst = new Map<string, PolicySource>();
  const conflicts: MergeResult["conflicts"] = [];
  for (const [field, source] of taken) merged[field] = { value: null, source };
  const applied = sources.map((s): AppliedPolicy => {
    const won: string[] = [];
    const lost: string[] = [];
    for (const [field, value] of Object.entries(s.fields)) {
      if (value === undefined || value === null) continue;
      const first = tierFirst.get(`${s.tier}|${field}`);
      if (first && first.obj !== s.obj) conflicts.push({ field, winner: first.obj, loser: s.obj });
      else if (!first) tierFirst.set(`${s.tier}|${field}`, s);
      if (merged[field] === undefined) {
        merged[field] = { value, source: sourceName(s.obj) };
        won.push(field);
      } else {
        lost.push(field);
      }
    }
    const { group } = splitApiVersion(s.obj.apiVersion);
    return { kind: s.obj.kind, group, namespace: s.obj.metadata.namespace ?? "", name: s.obj.metadata.name, via: s.via, level: s.level, fields: won.sort(), overridden: lost.sort() };
  });
  for (const field of taken.keys()) delete merged[field];
  return { applied, merged, conflicts };
}
