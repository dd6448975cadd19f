// Derives prisma/postgres/schema.prisma from prisma/schema.prisma, so the models are written once:
// the provider becomes postgresql and the client goes to lib/generated/prisma-pg. Run it after changing
// the models (`node prisma/postgres/derive-schema.mjs`), then add a PostgreSQL migration (README,
// "PostgreSQL"). `--check` exits 1 when the derived file is stale (a unit test runs it).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, "..", "schema.prisma");
const target = path.join(here, "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by prisma/postgres/derive-schema.mjs: do not edit; edit that file and rerun.\n";

/** The PostgreSQL twin of the SQLite schema text. */
export function derive(text) {
  const out = text
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(datasource\s+db\s*\{[^}]*?url\s*=\s*)"[^"]*"/, '$1"postgresql://localhost/unused"')
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"[^"]*"/, '$1"../../lib/generated/prisma-pg"');
  for (const must of ['"postgresql"', "postgresql://localhost/unused", "prisma-pg"]) {
    if (!out.includes(must)) throw new Error(`prisma/schema.prisma: the datasource and generator blocks must keep provider, url and output lines (could not set ${must})`);
  }
  return HEADER + out;
}

const derived = derive(fs.readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (current !== derived) {
    console.error("prisma/postgres/schema.prisma is stale: run `node prisma/postgres/derive-schema.mjs` and add a PostgreSQL migration");
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, derived);
  console.info(`wrote ${path.relative(process.cwd(), target)}`);
}
