import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { listPolicies } from "@/lib/views/policies";

const query = listQuery.extend({ kind: z.string().optional(), workspace: z.string().optional() });

/** Policies with the routes, route destinations, destinations and workloads they select. */
export const GET = route({ query }, ({ query, scope, store }) => {
  const d = derived(store);
  const items = listPolicies(d.attachment, readFilter(scope, d.workspaces).set).filter((p) => (!query.kind || p.kind === query.kind) && (!query.workspace || p.workspace === query.workspace));
  return listResponse(items, query, (p) => `${p.kind} ${p.workspace}`);
});
