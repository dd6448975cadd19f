import fs from "node:fs";
import path from "node:path";

/** Which store a database URL selects: the embedded SQLite (file:, libsql:) or a shared PostgreSQL. */
export type DatabaseKind = "sqlite" | "postgresql";

/**
 * Where the database lives: `DATABASE_URL` when set, otherwise the embedded SQLite file
 * `.data/meshpane.db` under the working directory. For a `file:` URL the folder is created here, because
 * libSQL creates the database file but not its folder; `prisma migrate deploy` then creates the tables on
 * first run. Deliberately free of `server-only` so prisma.config.ts and scripts can import it.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || `file:${path.join(process.cwd(), ".data", "meshpane.db")}`;
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  return url;
}

/**
 * The store a URL selects, by scheme: `file:` and `libsql:` are SQLite, `postgres://` and
 * `postgresql://` are PostgreSQL; anything else is an error naming what must hold.
 */
export function databaseKind(url: string): DatabaseKind {
  if (/^(file|libsql):/.test(url)) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL: must start with file:, libsql:, postgres:// or postgresql:// (got scheme "${url.split(":")[0]}")`);
}

/** Schema file and migrations folder of each store (relative to the project root), for Prisma's CLI. */
export const prismaLayout: Record<DatabaseKind, { schema: string; migrations: string }> = {
  sqlite: { schema: path.join("prisma", "schema.prisma"), migrations: path.join("prisma", "migrations") },
  postgresql: { schema: path.join("prisma", "postgres", "schema.prisma"), migrations: path.join("prisma", "postgres", "migrations") },
};
