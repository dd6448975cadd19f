import "server-only";
import { db } from "./db/client";
import { getMeshStore } from "./store";

/** Process start: record the boot (proves the database is migrated and reachable) and start watching. */
export async function bootServer(): Promise<void> {
  getMeshStore();
  try {
    await db().boot.create({ data: { version: process.env.npm_package_version ?? "dev" } });
  } catch (err) {
    console.error(`database not ready (run \`npx prisma migrate deploy\`): ${(err as Error).message.split("\n")[0]}`);
  }
}
