import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { labelText } from "@/lib/server/views/search";
import { withVersions } from "@/lib/views/destinations";

/** Destinations (Services in a mesh) the caller may see, with ports, subsets, versions, endpoints and backing workloads. */
export const GET = route({ query: listQuery }, ({ query, scope, store }) => {
  const { destinations, workloads } = derived(store).discovery;
  const f = readFilter(scope, derived(store).workspaces);
  const visible = destinations.filter((d) => f.ref({ cluster: d.cluster, group: "", kind: "Service", namespace: d.namespace, name: d.name }));
  return listResponse(withVersions(visible, workloads), query, (d) => `${d.discoveredName} ${d.localFqdn} ${labelText(d.labels)} ${d.ports.map((p) => p.name).join(" ")} ${d.versions.join(" ")}`);
});
