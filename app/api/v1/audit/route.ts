import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { listAudit } from "@/lib/server/audit/log";

const query = z.object({
  actor: z.string().optional(),
  action: z.enum(["dry-run", "apply", "force-apply"], { message: "must be dry-run, apply or force-apply" }).optional(),
  result: z.enum(["success", "failure", "conflict", "denied"], { message: "must be success, failure, conflict or denied" }).optional(),
  cluster: z.string().optional(),
  kind: z.string().optional(),
  draft: z.string().optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").default(200),
  continue: z.string().optional(),
});

/** The audit log, newest first: all of it for platform admins, one's own entries for everyone else. */
export const GET = route({ query }, ({ query, scope }) => listAudit(scope.platformAdmin ? query : { ...query, actor: scope.user.name }));
