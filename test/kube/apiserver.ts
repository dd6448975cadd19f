// Starts the real kube-apiserver (with embedded etcd) built by scripts/build-apiserver.sh,
// one process per simulated cluster, each with its own throwaway data dir.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const apiServerBinary = fileURLToPath(new URL("../apiserver/bin/meshpane-apiserver", import.meta.url));

export function apiServerBinaryExists(): boolean {
  return existsSync(apiServerBinary);
}

export type ApiServerUser = "admin" | "meshpane" | "alice" | "bob";

export interface ApiServer {
  name: string;
  url: string;
  caFile: string;
  /** kubeconfig with one context named `name`, authenticated as admin (system:masters). */
  kubeconfigPath: string;
  /** Bearer tokens: admin (system:masters), meshpane, alice (group bookinfo-team), bob. */
  tokens: Record<ApiServerUser, string>;
  /** Plain-HTTP control endpoint of the Go program. */
  control: string;
  dataDir: string;
  /** Compacts etcd so that every resourceVersion seen before the call is too old for etcd. */
  compact(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * false adds --watch-cache=false. With the watch cache on (the default, as in real clusters) watches
   * that carry a resourceVersion are served from memory, so compact() alone never makes them 410;
   * with it off they are served by etcd and get 410 Expired after compact().
   */
  watchCache?: boolean;
  /** Extra kube-apiserver flags; they win over the program's defaults. */
  apiserverArgs?: string[];
  timeoutMs?: number;
}

const STDERR_TAIL = 16_000;

export async function startApiServer(name: string, opts: StartOptions = {}): Promise<ApiServer> {
  if (!apiServerBinaryExists()) {
    throw new Error(`${apiServerBinary} is missing: run scripts/build-apiserver.sh`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), `meshpane-apiserver-${name}-`));
  const args = ["--data-dir", dataDir, "--name", name, "--stop-on-stdin-eof", "--"];
  if (opts.watchCache === false) args.push("--watch-cache=false");
  args.push(...(opts.apiserverArgs ?? []));
  // stdin stays an open pipe: if this process dies, the server sees EOF and shuts down.
  const child = spawn(apiServerBinary, args, { stdio: ["pipe", "pipe", "pipe"] });

  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL); // keep draining so the child never blocks
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  let info: Omit<ApiServer, "compact" | "stop" | "kubeconfigPath"> & { kubeconfig: string };
  try {
    info = await new Promise((resolve, reject) => {
      const timeoutMs = opts.timeoutMs ?? 60_000;
      const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
      let out = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        const nl = out.indexOf("\n");
        if (nl < 0) return;
        clearTimeout(timer);
        try {
          resolve(JSON.parse(out.slice(0, nl)));
        } catch (e) {
          reject(new Error(`unexpected ready line ${JSON.stringify(out.slice(0, nl))}: ${e}`));
        }
      });
      child.once("error", (e) => { clearTimeout(timer); reject(e); });
      void exited.then((code) => { clearTimeout(timer); reject(new Error(`exited with code ${code} before ready`)); });
    });
  } catch (e) {
    child.kill("SIGKILL");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`meshpane-apiserver ${name}: ${(e as Error).message}\n--- stderr (tail) ---\n${stderr}`);
  }

  // A forgotten stop() must not keep the test runner alive; when it exits, stdin closes and the
  // server stops itself.
  for (const handle of [child, child.stdin, child.stdout, child.stderr]) (handle as unknown as { unref(): void }).unref();

  let stopping: Promise<void> | undefined;
  return {
    name,
    url: info.url,
    caFile: info.caFile,
    kubeconfigPath: info.kubeconfig,
    tokens: info.tokens,
    control: info.control,
    dataDir,
    async compact() {
      const res = await fetch(`${info.control}/compact`, { method: "POST" });
      if (!res.ok) throw new Error(`compact: ${res.status} ${await res.text()}`);
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
          await exited;
          clearTimeout(killer);
        }
        await rm(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
