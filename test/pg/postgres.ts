// A throwaway PostgreSQL for tests: Debian's server binaries, initdb into a temp dir, pg_ctl start on a
// free port, trust auth on 127.0.0.1 only. Runs as the current user, or as `postgres` when the current
// user is root (PostgreSQL refuses to run as root).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** postgresql:// URL of the `postgres` database, user `meshpane`, no password. */
  url: string;
  port: number;
  /** A fresh, empty database on this server; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Where Debian puts the server binaries (`apt-get install postgresql`); null when not installed. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries are missing: apt-get install -y postgresql (scripts/test.sh does)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-pg-"));
  const asUser = runAs();
  if (asUser) fs.chownSync(dir, asUser.uid, asUser.gid);
  const data = path.join(dir, "data");
  const port = await freePort();
  const run = (cmd: string, args: string[]) => execFileSync(path.join(bin, cmd), args, { stdio: "pipe", ...(asUser ?? {}), cwd: dir });
  run("initdb", ["-D", data, "-U", "meshpane", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  const url = `postgresql://meshpane@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      return `postgresql://meshpane@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      spawnSync(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { stdio: "pipe", ...(asUser ?? {}) });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const out = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error("running as root: PostgreSQL needs a non-root user; the Debian package creates `postgres`");
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
