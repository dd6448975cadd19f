import { create } from "jsondiffpatch";
import type { KubeObject } from "../model/meta";
import { normalizeObject } from "../diff";

const differ = create({ objectHash: (item: object, index?: number) => (item as { name?: string }).name ?? `#${index ?? 0}` });

/** The outcome of replaying an edit onto a newer version of its object. */
export interface Rebased {
  object: KubeObject;
  /** False when the edit touched something the newer version removed; the edit is then laid over as a whole. */
  clean: boolean;
}

/**
 * "Reload and reapply": the user's edit (base → draft) replayed onto the live object, so what someone else
 * changed underneath is kept and the user's own changes win where both touched the same field.
 */
export function rebaseEdit(base: KubeObject, draft: KubeObject, live: KubeObject): Rebased {
  const delta = differ.diff(normalizeObject(base), normalizeObject(draft));
  const target = structuredClone(normalizeObject(live));
  if (!delta) return { object: target, clean: true };
  try {
    return { object: differ.patch(target, delta) as KubeObject, clean: true };
  } catch {
    return { object: normalizeObject(draft), clean: false };
  }
}
