import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { listUpstreams } from "@/lib/views/upstreams";

/** Function upstreams: their functions, the routes calling each, and findings (missing functions flagged). */
export const GET = route({ query: listQuery }, ({ query, scope, store }) => {
  const f = readFilter(scope, derived(store).workspaces);
  return listResponse(listUpstreams(derived(store).gateways).filter((u) => f.namespace(u.cluster, u.namespace)), query, (u) => `${u.type} ${u.functions.map((f) => f.name).join(" ")}`);
});
