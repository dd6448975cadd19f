import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { derived } from "@/lib/server/store/derived";
import { listWorkspaces } from "@/lib/views/workspaces";

/** Workspaces with their clusters, counts, imports, exports and finding counts. */
export const GET = route({ query: listQuery }, ({ query, store }) => {
  const { workspaces, attachment } = derived(store);
  return listResponse(listWorkspaces(workspaces, attachment), query, (w) => `${w.clusters.join(" ")} ${w.importsFrom.join(" ")} ${w.exportsTo.join(" ")}`);
});
