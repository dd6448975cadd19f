import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { translationView } from "@/lib/views/translation";

const query = z.object({ cluster: z.string().optional(), namespace: z.string().optional(), workspace: z.string().optional() });

/** The Istio objects each cluster would get (with parents and reason) and the predicted status of every input. */
export const GET = route({ query }, ({ query, scope, store }) => {
  const d = derived(store);
  const f = readFilter(scope, d.workspaces);
  const view = translationView(d.translation, d.workspaces, { cluster: query.cluster || undefined, namespace: query.namespace || undefined, workspace: query.workspace || undefined }, f.set);
  return f.all ? view : { ...view, backends: view.backends.filter((b) => f.ref(b.route)) };
});
