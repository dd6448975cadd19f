// PostgreSQL migrations against the derived schema, through Prisma's CLI and a scratch database:
// the migrations are applied, the result is introspected (`db pull`), and `migrate diff` compares it
// with prisma/postgres/schema.prisma. (`migrate diff --from-migrations` does not work with a driver
// adapter in Prisma 6.19: it applies to the adapter's own database and fails.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");

/** Runs the Prisma CLI against `url`; returns stdout, throws with stderr on an unexpected exit code. */
export function prisma(url: string, args: string[], okCodes: number[] = [0]): { status: number; stdout: string } {
  const r = spawnSync(process.execPath, [prismaBin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" } });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`prisma ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { status: r.status ?? -1, stdout: r.stdout };
}

/**
 * The SQL that would bring a database migrated by prisma/postgres/migrations up to the derived schema;
 * "" when the migrations are complete. `scratchUrl` must be an empty database (it gets migrated).
 */
export function missingPostgresMigration(scratchUrl: string): string {
  prisma(scratchUrl, ["migrate", "deploy"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-pull-"));
  try {
    const pulled = path.join(dir, "schema.prisma");
    fs.copyFileSync(path.join(root, "prisma", "postgres", "schema.prisma"), pulled);
    prisma(scratchUrl, ["db", "pull", "--schema", pulled]);
    const diff = prisma(scratchUrl, ["migrate", "diff", "--from-schema-datamodel", pulled, "--to-schema-datamodel", path.join(root, "prisma", "postgres", "schema.prisma"), "--script", "--exit-code"], [0, 2]);
    return diff.status === 2 ? diff.stdout : "";
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
