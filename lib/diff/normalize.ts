import type { KubeObject } from "../model/meta";

/**
 * Normalisation before comparing a live object with a desired one (DESIGN "lib/diff"): server-set and
 * status fields are dropped — `status`, `managedFields`, `resourceVersion`, `uid`, `generation`,
 * timestamps, `selfLink`, owner-less bookkeeping annotations — empty label/annotation maps are removed,
 * and map keys are sorted, so two objects that mean the same compare equal.
 */

/** Metadata the server sets; a write of a dumped object keeps them as they were. */
export const SERVER_METADATA = ["managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"] as const;
const SERVER_ANNOTATIONS = ["kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision"];

/** A normalised deep copy of a Kubernetes object. */
export function normalizeObject(obj: KubeObject): KubeObject {
  const { status: _status, ...rest } = obj;
  const metadata: Record<string, unknown> = { ...obj.metadata };
  for (const k of SERVER_METADATA) delete metadata[k];
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  for (const k of SERVER_ANNOTATIONS) delete annotations[k];
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  if (Object.keys(obj.metadata.labels ?? {}).length === 0) delete metadata.labels;
  return sortKeys({ ...rest, metadata }) as KubeObject;
}

/** Deep copy with object keys sorted and undefined values dropped (list order kept). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeys(v);
  }
  return out;
}
