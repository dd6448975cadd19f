// Starts Meshpane replicas (`node scripts/start.mjs`, production build, no rebuild) against one database,
// for the two-replica test. Needs `npx next build` first.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

export interface Replica {
  url: string;
  child: ChildProcess;
  /** stdout and stderr so far. */
  log(): string;
  /** SIGTERM, then the exit code (or signal) and how long it took. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; millis: number }>;
}

/** True when a production build exists (`npx next build`). */
export function productionBuildExists(): boolean {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID"));
}

export function startReplica(port: number, databaseUrl: string, env: Record<string, string> = {}): Replica {
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", MESHPANE_SKIP_BUILD: "1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    log: () => out,
    async stop() {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const r = await exited;
      clearTimeout(killer);
      return { ...r, millis: Date.now() - started };
    },
  };
}

/** Polls `url` until it answers `status` (default 200). */
export async function waitForStatus(url: string, timeoutMs: number, status = 200): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.status === status) return;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}
