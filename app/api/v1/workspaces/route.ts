import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { diagnosticItems } from "@/lib/views/diagnostics";
import { listWorkspaces } from "@/lib/views/workspaces";

/** Workspaces with their clusters, counts, imports, exports, finding counts and diagnostic counts. */
export const GET = route({ query: listQuery }, ({ query, scope, store }) => {
  const { workspaces, attachment, diagnostics } = derived(store);
  return listResponse(listWorkspaces(workspaces, attachment, readFilter(scope, workspaces).set, diagnosticItems(diagnostics, workspaces)), query, (w) => `${w.clusters.join(" ")} ${w.importsFrom.join(" ")} ${w.exportsTo.join(" ")}`);
});
