import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { clusterViews } from "@/lib/server/views/clusters";

/** Every registered cluster with its source, health, writability, problems and counts (a member's counts cover their workspaces). */
export const GET = route({ query: listQuery }, ({ query, scope, store }) => listResponse(clusterViews(store, readFilter(scope, derived(store).workspaces)), query));
