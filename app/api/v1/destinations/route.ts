import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { derived } from "@/lib/server/store/derived";
import { labelText } from "@/lib/server/views/search";
import { withVersions } from "@/lib/views/destinations";

/** Destinations (Services in a mesh) with ports, subsets, versions, endpoints and backing workloads. */
export const GET = route({ query: listQuery }, ({ query, store }) => {
  const { destinations, workloads } = derived(store).discovery;
  return listResponse(withVersions(destinations, workloads), query, (d) => `${d.discoveredName} ${d.localFqdn} ${labelText(d.labels)} ${d.ports.map((p) => p.name).join(" ")} ${d.versions.join(" ")}`);
});
