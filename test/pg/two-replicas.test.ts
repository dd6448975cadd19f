// "Two processes share one PostgreSQL" (issue 12): two production servers on different ports against one
// PostgreSQL, serving the bundled demo (previews only: nothing is applied, so the demo files stay as they are). Runs when a production build exists (`npx next build`) and Debian's PostgreSQL is installed.
// Ports: MESHPANE_E2E_PORT + 1 and + 2 (default 3101, 3102).
import pg from "pg";
import { stringify } from "yaml";
import type { AuditEntryView, DraftView } from "@/lib/views/drafts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBinDir, startPostgres, type TestPostgres } from "./postgres";
import { productionBuildExists, startReplica, waitForStatus, type Replica } from "./replicas";

const base = Number(process.env.MESHPANE_E2E_PORT ?? 3100);
const run = productionBuildExists() && postgresBinDir() ? describe : describe.skip;

const TABLE = {
  apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: "replicas-ratings", namespace: "bookinfo-backends-config" },
  spec: { hosts: ["ratings.replicas.internal"], http: [{ name: "ratings", forwardTo: { destinations: [{ ref: { name: "ratings", namespace: "bookinfo-backends", cluster: "cluster-1" }, port: { number: 9080 } }] } }] },
};

/** The demo admin's session cookie, opened on replica a (the API needs a session). */
let cookie = "";
/** fetch with the session cookie. */
const call = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie } });

/** Signs in a demo user on one replica; answers the `name=value` of the session cookie. */
async function signIn(r: Replica, user: string): Promise<string> {
  const res = await fetch(`${r.url}/api/v1/auth/demo`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user }) });
  if (res.status !== 200) throw new Error(`sign-in on ${r.url}: ${res.status} ${await res.text()}`);
  return (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
}

async function send(r: Replica, method: string, path: string, body: unknown): Promise<unknown> {
  const res = await call(`${r.url}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${method} ${path} on ${r.url}: ${res.status} ${await res.text()}`);
  return res.json();
}
const post = (r: Replica, path: string, body: unknown) => send(r, "POST", path, body);
const put = (r: Replica, path: string, body: unknown) => send(r, "PUT", path, body);

/** JSON answers that must agree between replicas on the same snapshot (the bundled demo). */
const SAME_ANSWERS = ["/api/v1/meshes", "/api/v1/workloads", "/api/v1/destinations", "/api/v1/workspaces", "/api/v1/policies", "/api/v1/gateways", "/api/v1/translation", "/api/v1/diagnostics"];

