import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { requireForce, requireWrite } from "@/lib/server/auth/scope";

const body = z.strictObject({
  action: z.enum(["write", "apply", "force"], { message: "must be write, apply or force" }),
  workspaces: z.array(z.string().min(1, "must name a workspace"), { message: "must list workspaces" }).max(100, "must list at most 100 workspaces").default([]),
});

/** Asks whether the caller may write, apply or force in the given workspaces: 200, or 403 naming what is missing. */
export const POST = route({ body, write: true }, ({ body, scope }) => {
  if (body.action === "force") requireForce(scope);
  requireWrite(scope, body.workspaces);
  return { allowed: true };
});
