// Writes deploy/clusterrole.yaml from the model registry (see rbac.ts).
//   node --conditions=react-server --import tsx test/deploy/write-clusterrole.ts
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { clusterRoleYaml } from "./rbac";

const file = fileURLToPath(new URL("../../deploy/clusterrole.yaml", import.meta.url));
fs.writeFileSync(file, clusterRoleYaml());
console.info(`wrote ${file}`);