run("two replicas on one PostgreSQL", () => {
  let server: TestPostgres;
  let url: string;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase("replicas");
    // Both start at once on an empty database: they migrate one after the other (scripts/migrate.mjs).
    a = startReplica(base + 1, url);
    b = startReplica(base + 2, url);
    await Promise.all([waitForStatus(`${a.url}/readyz`, 120_000), waitForStatus(`${b.url}/readyz`, 120_000)]).catch((err: Error) => {
      throw new Error(`${err.message}\n--- a ---\n${a.log().slice(-3000)}\n--- b ---\n${b.log().slice(-3000)}`);
    });
    cookie = await signIn(a, "admin");
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await server?.stop();
  });

  it("both are ready, and both recorded their boot in the one database", async () => {
    for (const r of [a, b]) expect((await fetch(`${r.url}/readyz`)).status).toBe(200);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const boots = await client.query(`SELECT count(*)::int AS n FROM "Boot"`);
    const migrations = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    await client.end();
    expect(boots.rows[0].n).toBe(2);
    expect(migrations.rows[0].n).toBeGreaterThan(0);
  });

  it("both give the same API answers for the same snapshot", async () => {
    for (const p of SAME_ANSWERS) {
      const [x, y] = await Promise.all([a, b].map(async (r) => {
        const res = await call(`${r.url}${p}`);
        return { status: res.status, body: await res.json() };
      }));
      expect(x!.status, p).toBe(200);
      expect(y, p).toEqual(x);
    }
  }, 60_000);

  it("both serve Prometheus metrics", async () => {
    for (const r of [a, b]) {
      const text = await (await fetch(`${r.url}/metrics`)).text();
      expect(text).toMatch(/meshpane_cluster_sync_state\{cluster="mgmt",state="Healthy"\} 1/);
    }
  });

  it("a user signed in through one is signed in on the other, and signing out on the other ends it on both", async () => {
    const dev = await signIn(a, "bookinfo-dev");
    const me = (r: Replica) => fetch(`${r.url}/api/v1/auth/me`, { headers: { cookie: dev } });
    expect(await (await me(b)).json()).toMatchObject({ name: "bookinfo-dev", workspaces: [{ name: "bookinfo-frontends", role: "editor" }] });
    expect((await fetch(`${b.url}/api/v1/auth/logout`, { method: "POST", headers: { cookie: dev } })).status).toBe(200);
    expect([(await me(a)).status, (await me(b)).status]).toEqual([401, 401]);
  });
  it("a draft saved on one is resumed on the other, and a stale save is refused there", async () => {
    const created = (await post(a, "/api/v1/drafts", { title: "shared", items: [{ op: "create", cluster: "mgmt", yaml: stringify(TABLE) }] })) as DraftView;
    const onB = (await (await call(`${b.url}/api/v1/drafts/${created.id}`)).json()) as DraftView;
    expect(onB).toEqual(created);
    const saved = (await put(b, `/api/v1/drafts/${created.id}`, { title: "shared, edited on b", items: created.items, revision: created.revision })) as DraftView;
    expect(saved.revision).toBe(created.revision + 1);
    const stale = await call(`${a.url}/api/v1/drafts/${created.id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "lost?", items: created.items, revision: created.revision }) });
    expect(stale.status).toBe(409);
    expect(((await (await call(`${a.url}/api/v1/drafts/${created.id}`)).json()) as DraftView).title).toBe("shared, edited on b");
  }, 60_000);

  it("both write to one audit log: 50 concurrent writes, none lost or duplicated", async () => {
    const draft = (await post(a, "/api/v1/drafts", { title: "audit", items: [{ op: "create", cluster: "mgmt", yaml: stringify(TABLE) }] })) as DraftView;
    // Each preview records one dry-run audit entry: 25 on each replica, all at once.
    const previews = Array.from({ length: 50 }, (_, i) => call(`${(i % 2 ? a : b).url}/api/v1/drafts/${draft.id}/preview`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contentHash: draft.contentHash }) }));
    expect((await Promise.all(previews)).map((r) => r.status)).toEqual(Array(50).fill(200));
    for (const r of [a, b]) {
      const audit = (await (await call(`${r.url}/api/v1/audit?draft=${draft.id}&limit=500`)).json()) as { items: AuditEntryView[]; total: number };
      expect(audit.total).toBe(50);
      expect(new Set(audit.items.map((e) => e.id)).size).toBe(50);
      expect(audit.items.every((e) => e.action === "dry-run" && e.result === "success")).toBe(true);
      // The kind filter ignores case on PostgreSQL as on SQLite.
      for (const kind of ["RouteTable", "routetable.NETWORKING"]) expect(((await (await call(`${r.url}/api/v1/audit?draft=${draft.id}&kind=${kind}`)).json()) as { total: number }).total).toBe(50);
    }
  }, 120_000);

  it("SIGTERM: the replica ends its event streams and exits promptly; the other keeps serving", async () => {
    const controller = new AbortController();
    const events = await call(`${b.url}/api/v1/events`, { signal: controller.signal });
    const reader = events.body!.getReader();
    await reader.read();
    const stopped = b.stop();
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    const { millis, signal } = await stopped;
    expect(signal).not.toBe("SIGKILL");
    // Next waits for open connections; without ending the stream this would take the kill timeout.
    expect(millis).toBeLessThan(15_000);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
  }, 60_000);
});
