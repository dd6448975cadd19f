import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { derived } from "@/lib/server/store/derived";

/** Why discovery skipped something (no Mesh for an istiod, a Service with no mesh workload, ...). */
export const GET = route({ query: listQuery }, ({ query, store }) =>
  listResponse(
    derived(store).discovery.diagnostics.map((d) => ({ ...d, cluster: d.object.cluster, namespace: d.object.namespace, name: d.object.name })),
    query,
    (d) => `${d.code} ${d.severity} ${d.message}`,
  ),
);
