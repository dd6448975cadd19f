// `npm start`: create or migrate the database, build the production bundle, and serve it on
// http://127.0.0.1:3000 (PORT and HOST override). With no meshpane.config.yaml the bundled demo is served.
// In a container: MESHPANE_SKIP_BUILD=1 (the image is built already) and HOST=0.0.0.0. Several replicas
// may start at once against one PostgreSQL: scripts/migrate.mjs lets one migrate at a time.
import { spawnSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { migrateDatabase } from "./migrate.mjs";
import { SERVER_NODE_FLAGS } from "./server-flags.mjs";

const require = createRequire(import.meta.url);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const next = require.resolve("next/dist/bin/next");

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  await migrateDatabase(env);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
if (process.env.MESHPANE_SKIP_BUILD !== "1") run([next, "build"]);
console.log(`Meshpane: serving on http://${host}:${port}`);
// Next itself handles SIGTERM gracefully (stops accepting, finishes open requests); the app's own
// handler (lib/server/lifecycle) ends event streams and closes watches and the database.
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, next, "start", "-H", host, "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGTERM" ? 143 : 0)));
