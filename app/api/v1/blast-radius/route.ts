import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { readFilter } from "@/lib/server/auth/visibility";
import { blastRadius } from "@/lib/server/changes/blast-radius";
import { derived } from "@/lib/server/store/derived";

const body = z.strictObject({
  cluster: z.string({ message: "must name a cluster" }).min(1, "must name a cluster"),
  yaml: z.string({ message: "must be the policy as YAML text" }).max(256 * 1024, "must be at most 262144 characters"),
});

/** What a policy, as written, selects now, limited to what the caller may see. Read-only; POST only to carry the YAML. */
export const POST = route({ body }, ({ body, scope, store }) => {
  const result = blastRadius(store, body.cluster, body.yaml);
  const f = readFilter(scope, derived(store).workspaces);
  if (f.all) return result;
  return { ...result, routes: result.routes.filter(f.ref), destinations: result.destinations.filter(f.ref), workloads: result.workloads.filter(f.ref) };
});
