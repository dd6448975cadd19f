import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./url";

const holder = globalThis as typeof globalThis & { __meshpaneDb?: PrismaClient };

/** The process-wide Prisma client on the embedded SQLite file (or DATABASE_URL). */
export function db(): PrismaClient {
  holder.__meshpaneDb ??= new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl() }) });
  return holder.__meshpaneDb;
}
