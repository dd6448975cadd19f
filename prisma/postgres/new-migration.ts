// Writes the next PostgreSQL migration after a model change:
//   node prisma/postgres/derive-schema.mjs && npx tsx prisma/postgres/new-migration.ts <name>
// Starts a throwaway PostgreSQL (Debian's, as the tests do), applies prisma/postgres/migrations,
// and writes the difference to the derived schema as prisma/postgres/migrations/<timestamp>_<name>.
import fs from "node:fs";
import path from "node:path";
import { missingPostgresMigration } from "../../test/pg/migrations";
import { startPostgres } from "../../test/pg/postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npx tsx prisma/postgres/new-migration.ts <name> (name: lowercase letters, digits and _)");
  process.exit(2);
}
const pg = await startPostgres();
try {
  const sql = missingPostgresMigration(await pg.createDatabase("scratch"));
  if (!sql) {
    console.info("prisma/postgres/migrations already match prisma/postgres/schema.prisma");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(import.meta.dirname, "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.info(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await pg.stop();
}
