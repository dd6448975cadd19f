import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { beginLogin, safeNext } from "@/lib/server/auth/oidc";
import { authOf } from "@/lib/server/config";

const query = z.object({ next: z.string().optional() });

/** Starts OpenID Connect sign-in (authorization code with PKCE): redirects to the provider. */
export const GET = route({ query, auth: "public" }, async ({ query, store }) => {
  const oidc = authOf(store.config).oidc;
  if (!oidc) throw notFound("OpenID Connect sign-in (no auth.oidc in the configuration)");
  const { url, cookie } = await beginLogin(oidc, safeNext(query.next));
  return new Response(null, { status: 302, headers: { location: url.href, "set-cookie": cookie, "cache-control": "no-store" } });
});
