import "server-only";
import type { SourceHealth } from "../sources/types";
import type { MeshStore } from "../store/mesh-store";

/** One cluster in the /readyz answer. */
export interface ClusterReadiness {
  name: string;
  state: SourceHealth["state"];
  ready: boolean;
}

/** The /readyz answer: ready when the database answers, every cluster is past its first sync or Stale, and the process is not shutting down. */
export interface Readiness {
  ready: boolean;
  database: { ok: boolean; error?: string };
  clusters: ClusterReadiness[];
  shuttingDown: boolean;
}

/**
 * A cluster counts as ready once it has had one complete view (Healthy, or Degraded after a sync: the
 * cache keeps serving) or once it is marked Stale (its page says so; holding every replica unready
 * because one remote cluster is down would take the whole UI away).
 */
export function clusterReady(health: SourceHealth): boolean {
  return health.state === "Healthy" || health.state === "Stale" || health.lastSyncAt !== null;
}

/** Checks readiness; `pingDatabase` rejects when the database is unreachable. */
export async function readiness(store: MeshStore, pingDatabase: () => Promise<unknown>, shuttingDown: boolean): Promise<Readiness> {
  const clusters = store.clusters().map(({ store: cs }) => {
    const health = cs.currentHealth();
    return { name: cs.name, state: health.state, ready: clusterReady(health) };
  });
  let database: Readiness["database"] = { ok: true };
  try {
    await pingDatabase();
  } catch (err) {
    // The message of a driver error may carry the URL: keep only its first line, never the URL.
    database = { ok: false, error: redact((err as Error).message.split("\n")[0] ?? "unreachable") };
  }
  return { ready: database.ok && !shuttingDown && clusters.every((c) => c.ready), database, clusters, shuttingDown };
}

function redact(message: string): string {
  return message.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"']+/gi, "<url>");
}
