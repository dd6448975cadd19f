// "Two processes share one PostgreSQL" (issue 12): two production servers on different ports against one
// PostgreSQL. Runs when a production build exists (`npx next build`) and Debian's PostgreSQL is installed.
// Ports: MESHPANE_E2E_PORT + 1 and + 2 (default 3101, 3102).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBinDir, startPostgres, type TestPostgres } from "./postgres";
import { productionBuildExists, startReplica, waitForStatus, type Replica } from "./replicas";

const base = Number(process.env.MESHPANE_E2E_PORT ?? 3100);
const run = productionBuildExists() && postgresBinDir() ? describe : describe.skip;

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
        const res = await fetch(`${r.url}${p}`);
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

  // TODO(lead, issue 8): sign in through a, then GET a signed-in page/API on b with the same cookie → 200 as the same user.
  it.todo("a user signed in through one is signed in on the other");
  // TODO(lead, issue 7): POST /api/v1/drafts on a, GET /api/v1/drafts/{id} on b → the same draft and revision.
  it.todo("a draft saved on one is resumed on the other");
  // TODO(lead, issue 7): 25 audit writes on each replica at once (50 in all, e.g. draft previews), then
  // GET /api/v1/audit on both: 50 entries, no duplicates, and meshpane_audit_writes_total sums to 50.
  it.todo("both write to one audit log: 50 concurrent writes, none lost or duplicated");

  it("SIGTERM: the replica ends its event streams and exits promptly; the other keeps serving", async () => {
    const controller = new AbortController();
    const events = await fetch(`${b.url}/api/v1/events`, { signal: controller.signal });
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
