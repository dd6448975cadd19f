// Applies the database migrations (`prisma migrate deploy`), one replica at a time.
//
// Prisma's migrate already takes a PostgreSQL advisory lock (pg_advisory_lock(72707369)) around
// migrate deploy, but gives up after 10 s ("Timed out trying to acquire a postgres advisory lock"),
// so a replica that starts while another runs a long migration would fail its start. Checked with
// log_statement=all and a held lock (README, "PostgreSQL"). So this script first waits, without that
// timeout, on Meshpane's own advisory lock (a different key, so the two never deadlock), runs migrate
// deploy under it, then releases it; the session ending releases it too if this process dies.
// SQLite (file:, libsql:) needs no lock: one process owns the file.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import pg from "pg";

/** Meshpane's migration lock: "mshp" as a 32-bit number. */
export const MIGRATION_LOCK_KEY = 0x6d736870;

const require = createRequire(import.meta.url);

/** Runs `prisma migrate deploy` with `env`; under the advisory lock for a PostgreSQL URL. Throws on failure. */
export async function migrateDatabase(env = process.env, log = console.log) {
  const url = env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) return deploy(env);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    log("migrate: waiting for the migration lock");
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    log("migrate: holding the migration lock");
    deploy(env);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

function deploy(env) {
  const prisma = require.resolve("prisma/build/index.js");
  const r = spawnSync(process.execPath, [prisma, "migrate", "deploy"], { stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed (exit ${r.status})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDatabase().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
