import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { listGateways } from "@/lib/views/gateways";

const query = listQuery.extend({ kind: z.enum(["Gateway", "EdgeGateway"], { message: "must be Gateway or EdgeGateway" }).optional() });

/** Gateways (Gateway API and Gloo Edge) per cluster: listener and route counts, computed and live status, findings. */
export const GET = route({ query }, ({ query, scope, store }) => {
  const f = readFilter(scope, derived(store).workspaces);
  const items = listGateways(derived(store).gateways).filter((g) => f.namespace(g.cluster, g.namespace) && (!query.kind || g.kind === query.kind));
  return listResponse(items, query, (g) => `${g.kind} ${g.className} ${g.summary}`);
});
