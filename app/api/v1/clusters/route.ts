import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { clusterViews } from "@/lib/server/views/clusters";

/** Every registered cluster with its source, health, problems and counts. */
export const GET = route({ query: listQuery }, ({ query, store }) => listResponse(clusterViews(store), query));
