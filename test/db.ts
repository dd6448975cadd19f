import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";

/**
 * Points this test process at a fresh SQLite file with every checked-in migration applied, the way
 * `prisma migrate deploy` would. Call before the first `db()`.
 */
export async function useTempDatabase(): Promise<{ url: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const client = createClient({ url });
  const root = path.resolve("prisma", "migrations");
  for (const name of fs.readdirSync(root).filter((n) => fs.statSync(path.join(root, n)).isDirectory()).sort()) {
    await client.executeMultiple(fs.readFileSync(path.join(root, name, "migration.sql"), "utf8"));
  }
  client.close();
  process.env.DATABASE_URL = url;
  return { url, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
