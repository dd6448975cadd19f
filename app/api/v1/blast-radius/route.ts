import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { blastRadius } from "@/lib/server/changes/blast-radius";

const body = z.strictObject({
  cluster: z.string({ message: "must name a cluster" }).min(1, "must name a cluster"),
  yaml: z.string({ message: "must be the policy as YAML text" }).max(256 * 1024, "must be at most 262144 characters"),
});

/** What a policy, as written, selects now. Read-only; POST only to carry the YAML. */
export const POST = route({ body }, ({ body, store }) => blastRadius(store, body.cluster, body.yaml));
