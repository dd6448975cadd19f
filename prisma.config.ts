import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { pgMigrateAdapter } from "./lib/server/db/pg-migrate-adapter";
import { databaseKind, databaseUrl, prismaLayout } from "./lib/server/db/url";

// DATABASE_URL picks the store: SQLite (file:, libsql:) or PostgreSQL (postgres://) with its own derived
// schema and migrations folder. `prisma generate --schema prisma/postgres/schema.prisma` generates the
// PostgreSQL client whatever the URL (postinstall does both).
const url = databaseUrl();
const kind = databaseKind(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (kind === "postgresql" ? pgMigrateAdapter(url) : new PrismaLibSQL({ url })),
  schema: prismaLayout[kind].schema,
  migrations: { path: prismaLayout[kind].migrations },
});
