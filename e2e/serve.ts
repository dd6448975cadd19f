// Starts the production build on a fresh copy of the bundled demo for the end-to-end tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DEMO, E2E_PORT, E2E_ROOT } from "./env";

fs.rmSync(E2E_ROOT, { recursive: true, force: true });
fs.mkdirSync(E2E_ROOT, { recursive: true });
fs.cpSync(path.resolve("examples", "bookinfo-multicluster"), E2E_DEMO, { recursive: true });
const config = ["clusters:", ...["mgmt", "cluster-1", "cluster-2"].flatMap((c) => [`  - name: ${c}`, `    management: ${c === "mgmt"}`, `    source: { directory: ${JSON.stringify(path.join(E2E_DEMO, c))} }`])].join("\n");
fs.writeFileSync(path.join(E2E_ROOT, "meshpane.config.yaml"), `${config}\nstaleAfterSeconds: 30\n`);

const env = { ...process.env, MESHPANE_CONFIG: path.join(E2E_ROOT, "meshpane.config.yaml"), DATABASE_URL: `file:${path.join(E2E_ROOT, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
const migrate = spawn("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env });
migrate.on("exit", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (c) => process.exit(c ?? 0));
});
