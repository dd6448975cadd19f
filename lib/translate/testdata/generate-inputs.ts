/* eslint-disable no-restricted-imports, no-restricted-globals -- a developer script, not library code: it writes the golden inputs. */
/**
 * Writes the golden translation inputs `lib/translate/testdata/<feature>/input.yaml` (features-*.ts, built
 * with fixtures.ts). Run after changing a feature, then review the diff and the goldens:
 *
 *   node --conditions=react-server --import tsx lib/translate/testdata/generate-inputs.ts
 *
 * inputs.test.ts fails while a committed input differs from what this would write.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatedInputs } from "./inputs";

for (const { name, text } of generatedInputs()) {
  const dir = path.join(import.meta.dirname, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "input.yaml"), text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(dir, "input.yaml"))}\n`);
}
