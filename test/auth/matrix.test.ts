// The authorization matrix: every route handler under app/ × {anonymous, viewer, editor, admin, member of
// another workspace}. A route file without an entry fails the test, so new routes must declare who may call them.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, cookiesOf, setUpServerEnv } from "./harness";
import { MATRIX, WHO, type Case, type Who } from "./matrix-entries";

/** Strings only another team's data contains: the viewer and editor must never see them, nor the other member ours. */
const LEAKS: Record<Who, readonly string[]> = {
  anonymous: [],
  admin: [],
  viewer: ["web-portal", "web-team-config"],
  editor: ["web-portal", "web-team-config"],
  other: ["bookinfo-frontends"],
};

const cookies = new Map<Who, string>();

async function signInAll(): Promise<void> {
  const demo = await import("@/app/api/v1/auth/demo/route");
  for (const [who, user] of [["admin", "admin"], ["editor", "bookinfo-dev"], ["viewer", "reviewer"]] as const) {
    const res = await call(demo.POST, "/api/v1/auth/demo", { body: { user } });
    expect(res.status).toBe(200);
    cookies.set(who, `__Host-meshpane-session=${cookiesOf(res)["__Host-meshpane-session"]}`);
  }
  const { signIn } = await import("@/lib/server/auth/session");
  const other = await signIn({ subject: "test:web-dev", name: "web-dev", groups: ["web"] }, [{ role: "editor", workspace: "web-team" }], 1);
  cookies.set("other", `__Host-meshpane-session=${other.token}`);
}

beforeAll(async () => {
  await setUpServerEnv("auth: { demo: true }");
  await signInAll();
});

afterAll(async () => {
  const { getMeshStore } = await import("@/lib/server/store");
  await getMeshStore().stop();
});

function routeFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p.split(path.sep).join("/")] : [];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

async function run(file: string, c: Case, who: Who): Promise<{ status: number; text: string }> {
  const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, Parameters<typeof call>[0] | undefined>;
  const handler = mod[c.method];
  if (!handler) throw new Error(`${file} exports no ${c.method}`);
  const cookie = cookies.get(who);
  const res = await call(handler, c.url, { method: c.method, ...(c.body === undefined ? {} : { body: c.body }), ...(c.params ? { params: c.params } : {}), ...(cookie ? { cookie } : {}) });
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, text: "" };
  }
  return { status: res.status, text: await res.text() };
}

describe("authorization matrix", () => {
  it("has an entry for every route file and every method it exports", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    const missing = files.filter((f) => !(f in MATRIX));
    expect(missing, "route files without an entry in test/auth/matrix-entries.ts").toEqual([]);
    for (const f of files) {
      const mod = (await import(/* @vite-ignore */ path.resolve(f))) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function");
      const covered = new Set((MATRIX[f] ?? []).map((c) => c.method));
      expect(exported.filter((m) => !covered.has(m)), `${f}: methods without a matrix case`).toEqual([]);
    }
  });

  for (const [file, cases] of Object.entries(MATRIX)) {
    for (const c of cases) {
      it(`${c.method} ${c.url} (${file})`, async () => {
        if (!fs.existsSync(file)) return; // an entry added ahead of its route
        for (const who of WHO) {
          const { status, text } = await run(file, c, who);
          expect(status, `${who}: ${text.slice(0, 300)}`).toBe(c.expect[who]);
          if (status < 300 && !c.skipLeakCheck) for (const leak of LEAKS[who]) expect(text, `${who} sees ${leak}`).not.toContain(leak);
        }
        if (c.endsSession) {
          const me = await import("@/app/api/v1/auth/me/route");
          expect((await call(me.GET, "/api/v1/auth/me", { cookie: cookies.get("editor") ?? "" })).status).toBe(401);
          await signInAll();
        }
      });
    }
  }
});

describe("request forgery", () => {
  it("rejects cross-origin writes even with a valid session", async () => {
    const check = await import("@/app/api/v1/auth/check/route");
    const res = await call(check.POST, "/api/v1/auth/check", { body: { action: "write", workspaces: [] }, cookie: cookies.get("admin") ?? "", headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("cross-origin");
  });

  it("ignores x-middleware-subrequest", async () => {
    const ws = await import("@/app/api/v1/workspaces/route");
    const headers = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    expect((await call(ws.GET, "/api/v1/workspaces", { headers })).status).toBe(401);
    const res = await call(ws.GET, "/api/v1/workspaces", { headers, cookie: cookies.get("editor") ?? "" });
    expect(((await res.json()) as { items: { name: string }[] }).items.map((w) => w.name)).toEqual(["bookinfo-frontends"]);
  });

  it("denies the viewer a write and names the missing permission", async () => {
    const check = await import("@/app/api/v1/auth/check/route");
    const res = await call(check.POST, "/api/v1/auth/check", { body: { action: "apply", workspaces: ["bookinfo-frontends"] }, cookie: cookies.get("viewer") ?? "" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe("reviewer may not change workspace bookinfo-frontends (editor or workspace-admin); holds only viewer: missing permission write");
  });
});

describe("what a team member sees", () => {
  it("sees their workspace's objects and what it imports, and no other team's", async () => {
    const destinations = await import("@/app/api/v1/destinations/route");
    const graph = await import("@/app/api/v1/graph/route");
    const names = async (who: Who) => {
      const res = await call(destinations.GET, "/api/v1/destinations", { cookie: cookies.get(who) ?? "" });
      return [...new Set(((await res.json()) as { items: { namespace: string; name: string }[] }).items.map((d) => `${d.namespace}/${d.name}`))].sort();
    };
    expect(await names("editor")).toEqual(["bookinfo-backends/details", "bookinfo-backends/ratings", "bookinfo-backends/reviews", "bookinfo-frontends/productpage"]);
    expect((await names("admin")).length).toBeGreaterThan(4);
    const g = (await (await call(graph.GET, "/api/v1/graph?view=workspaces", { cookie: cookies.get("editor") ?? "" })).json()) as { nodes: { kind: string; label: string }[] };
    expect(g.nodes.filter((n) => n.kind === "workspace").map((n) => n.label)).toEqual(["bookinfo-frontends"]);
  });
});
