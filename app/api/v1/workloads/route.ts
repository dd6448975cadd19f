import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { derived } from "@/lib/server/store/derived";
import { labelText } from "@/lib/server/views/search";

/** Workloads (Deployments, StatefulSets, DaemonSets) with their mesh and injection reason. */
export const GET = route({ query: listQuery }, ({ query, store }) =>
  listResponse(derived(store).discovery.workloads, query, (w) => `${w.kind} ${w.discoveredName} ${w.mesh?.name ?? ""} ${w.serviceAccountName} ${labelText(w.podLabels)}`),
);
