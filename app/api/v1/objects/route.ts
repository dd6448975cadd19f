import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { notFound } from "@/lib/server/api/errors";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { fullObject, listObjects } from "@/lib/server/views/objects";

const query = listQuery.extend({
  kind: z.string().min(1, "must name a kind, e.g. Deployment or RouteTable.networking.gloo.solo.io"),
  name: z.string().optional(),
});

/**
 * Raw objects of one kind that the caller may read (others answer 404 as if absent). With `cluster`, `namespace` and `name` it answers the one object (404 when
 * absent) in full: a Kubernetes cluster's store keeps slim copies, so that one comes from the API server.
 */
export const GET = route({ query }, async ({ query, scope, store }) => {
  const f = readFilter(scope, derived(store).workspaces);
  const items = listObjects(store.snapshot(), query.kind, query.name).filter((i) => f.ref(i));
  if (query.name && query.cluster) {
    const found = items.find((i) => i.cluster === query.cluster && i.namespace === (query.namespace ?? ""));
    if (!found) throw notFound(`${query.kind} ${query.namespace ? `${query.namespace}/` : ""}${query.name} in cluster ${query.cluster}`);
    return listResponse([await fullObject(store, found)], query);
  }
  return listResponse(items, query);
});
