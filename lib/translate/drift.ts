import { normalizeObject, structuredDiff, type DiffEntry } from "../diff";
import type { KubeObject } from "../model/meta";
import { splitApiVersion } from "../model/registry";
import { compareRefs, refOf, type ObjectRef } from "../snapshot/ref";
import { canonical } from "./canonical";
import { isGeneratedObject } from "./metadata";
import type { Translation } from "./types";

/**
 * Drift (validation-anchors.md, last check): live Istio objects that carry Gloo's (or Meshpane's) parent
 * labels compared with what the translator produces now, after normalisation (status and server-set
 * metadata stripped, canonical order). API versions are not compared: v1 and v1beta1 are one object.
 */

/** One drifted object: it `differs` from the translation, is `missing` live, or is `orphaned` (no input makes it). */
export interface DriftItem {
  cluster: string;
  ref: ObjectRef;
  kind: "differs" | "missing" | "orphaned";
  /** From the live object to the desired one (for `missing`, the whole object is added; for `orphaned`, removed). */
  diff: DiffEntry[];
}

/** A live object and its cluster. */
export interface LiveObject {
  cluster: string;
  object: KubeObject;
}

function identity(cluster: string, obj: KubeObject): string {
  return `${cluster}|${splitApiVersion(obj.apiVersion).group}|${obj.kind}|${obj.metadata.namespace ?? ""}|${obj.metadata.name}`;
}

/** Comparable form: normalised, canonical, apiVersion reduced to its group. */
function comparable(obj: KubeObject): KubeObject {
  const n = canonical(normalizeObject(obj));
  return { ...n, apiVersion: splitApiVersion(obj.apiVersion).group };
}

/** Compares the translation with the live objects of the clusters; only generated live objects count. */
export function detectDrift(translation: Translation, live: readonly LiveObject[]): DriftItem[] {
  const generated = new Map<string, LiveObject>();
  for (const l of live) if (isGeneratedObject(l.object)) generated.set(identity(l.cluster, l.object), l);
  const out: DriftItem[] = [];
  const desired = new Set<string>();
  for (const o of translation.outputs) {
    const id = identity(o.cluster, o.object);
    desired.add(id);
    const current = generated.get(id);
    const want = comparable(o.object);
    if (!current) {
      out.push({ cluster: o.cluster, ref: refOf(o.cluster, o.object), kind: "missing", diff: [{ op: "add", path: "", after: want }] });
      continue;
    }
    const diff = structuredDiff(comparable(current.object), want);
    if (diff.length > 0) out.push({ cluster: o.cluster, ref: refOf(o.cluster, o.object), kind: "differs", diff });
  }
  for (const [id, l] of generated) {
    if (!desired.has(id)) out.push({ cluster: l.cluster, ref: refOf(l.cluster, l.object), kind: "orphaned", diff: [{ op: "remove", path: "", before: comparable(l.object) }] });
  }
  return out.sort((a, b) => compareRefs(a.ref, b.ref) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** The live Istio objects of a snapshot (networking.istio.io and security.istio.io kinds). */
export function liveIstioObjects(clusters: readonly { name: string; byKind: ReadonlyMap<string, readonly KubeObject[]> }[]): LiveObject[] {
  const out: LiveObject[] = [];
  for (const c of clusters) {
    for (const [gk, list] of c.byKind) {
      if (gk.endsWith(".networking.istio.io") || gk.endsWith(".security.istio.io")) for (const object of list) out.push({ cluster: c.name, object });
    }
  }
  return out;
}
