// Writes test/kube/crds/<group>.yaml: the test-only CRDs of every kind Meshpane models, generated from the
// zod schemas (see test/kube/crd-gen.ts). Run after changing a schema in lib/model:
//   node --conditions=react-server --import tsx scripts/generate-crds.ts
// Files of groups that no longer exist are removed, so the directory always equals the generator's output.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderCrdFiles } from "../test/kube/crd-gen";

const dir = fileURLToPath(new URL("../test/kube/crds/", import.meta.url));
fs.mkdirSync(dir, { recursive: true });
const files = renderCrdFiles();
for (const stale of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml") && !files.has(f))) {
  fs.rmSync(path.join(dir, stale));
  console.info(`removed ${stale}`);
}
let changed = 0;
for (const [name, content] of files) {
  const file = path.join(dir, name);
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === content) continue;
  fs.writeFileSync(file, content);
  changed++;
}
console.info(`${files.size} CRD files in ${path.relative(process.cwd(), dir) || dir}, ${changed} written`);
