import type { KubeObject } from "../model/meta";
import { groupKind, splitApiVersion } from "../model/api-version";

/** Points at one object in one cluster. `group` is "" for core kinds. */
export interface ObjectRef {
  cluster: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** The one string key of a ref: `cluster|Kind.group|namespace|name`. */
export function refKey(ref: ObjectRef): string {
  return `${ref.cluster}|${groupKind(ref.group, ref.kind)}|${ref.namespace}|${ref.name}`;
}

/** The ref of an object held in a cluster. Cluster-scoped objects have namespace "". */
export function refOf(cluster: string, obj: KubeObject): ObjectRef {
  return { cluster, group: splitApiVersion(obj.apiVersion).group, kind: obj.kind, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name };
}

/** Stable order for output: kind, namespace, name, then cluster. */
export function compareRefs(a: ObjectRef, b: ObjectRef): number {
  return cmp(a.kind, b.kind) || cmp(a.group, b.group) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name) || cmp(a.cluster, b.cluster);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
