// Test harness for route handlers with sign-in: a temporary migrated SQLite database, a configuration
// file over the bundled demo, and helpers that call a route module's handlers as Next would.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { useTempDatabase } from "../db";

export const ORIGIN = "http://127.0.0.1:3999";

/** Creates a temp dir with a migrated database and a config (clusters = a copy of the demo, plus `authYaml`); sets the env. */
export async function setUpServerEnv(authYaml: string): Promise<string> {
  const { url } = await useTempDatabase();
  const dir = path.dirname(url.slice("file:".length));
  // A copy: an apply that gets through must never write into the checked-in demo.
  const demo = path.join(dir, "demo");
  fs.cpSync(path.resolve("examples", "bookinfo-multicluster"), demo, { recursive: true });
  const clusters = ["clusters:", ...["mgmt", "cluster-1", "cluster-2"].flatMap((c) => [`  - name: ${c}`, `    management: ${c === "mgmt"}`, `    source: { directory: ${JSON.stringify(path.join(demo, c))} }`])].join("\n");
  fs.writeFileSync(path.join(dir, "meshpane.config.yaml"), `${clusters}\n${authYaml}\n`);
  process.env.MESHPANE_CONFIG = path.join(dir, "meshpane.config.yaml");
  return dir;
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/** Calls a handler with a URL under ORIGIN, optional cookie, JSON body and path params. */
export function call(handler: Handler, urlPath: string, opts: { cookie?: string; method?: string; body?: unknown; params?: Record<string, string | string[]>; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { host: new URL(ORIGIN).host, ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  const init: { method: string; headers: Record<string, string>; body?: string } = { method: opts.method ?? (opts.body === undefined ? "GET" : "POST"), headers };
  if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  return handler(new NextRequest(new URL(urlPath, ORIGIN), init), { params: Promise.resolve(opts.params ?? {}) });
}

/** `name=value` of the cookies a response sets (for the next request's Cookie header). */
export function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair?.indexOf("=") ?? -1;
    if (pair && i > 0) out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** A platform admin's session on the current database: the Cookie header value for route calls. */
export async function adminCookie(): Promise<string> {
  const { signIn } = await import("@/lib/server/auth/session");
  const { token } = await signIn({ subject: "test:admin", name: "admin", groups: [] }, [{ role: "platform-admin", workspace: null }], 1);
  return `__Host-meshpane-session=${token}`;
}
