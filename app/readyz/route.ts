import { route } from "@/lib/server/api/handler";
import { db } from "@/lib/server/db/client";
import { isShuttingDown } from "@/lib/server/lifecycle/shutdown";
import { readiness } from "@/lib/server/metrics/readiness";

export const dynamic = "force-dynamic";

const DB_TIMEOUT_MS = 2_000;

/**
 * Readiness: 200 when the database answers and every cluster is past its first sync or marked Stale,
 * 503 otherwise and while shutting down, with the checks in the body.
 */
export const GET = route({ auth: "public" }, async ({ store }) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS)));
  const r = await readiness(store, () => Promise.race([db().$queryRaw`SELECT 1`, timeout]), isShuttingDown()).finally(() => clearTimeout(timer));
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
