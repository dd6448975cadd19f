import type { KubeObject } from "../model/meta";
import { sanitizeNameV2 } from "../discovery/names";
import type { ObjectRef } from "../snapshot/ref";

/**
 * Metadata of translated objects (reference §5.3 for v2, §4.2 for v1). v2 outputs carry the
 * `gloo.solo.io/parent_*` labels that join an Istio object to the Gloo (or Kubernetes) object it came
 * from, plus the `context.mesh.gloo.solo.io/*` labels naming where it was written.
 */

export const NETWORKING_API = "networking.istio.io/v1beta1";
export const SECURITY_API = "security.istio.io/v1beta1";

/** Label keys Meshpane and Gloo put on translated objects; drift detection finds outputs by them. */
export const PARENT_LABELS = {
  group: "gloo.solo.io/parent_group",
  version: "gloo.solo.io/parent_version",
  kind: "gloo.solo.io/parent_kind",
  name: "gloo.solo.io/parent_name",
  namespace: "gloo.solo.io/parent_namespace",
  cluster: "gloo.solo.io/parent_cluster",
} as const;

export const RECONCILER_LABEL = "reconciler.mesh.gloo.solo.io/name";
export const CONTEXT_CLUSTER_LABEL = "context.mesh.gloo.solo.io/cluster";
export const CONTEXT_NAMESPACE_LABEL = "context.mesh.gloo.solo.io/namespace";
export const CONTEXT_WORKSPACE_LABEL = "context.mesh.gloo.solo.io/workspace";
export const CLUSTER_ANNOTATION = "cluster.solo.io/cluster";
/** v1 (§4.2): owner label and the JSON parents annotation. */
export const V1_OWNER_LABEL = "owner.networking.mesh.gloo.solo.io";
export const V1_PARENTS_ANNOTATION = "parents.networking.mesh.gloo.solo.io";

/** The served version of a parent's group, for `gloo.solo.io/parent_version`. */
export function versionOfGroup(group: string): string {
  if (group === "" || group === "apps" || group.endsWith(".mesh.gloo.solo.io") || group === "gateway.networking.k8s.io") return "v1";
  if (group.endsWith("gloo.solo.io")) return "v2";
  return "v1";
}

/** A label value: kept when valid (≤ 63 characters), otherwise shortened with the §5.1 sanitiser. */
export function labelValue(value: string): string {
  return value.length <= 63 ? value : sanitizeNameV2(value);
}

/** What a v2 output's metadata is made of. */
export interface V2Meta {
  name: string;
  namespace: string;
  cluster: string;
  /** The one parent named by the labels (Gloo records one parent per object). */
  parent: ObjectRef;
  /** Workspace of the namespace the object is written to, if any. */
  workspace: string | undefined;
}

/** Builds a v2 output object: apiVersion/kind, name, namespace, §5.3 labels and the cluster annotation. */
export function v2Object(apiVersion: string, kind: string, meta: V2Meta, spec: Record<string, unknown>): KubeObject {
  // Keys are written in sorted order: outputs are canonical as built (canonical.ts).
  // Built without a conditional spread, which would copy the object (this runs once per output).
  const labels: Record<string, string> = {};
  labels[CONTEXT_CLUSTER_LABEL] = labelValue(meta.cluster);
  labels[CONTEXT_NAMESPACE_LABEL] = labelValue(meta.namespace);
  if (meta.workspace !== undefined) labels[CONTEXT_WORKSPACE_LABEL] = labelValue(meta.workspace);
  labels[PARENT_LABELS.cluster] = labelValue(meta.parent.cluster);
  labels[PARENT_LABELS.group] = meta.parent.group;
  labels[PARENT_LABELS.kind] = meta.parent.kind;
  labels[PARENT_LABELS.name] = labelValue(meta.parent.name);
  labels[PARENT_LABELS.namespace] = labelValue(meta.parent.namespace);
  labels[PARENT_LABELS.version] = versionOfGroup(meta.parent.group);
  labels[RECONCILER_LABEL] = "translator";
  return {
    apiVersion,
    kind,
    metadata: { annotations: { [CLUSTER_ANNOTATION]: meta.cluster }, labels, name: meta.name, namespace: meta.namespace },
    spec,
  };
}

/** The parent a v2 output names in its labels, read back from a live object (drift, preview joins). */
export function parentFromLabels(obj: KubeObject): ObjectRef | undefined {
  const l = obj.metadata.labels ?? {};
  const kind = l[PARENT_LABELS.kind];
  const name = l[PARENT_LABELS.name];
  if (kind === undefined || name === undefined) return undefined;
  return { cluster: l[PARENT_LABELS.cluster] ?? "", group: l[PARENT_LABELS.group] ?? "", kind, namespace: l[PARENT_LABELS.namespace] ?? "", name };
}

/** True when a live object was written by a Gloo (v1 or v2) translator or by Meshpane. */
export function isGeneratedObject(obj: KubeObject): boolean {
  const l = obj.metadata.labels ?? {};
  return l[PARENT_LABELS.kind] !== undefined || l[V1_OWNER_LABEL] !== undefined;
}
