import "server-only";
import type { KubeObject } from "@/lib/model/meta";

type Obj = Record<string, unknown>;
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * What the store keeps of an object read from an API server: only what discovery, workspaces and
 * translation read. A full Pod is about 5 KB of heap, the fields below about 0.4 KB (DESIGN.md);
 * detail pages fetch the full object on demand. Every object loses managedFields and the
 * last-applied annotation, which are large and read by nothing.
 */
export function slim(obj: KubeObject): KubeObject {
  const metadata = slimMeta(obj.metadata as Obj);
  switch (obj.kind) {
    case "Pod":
      return { apiVersion: obj.apiVersion, kind: obj.kind, metadata, spec: slimPodSpec(obj.spec as Obj), status: slimPodStatus(obj.status as Obj | undefined) } as KubeObject;
    case "ReplicaSet":
      return { apiVersion: obj.apiVersion, kind: obj.kind, metadata } as KubeObject;
    case "Node":
      return { apiVersion: obj.apiVersion, kind: obj.kind, metadata, status: slimNodeStatus(obj.status as Obj | undefined) } as KubeObject;
    default:
      return { ...obj, metadata } as KubeObject;
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

function slimPodSpec(spec: Obj | undefined): Obj {
  if (!spec) return {};
  const containers = ((spec.containers as Obj[] | undefined) ?? []).map((c) => ({ name: c.name, image: c.image }));
  const out: Obj = { containers };
  for (const key of ["nodeName", "hostNetwork", "serviceAccountName"]) if (spec[key] !== undefined) out[key] = spec[key];
  return out;
}

function slimPodStatus(status: Obj | undefined): Obj | undefined {
  if (!status) return undefined;
  const conditions = ((status.conditions as Obj[] | undefined) ?? []).filter((c) => c.type === "Ready").map((c) => ({ type: c.type, status: c.status }));
  return { phase: status.phase, podIP: status.podIP, hostIP: status.hostIP, conditions };
}

function slimNodeStatus(status: Obj | undefined): Obj | undefined {
  if (!status) return undefined;
  // Discovery only asks whether a node runs kindnetd (kind clusters use InternalIP as external).
  const images = ((status.images as { names?: string[] }[] | undefined) ?? []).filter((i) => (i.names ?? []).some((n) => n.includes("kindnetd")));
  return { addresses: status.addresses, images };
}
