import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseKind, databaseUrl } from "./url";

/**
 * The one client type the app codes against. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so their model APIs agree; code
 * must not use provider-only options (`mode: "insensitive"`, say) without checking `dbKind()`.
 */
export type Db = PrismaClient;

const holder = globalThis as typeof globalThis & { __meshpaneDb?: Db };

/** A new client for a database URL: SQLite for file:/libsql:, PostgreSQL for postgres(ql)://. */
export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

/** The process-wide Prisma client on `DATABASE_URL` (or the embedded SQLite file). */
export function db(): Db {
  holder.__meshpaneDb ??= createDb(databaseUrl());
  return holder.__meshpaneDb;
}

/** Which store the process uses. */
export function dbKind(): ReturnType<typeof databaseKind> {
  return databaseKind(databaseUrl());
}

/** Closes the process-wide client (graceful shutdown); a later db() opens a new one. */
export async function closeDb(): Promise<void> {
  const client = holder.__meshpaneDb;
  holder.__meshpaneDb = undefined;
  await client?.$disconnect();
}
