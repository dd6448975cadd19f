// Starts the production build on a fresh copy of the bundled demo for the end-to-end tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CANARY_OIDC_SECRET, E2E_DEMO, E2E_LOG, E2E_PORT, E2E_ROOT } from "./env";

fs.rmSync(E2E_ROOT, { recursive: true, force: true });
fs.mkdirSync(E2E_ROOT, { recursive: true });
fs.cpSync(path.resolve("examples", "bookinfo-multicluster"), E2E_DEMO, { recursive: true });
const config = ["clusters:", ...["mgmt", "cluster-1", "cluster-2"].flatMap((c) => [`  - name: ${c}`, `    management: ${c === "mgmt"}`, `    source: { directory: ${JSON.stringify(path.join(E2E_DEMO, c))} }`])].join("\n");
// Demo sign-in plus an OIDC provider that is never contacted: its client secret is a canary.
const auth = ["auth:", "  demo: true", "  oidc:", "    issuer: https://127.0.0.1:1", "    clientId: meshpane", "    clientSecretEnv: MESHPANE_OIDC_SECRET", `    redirectUri: http://127.0.0.1:${E2E_PORT}/api/v1/auth/oidc/callback`].join("\n");
fs.writeFileSync(path.join(E2E_ROOT, "meshpane.config.yaml"), `${config}\nstaleAfterSeconds: 30\n${auth}\n`);
const log = fs.createWriteStream(E2E_LOG);

const env = { ...process.env, MESHPANE_CONFIG: path.join(E2E_ROOT, "meshpane.config.yaml"), DATABASE_URL: `file:${path.join(E2E_ROOT, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1", MESHPANE_OIDC_SECRET: CANARY_OIDC_SECRET };
const migrate = spawn("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "pipe", "pipe"], env });
tee(migrate);
migrate.on("exit", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], { stdio: ["ignore", "pipe", "pipe"], env });
  tee(server);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (c) => process.exit(c ?? 0));
});

/** Passes a child's output through and keeps a copy in E2E_LOG. */
function tee(child: ReturnType<typeof spawn>): void {
  child.stdout?.on("data", (b: Buffer) => (process.stdout.write(b), log.write(b)));
  child.stderr?.on("data", (b: Buffer) => (process.stderr.write(b), log.write(b)));
}
