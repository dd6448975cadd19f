import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { derived } from "@/lib/server/store/derived";

/** Istio meshes (one per istiod Deployment) across clusters. */
export const GET = route({ query: listQuery }, ({ query, store }) =>
  listResponse(derived(store).discovery.meshes, query, (m) => `${m.version} ${m.revision} ${m.trustDomain} ${m.discoveredName}`),
);
