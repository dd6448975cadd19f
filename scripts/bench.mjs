// `npm run bench [names…]`: runs bench/run.ts under the server's V8 flags (scripts/server-flags.mjs).
import { spawnSync } from "node:child_process";
import { SERVER_NODE_FLAGS } from "./server-flags.mjs";

const args = [...SERVER_NODE_FLAGS, "--expose-gc", "--conditions=react-server", "--import", "tsx", "bench/run.ts", ...process.argv.slice(2)];
console.log(`bench: node ${SERVER_NODE_FLAGS.join(" ")} (the server's V8 flags)`);
const r = spawnSync(process.execPath, args, { stdio: "inherit" });
process.exit(r.status ?? 1);
