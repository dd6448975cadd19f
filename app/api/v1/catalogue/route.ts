import { route } from "@/lib/server/api/handler";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { CATALOGUE } from "@/lib/validate";
import { catalogueView } from "@/lib/views/diagnostics";

/** Every validation code with severity, title, explanation, example and how many of the caller's diagnostics carry it now. */
export const GET = route({}, ({ scope, store }) => {
  const d = derived(store);
  const f = readFilter(scope, d.workspaces);
  return catalogueView(CATALOGUE, d.diagnostics.filter((x) => f.all || (x.objects[0] !== undefined && f.ref(x.objects[0]))));
});
