import equal from "fast-deep-equal";
import type { KubeObject } from "../model/meta";
import { normalizeObject } from "../diff";

/** The outcome of replaying an edit onto a newer version of its object. */
export interface Rebased {
  object: KubeObject;
  /** False when the user and the other writer changed the same field differently (the user's value is kept). */
  clean: boolean;
}

/**
 * "Reload and reapply": a three-way merge of the user's edit (base → draft) onto the live object. Fields
 * only the other writer changed take the live value, fields only the user changed take theirs, and where
 * both changed the same field the user's value wins (and `clean` is false). Maps merge key by key, so a
 * label added on each side keeps both; lists are taken whole from whichever side changed them.
 */
export function rebaseEdit(base: KubeObject, draft: KubeObject, live: KubeObject): Rebased {
  const state = { clean: true };
  const object = merge(normalizeObject(base), normalizeObject(draft), normalizeObject(live), state) as KubeObject;
  return { object, clean: state.clean };
}

const ABSENT = Symbol("absent");
type Value = unknown;

function merge(base: Value, mine: Value, theirs: Value, state: { clean: boolean }): Value {
  if (equal(mine, base)) return theirs;
  if (equal(theirs, base) || equal(theirs, mine)) return mine;
  if (isMap(mine) && isMap(theirs)) {
    const b = isMap(base) ? base : {};
    const out: Record<string, Value> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const v = merge(key in b ? b[key] : ABSENT, key in mine ? mine[key] : ABSENT, key in theirs ? theirs[key] : ABSENT, state);
      if (v !== ABSENT) out[key] = v;
    }
    return out;
  }
  state.clean = false;
  return mine;
}

function isMap(v: Value): v is Record<string, Value> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
