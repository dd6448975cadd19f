import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { driftView } from "@/lib/views/translation";

const query = z.object({ cluster: z.string().optional() });

/** In the caller's namespaces: live generated Istio objects (those with parent labels) against the translation, optionally for one cluster. */
export const GET = route({ query }, ({ query, scope, store }) => {
  const d = derived(store);
  const f = readFilter(scope, d.workspaces);
  return driftView(d.drift.filter((i) => f.namespace(i.cluster, i.ref.namespace)), query.cluster || undefined);
});
