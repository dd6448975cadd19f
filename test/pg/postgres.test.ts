import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db/client";
import { missingPostgresMigration } from "./migrations";
import { postgresBinDir, startPostgres, type TestPostgres } from "./postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("the derived PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma", () => {
    const r = spawnSync(process.execPath, [path.join(root, "prisma", "postgres", "derive-schema.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!postgresBinDir())("PostgreSQL store", () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => server?.stop());

  it("prisma/postgres/migrations build exactly the derived schema (else: npx tsx prisma/postgres/new-migration.ts <name>)", async () => {
    expect(missingPostgresMigration(await server.createDatabase("complete"))).toBe("");
  }, 60_000);

  it("two replicas starting at once migrate one after the other, each migration applied once", async () => {
    const url = await server.createDatabase("race");
    const [a, b] = await Promise.all([runMigrator(url), runMigrator(url)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // Both waited on Meshpane's lock before Prisma ran; exactly one of them found work to do.
    for (const r of [a, b]) expect(r.out).toContain("migrate: holding the migration lock");
    expect([a, b].filter((r) => r.out.includes("have been applied")).length).toBe(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query<{ migration_name: string; n: string }>(`SELECT migration_name, count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY migration_name`);
    await client.end();
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.every((r) => r.n === "1")).toBe(true);
  }, 90_000);

  it("the app's client picks PostgreSQL by URL scheme and writes and reads Boot rows", async () => {
    const url = await server.createDatabase("client");
    expect((await runMigrator(url)).code).toBe(0);
    const db: Db = createDb(url.replace(/^postgresql:/, "postgres:"));
    try {
      const row = await db.boot.create({ data: { version: "test" } });
      expect(row.id).toBeGreaterThan(0);
      expect(await db.boot.count()).toBe(1);
      expect((await db.boot.findFirst({ orderBy: { id: "desc" } }))?.version).toBe("test");
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});

function runMigrator(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "migrate.mjs")], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}
