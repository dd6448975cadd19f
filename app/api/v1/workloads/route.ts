import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { labelText } from "@/lib/server/views/search";

/** Workloads (Deployments, StatefulSets, DaemonSets) with their mesh and injection reason. */
export const GET = route({ query: listQuery }, ({ query, scope, store }) =>
  listResponse(derived(store).discovery.workloads.filter((w) => readFilter(scope, derived(store).workspaces).namespace(w.cluster, w.namespace)), query, (w) => `${w.kind} ${w.discoveredName} ${w.mesh?.name ?? ""} ${w.serviceAccountName} ${labelText(w.podLabels)}`),
);
