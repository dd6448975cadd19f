import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { finishLogin, OIDC_STATE_COOKIE } from "@/lib/server/auth/oidc";
import { grantsForGroups } from "@/lib/server/auth/roles";
import { clearCookie, sessionCookie, signIn } from "@/lib/server/auth/session";
import { authOf } from "@/lib/server/config";

/** The provider sends the browser back here: exchange the code, map groups to grants, open a session. */
export const GET = route({ auth: "public" }, async ({ request, store }) => {
  const auth = authOf(store.config);
  if (!auth.oidc) throw notFound("OpenID Connect sign-in (no auth.oidc in the configuration)");
  const { identity, next } = await finishLogin(auth.oidc, request.nextUrl.search, request.cookies.get(OIDC_STATE_COOKIE)?.value);
  const { token, expiresAt } = await signIn(identity, grantsForGroups(identity.groups, auth.roles), auth.sessionHours);
  const headers = new Headers({ location: next, "cache-control": "no-store" });
  headers.append("set-cookie", sessionCookie(token, expiresAt));
  headers.append("set-cookie", clearCookie(OIDC_STATE_COOKIE));
  return new Response(null, { status: 303, headers });
});
