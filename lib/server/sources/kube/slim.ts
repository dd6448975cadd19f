import "server-only";
import type { KubeObject } from "@/lib/model/meta";

type Obj = Record<string, unknown>;
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * Repeated values (namespaces, label values, images, node names, owner names) are stored once: with
 * 10,000s of Pods most of a slim copy's strings are the same few hundred values.
 */
const pool = new Map<string, string>();
function intern<T>(value: T): T {
  if (typeof value !== "string") return value;
  const found = pool.get(value);
  if (found !== undefined) return found as T;
  pool.set(value, value);
  return value;
}

/**
 * What the store keeps of an object read from an API server: only what discovery, workspaces and
 * translation read. A full Pod is about 5 KB of heap; its slim copy well under 1 KB (measured by
 * `npm run bench kube-sync`). Detail pages fetch the full object on demand. Every object loses
 * managedFields and the last-applied annotation, which are large and read by nothing.
 */
export function slim(obj: KubeObject): KubeObject {
  switch (obj.kind) {
    case "Pod":
      return { apiVersion: obj.apiVersion, kind: obj.kind, metadata: slimPodMeta(obj.metadata as Obj), spec: slimPodSpec(obj.spec as Obj), status: slimPodStatus(obj.status as Obj | undefined) } as KubeObject;
    case "ReplicaSet":
      return { apiVersion: obj.apiVersion, kind: obj.kind, metadata: slimPodMeta(obj.metadata as Obj) } as KubeObject;
    case "Node":
      return { apiVersion: obj.apiVersion, kind: obj.kind, metadata: slimMeta(obj.metadata as Obj), status: slimNodeStatus(obj.status as Obj | undefined) } as KubeObject;
    default:
      return { ...obj, metadata: slimMeta(obj.metadata as Obj) } as KubeObject;
  }
}

function slimMeta(meta: Obj): KubeObject["metadata"] {
  const { managedFields: _m, selfLink: _s, ...rest } = meta;
  const annotations = rest.annotations as Record<string, string> | undefined;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _l, ...others } = annotations;
    rest.annotations = others;
  }
  return rest as KubeObject["metadata"];
}

/** Pods and ReplicaSets: identity, labels and the controller owner are all discovery reads. */
function slimPodMeta(meta: Obj): KubeObject["metadata"] {
  const labels = meta.labels as Record<string, string> | undefined;
  const owners = (meta.ownerReferences as Obj[] | undefined)?.filter((o) => o.controller === true);
  return {
    name: meta.name as string,
    namespace: intern(meta.namespace as string | undefined),
    uid: meta.uid as string | undefined,
    resourceVersion: meta.resourceVersion as string | undefined,
    ...(labels ? { labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, intern(v)])) } : {}),
    ...(owners?.length ? { ownerReferences: owners.map((o) => ({ apiVersion: intern(o.apiVersion as string), kind: intern(o.kind as string), name: intern(o.name as string), controller: true })) } : {}),
  };
}

function slimPodSpec(spec: Obj | undefined): Obj {
  if (!spec) return {};
  const containers = ((spec.containers as Obj[] | undefined) ?? []).map((c) => ({ name: intern(c.name), image: intern(c.image) }));
  const out: Obj = { containers };
  for (const key of ["nodeName", "hostNetwork", "serviceAccountName"]) if (spec[key] !== undefined) out[key] = intern(spec[key]);
  return out;
}

function slimPodStatus(status: Obj | undefined): Obj | undefined {
  if (!status) return undefined;
  const ready = ((status.conditions as Obj[] | undefined) ?? []).find((c) => c.type === "Ready");
  const out: Obj = { phase: intern(status.phase) };
  if (status.podIP !== undefined) out.podIP = status.podIP;
  if (status.hostIP !== undefined) out.hostIP = intern(status.hostIP);
  if (ready) out.conditions = [{ type: "Ready", status: intern(ready.status) }];
  return out;
}

function slimNodeStatus(status: Obj | undefined): Obj | undefined {
  if (!status) return undefined;
  // Discovery only asks whether a node runs kindnetd (kind clusters use InternalIP as external).
  const images = ((status.images as { names?: string[] }[] | undefined) ?? []).filter((i) => (i.names ?? []).some((n) => n.includes("kindnetd")));
  return { addresses: status.addresses, images };
}
