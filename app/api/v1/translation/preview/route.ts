import { z } from "zod";
import type { FieldError } from "@/lib/model/errors";
import type { KubeObject } from "@/lib/model/meta";
import type { ObjectRef } from "@/lib/snapshot/ref";
import { route } from "@/lib/server/api/handler";
import { badRequest } from "@/lib/server/api/errors";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived, previewBuilders } from "@/lib/server/store/derived";
import { previewChange, type ClusterObject } from "@/lib/validate";
import { previewView } from "@/lib/views/translation";

/** One object of the change, wrapped with the cluster it is written to. */
const entry = z.strictObject({
  cluster: z.string({ message: "must name a cluster" }).min(1, "must name a cluster"),
  object: z.looseObject({
    apiVersion: z.string({ message: "must be an apiVersion such as networking.gloo.solo.io/v2" }).min(1, "must be an apiVersion such as networking.gloo.solo.io/v2"),
    kind: z.string({ message: "must be a kind such as RouteTable" }).min(1, "must be a kind such as RouteTable"),
    metadata: z.looseObject({
      name: z.string({ message: "must be a non-empty name" }).min(1, "must be a non-empty name"),
      namespace: z.string({ message: "must be a namespace name" }).optional(),
    }),
  }),
});
const list = z.array(entry, { message: "must be a list of {cluster, object}" }).max(500, "must hold at most 500 objects").default([]);
const body = z.strictObject({ added: list, changed: list, deleted: list });

/**
 * What a change would do before it is applied: Istio outputs added, removed and changed per cluster and
 * namespace, and diagnostics added and removed, limited to the caller's namespaces. Read-only; POST only to carry the body.
 */
export const POST = route({ body }, ({ body, scope, store }) => {
  const d = derived(store);
  const clusters = new Set(d.snapshot.clusters.map((c) => c.name));
  const fields: FieldError[] = (["added", "changed", "deleted"] as const).flatMap((k) =>
    body[k].flatMap((e, i) => (clusters.has(e.cluster) ? [] : [{ field: `${k}[${i}].cluster`, reason: "FieldValueNotSupported" as const, message: `${k}[${i}].cluster: must be a registered cluster (${[...clusters].sort().join(", ")})` }])),
  );
  if (fields.length > 0) throw badRequest(`invalid body parameters: ${fields.map((f) => f.message).join("; ")}`, fields);
  const wrap = (e: z.infer<typeof entry>): ClusterObject => ({ cluster: e.cluster, object: e.object as KubeObject });
  const result = previewChange(d.snapshot, { added: body.added.map(wrap), changed: body.changed.map(wrap), deleted: body.deleted.map(wrap) }, previewBuilders(store), {
    snapshot: d.snapshot,
    translation: d.translation,
    diagnostics: d.diagnostics,
  });
  const f = readFilter(scope, d.workspaces);
  const view = previewView(result);
  if (f.all) return view;
  const inScope = (o: { cluster: string; namespace: string }) => f.namespace(o.cluster, o.namespace);
  const diag = (x: { objects: readonly ObjectRef[] }) => x.objects[0] !== undefined && f.ref(x.objects[0]);
  return {
    byNamespace: view.byNamespace.filter(inScope), outputsAdded: view.outputsAdded.filter(inScope), outputsRemoved: view.outputsRemoved.filter(inScope),
    outputsChanged: view.outputsChanged.filter(inScope), diagnosticsAdded: view.diagnosticsAdded.filter(diag), diagnosticsRemoved: view.diagnosticsRemoved.filter(diag),
  };
});
