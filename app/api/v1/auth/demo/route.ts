import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { ApiError, notFound } from "@/lib/server/api/errors";
import { DEMO_USERS } from "@/lib/server/auth/demo";
import { safeNext } from "@/lib/server/auth/oidc";
import { sessionCookie, signIn } from "@/lib/server/auth/session";
import { authOf } from "@/lib/server/config";

const body = z.strictObject({ user: z.string({ message: "must name a demo user" }).min(1, "must name a demo user"), next: z.string().optional() });

/** Demo sign-in as one of the seeded users (only when the configuration enables the demo). */
export const POST = route({ body, auth: "public", write: true }, async ({ body, store }) => {
  const auth = authOf(store.config);
  if (!auth.demo) throw notFound("demo sign-in (this server signs in through OpenID Connect)");
  const user = Object.hasOwn(DEMO_USERS, body.user) ? DEMO_USERS[body.user] : undefined;
  if (!user) throw new ApiError(400, "BadRequest", `user: must be one of ${Object.keys(DEMO_USERS).join(", ")}`, [{ field: "user", reason: "FieldValueNotSupported", message: `user: must be one of ${Object.keys(DEMO_USERS).join(", ")}` }]);
  const { token, expiresAt } = await signIn(user.identity, user.grants, auth.sessionHours);
  return Response.json({ user: user.identity.name, next: safeNext(body.next) }, { headers: { "set-cookie": sessionCookie(token, expiresAt), "cache-control": "no-store" } });
});
