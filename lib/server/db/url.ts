import fs from "node:fs";
import path from "node:path";

/**
 * Where the embedded SQLite database lives: `DATABASE_URL` when set, otherwise `.data/meshpane.db`
 * under the working directory. For a `file:` URL the folder is created here, because libSQL creates
 * the database file but not its folder; `prisma migrate deploy` then creates the tables on first run.
 * Deliberately free of `server-only` so prisma.config.ts can import it.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || `file:${path.join(process.cwd(), ".data", "meshpane.db")}`;
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  return url;
}
