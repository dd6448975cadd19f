import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { derived } from "@/lib/server/store/derived";
import { listUpstreams } from "@/lib/views/upstreams";

/** Function upstreams: their functions, the routes calling each, and findings (missing functions flagged). */
export const GET = route({ query: listQuery }, ({ query, store }) => {
  return listResponse(listUpstreams(derived(store).gateways), query, (u) => `${u.type} ${u.functions.map((f) => f.name).join(" ")}`);
});
