import "server-only";
import { closeDb } from "../db/client";
import { metrics } from "../metrics/registry";
import { getMeshStore } from "../store";

/** Longest wait for in-flight requests before the database is closed anyway (under the pod's grace period). */
const DRAIN_TIMEOUT_MS = 20_000;

interface Lifecycle {
  shuttingDown: boolean;
  installed: boolean;
  closers: Set<() => void>;
}

const holder = globalThis as typeof globalThis & { __meshpaneLifecycle?: Lifecycle };
const life = (): Lifecycle => (holder.__meshpaneLifecycle ??= { shuttingDown: false, installed: false, closers: new Set() });

/** True once SIGTERM (or SIGINT) arrived: /readyz answers 503 so the Service stops sending requests. */
export function isShuttingDown(): boolean {
  return life().shuttingDown;
}

/** Registers something to end at shutdown (an event stream); returns the unregister function. */
export function onShutdown(close: () => void): () => void {
  const closers = life().closers;
  closers.add(close);
  return () => closers.delete(close);
}

/**
 * Graceful shutdown, beside Next's own SIGTERM handling (which stops accepting connections, waits for
 * open requests, then exits): ends the event streams at once (else they would hold Next's close open
 * until the pod is killed; browsers reconnect to another replica), closes the cluster watches, waits
 * for in-flight requests (writes) to finish, then closes the database.
 */
export function installShutdownHandlers(): void {
  const l = life();
  if (l.installed) return;
  l.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown());
}

/** Runs the shutdown sequence (exported for tests). */
export async function shutdown(): Promise<void> {
  const l = life();
  if (l.shuttingDown) return;
  l.shuttingDown = true;
  for (const close of [...l.closers]) close();
  l.closers.clear();
  await getMeshStore().stop();
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (Date.now() < deadline && (await inFlight()) > 0) await new Promise((r) => setTimeout(r, 50));
  await closeDb();
}

async function inFlight(): Promise<number> {
  return (await metrics().requestsInFlight.get()).values[0]?.value ?? 0;
}
