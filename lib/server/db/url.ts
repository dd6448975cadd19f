import path from "node:path";

/**
 * Where the embedded SQLite database lives: `DATABASE_URL` when set (a `file:` URL), otherwise
 * `.data/meshpane.db` under the working directory. The file is created on first run by
 * `prisma migrate deploy`. Deliberately free of `server-only` so prisma.config.ts can import it.
 */
export function databaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  return `file:${path.join(process.cwd(), ".data", "meshpane.db")}`;
}
