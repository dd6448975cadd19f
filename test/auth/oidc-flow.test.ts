// The full OpenID Connect authorization code + PKCE flow against a real provider (oidc-provider) on
// loopback, through Meshpane's own login and callback handlers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, cookiesOf, ORIGIN, setUpServerEnv } from "./harness";

const SECRET = "canary-oidc-client-secret-7c1e";
let provider: http.Server;
let issuer = "";

beforeAll(async () => {
  provider = http.createServer();
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [{ client_id: "meshpane", client_secret: SECRET, redirect_uris: [`${ORIGIN}/api/v1/auth/oidc/callback`], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email"], groups: ["groups"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id, email: `${id}@example.com`, groups: id === "alice" ? ["bookinfo-team"] : ["ops"] }) }),
  });
  provider.on("request", oidc.callback());
  process.env.MESHPANE_TEST_OIDC_SECRET = SECRET;
  await setUpServerEnv([
    "auth:",
    "  oidc:",
    `    issuer: ${issuer}`,
    "    clientId: meshpane",
    "    clientSecretEnv: MESHPANE_TEST_OIDC_SECRET",
    `    redirectUri: ${ORIGIN}/api/v1/auth/oidc/callback`,
    "    groupsClaim: groups",
    "  roles:",
    "    - { group: bookinfo-team, role: editor, workspace: bookinfo-frontends }",
    "    - { group: ops, role: platform-admin }",
  ].join("\n"));
});

afterAll(async () => {
  const { getMeshStore } = await import("@/lib/server/store");
  await getMeshStore().stop();
  provider.close();
});

/** A tiny cookie jar for the provider's own cookies (interaction and session). */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    take(res: Response) {
      for (const [k, v] of Object.entries(cookiesOf(res))) cookies.set(k, v);
    },
  };
}

/** Follows the provider's redirects, signing in as `user` and consenting, until it sends the browser back to us. */
async function authorizeAt(url: string, user: string): Promise<string> {
  const j = jar();
  let next = url;
  for (let i = 0; i < 20; i++) {
    if (next.startsWith(ORIGIN)) return next;
    const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(next).pathname);
    let res: Response;
    if (interaction) {
      const page = await fetch(next, { headers: { cookie: j.header() } });
      const html = await page.text();
      const prompt: Record<string, string> = html.includes('name="login"') ? { prompt: "login", login: user, password: "x" } : { prompt: "consent" };
      res = await fetch(`${issuer}/interaction/${interaction[1]}`, { method: "POST", redirect: "manual", headers: { cookie: j.header(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(prompt).toString() });
    } else {
      res = await fetch(next, { redirect: "manual", headers: { cookie: j.header() } });
    }
    j.take(res);
    const location = res.headers.get("location");
    if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    next = new URL(location, next).href;
  }
  throw new Error("too many redirects at the provider");
}

describe("OpenID Connect sign-in", () => {
  it("runs the code flow with PKCE, maps groups to roles, and logout ends the session", async () => {
    const login = await import("@/app/api/v1/auth/oidc/login/route");
    const callback = await import("@/app/api/v1/auth/oidc/callback/route");
    const me = await import("@/app/api/v1/auth/me/route");
    const logout = await import("@/app/api/v1/auth/logout/route");

    const start = await call(login.GET, "/api/v1/auth/oidc/login?next=/graph");
    expect(start.status).toBe(302);
    const authUrl = new URL(start.headers.get("location") ?? "");
    expect(authUrl.origin).toBe(issuer);
    expect(authUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authUrl.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    const stateCookie = start.headers.getSetCookie()[0] ?? "";
    expect(stateCookie).toMatch(/^__Host-meshpane-oidc=.*; Path=\/; Secure; HttpOnly; SameSite=Lax/);

    const back = await authorizeAt(authUrl.href, "alice");
    const { pathname, search } = new URL(back);
    const done = await call(callback.GET, `${pathname}${search}`, { cookie: `__Host-meshpane-oidc=${cookiesOf(start)["__Host-meshpane-oidc"]}` });
    expect(done.status, await done.clone().text()).toBe(303);
    expect(done.headers.get("location")).toBe("/graph");
    const session = done.headers.getSetCookie().find((c) => c.startsWith("__Host-meshpane-session="));
    expect(session).toMatch(/; Path=\/; Secure; HttpOnly; SameSite=Lax; Expires=/);
    const cookie = `__Host-meshpane-session=${cookiesOf(done)["__Host-meshpane-session"]}`;

    const who = await call(me.GET, "/api/v1/auth/me", { cookie });
    expect(await who.json()).toMatchObject({ name: "alice", email: "alice@example.com", groups: ["bookinfo-team"], platformAdmin: false, workspaces: [{ name: "bookinfo-frontends", role: "editor", canApply: true }] });
    expect(JSON.stringify(await (await call(me.GET, "/api/v1/auth/me", { cookie })).json())).not.toContain(SECRET);

    expect((await call(logout.POST, "/api/v1/auth/logout", { cookie, method: "POST" })).status).toBe(200);
    expect((await call(me.GET, "/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("refuses a callback whose state does not match the attempt", async () => {
    const login = await import("@/app/api/v1/auth/oidc/login/route");
    const callback = await import("@/app/api/v1/auth/oidc/callback/route");
    const start = await call(login.GET, "/api/v1/auth/oidc/login");
    const back = new URL(await authorizeAt(start.headers.get("location") ?? "", "bob"));
    back.searchParams.set("state", "forged");
    const res = await call(callback.GET, `${back.pathname}${back.search}`, { cookie: `__Host-meshpane-oidc=${cookiesOf(start)["__Host-meshpane-oidc"]}` });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(/sign-in failed/);
    expect((await call(callback.GET, `${back.pathname}${back.search}`)).status).toBe(400);
  });
});
