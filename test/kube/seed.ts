// Loads a demo cluster's dump into a real API server: every object of a kind the server serves, in
// dependency order, then each object's status through the status subresource (there is no
// controller manager to write it). Kinds whose CRDs are not installed are skipped and returned; after
// installCrds (install-crds.ts) the Gloo, Istio and Gateway API objects are created too, and the server
// checks each against the generated schema, so a dump that drifted from lib/model fails here, by name.
import type { KubeConfig } from "@kubernetes/client-node";
import type { KubeObject } from "@/lib/model/meta";
import { groupKind, splitApiVersion } from "@/lib/model/registry";
import { readDirectory } from "@/lib/server/sources/directory";
import { KubeApiError, kubeFetch } from "@/lib/server/sources/kube/http";
import { discoverServedKinds, objectPath, type ServedKind } from "@/lib/server/sources/kube/served";

const ORDER = ["Namespace", "Node", "ServiceAccount", "ConfigMap", "Service", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Endpoints", "EndpointSlice"];
const SERVER_SET = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink"];

export async function seedFromDirectory(kc: KubeConfig, dir: string): Promise<{ created: number; skippedKinds: string[] }> {
  const { objects } = await readDirectory(dir);
  const served = new Map((await discoverServedKinds(kc)).kinds.map((k) => [k.groupKind, k]));
  const rank = (o: KubeObject) => (ORDER.indexOf(o.kind) + ORDER.length + 1) % (ORDER.length + 1);
  const skipped = new Set<string>();
  let created = 0;
  for (const obj of [...objects].sort((x, y) => rank(x) - rank(y))) {
    const kind = served.get(groupKind(splitApiVersion(obj.apiVersion).group, obj.kind));
    if (!kind) {
      skipped.add(obj.kind);
      continue;
    }
    await createWithStatus(kc, kind, obj);
    created++;
  }
  return { created, skippedKinds: [...skipped].sort() };
}

export async function createWithStatus(kc: KubeConfig, kind: ServedKind, obj: KubeObject): Promise<void> {
  const metadata = Object.fromEntries(Object.entries(obj.metadata).filter(([k]) => !SERVER_SET.includes(k)));
  const { status, ...rest } = obj as KubeObject & { status?: unknown; spec?: Record<string, unknown> };
  if (obj.kind === "Service" && rest.spec) {
    // The API server allocates cluster IPs from its own range; a dump's addresses come from another.
    const { clusterIP: _ip, clusterIPs: _ips, ...spec } = rest.spec;
    rest.spec = spec;
  }
  const ns = obj.metadata.namespace ?? "";
  const path = objectPath(kind, ns, obj.metadata.name).replace(/\/[^/]+$/, "");
  try {
    await kubeFetch(kc, { method: "POST", path, body: JSON.stringify({ ...rest, apiVersion: kind.apiVersion, metadata }), contentType: "application/json" });
  } catch (err) {
    if (!(err instanceof KubeApiError && err.status === 409)) throw named(err, obj, "create");
  }
  if (status && kind.def.kind !== "Namespace") {
    await kubeFetch(kc, { method: "PATCH", path: `${objectPath(kind, ns, obj.metadata.name)}/status`, body: JSON.stringify({ status }), contentType: "application/merge-patch+json" })
      .catch((err: unknown) => { throw named(err, obj, "status of"); });
  }
}

/** A 422 from a CRD schema names only the field: say which object of the dump it was, and the causes. */
function named(err: unknown, obj: KubeObject, what: string): unknown {
  if (!(err instanceof KubeApiError)) return err;
  const causes = err.causes.map((c) => `; ${c.field}: ${c.message}`).join("");
  const where = `${obj.kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ""}${obj.metadata.name}`;
  return new KubeApiError(err.status, err.reason, `seed: ${what} ${where}: ${err.message}${causes}`, err.causes, err.retryAfterMs);
}
