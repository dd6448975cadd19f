// `npm start`: create or migrate the database, build the production bundle, and serve it on
// http://127.0.0.1:3000 (PORT and HOST override). With no meshpane.config.yaml the bundled demo is served.
import { spawnSync, spawn } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run("npx", ["prisma", "migrate", "deploy"]);
if (process.env.MESHPANE_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
console.log(`Meshpane: serving on http://${host}:${port}`);
const server = spawn("npx", ["next", "start", "-H", host, "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
