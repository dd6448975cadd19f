import { readdirSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { generatedInputs } from "./inputs";

/**
 * The golden inputs are generated (generate-inputs.ts): each committed `<feature>/input.yaml` must be
 * exactly what the generator writes, so a hand edit or a generator change cannot drift silently.
 */
const DIR = import.meta.dirname;
const inputs = generatedInputs();
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

describe("generated golden inputs", () => {
  it("covers every feature directory with an input.yaml", () => {
    const committed = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(path.join(DIR, d.name, "input.yaml"))).map((d) => d.name);
    expect(inputs.map((i) => i.name).sort()).toEqual(committed.sort());
  });
  for (const { name, text } of inputs) {
    it(name, () => {
      const committed = readFileSync(path.join(DIR, name, "input.yaml"), "utf8");
      // Same documents first, for a readable diff; then the same bytes (comments, quoting, anchors).
      expect(docs(text)).toEqual(docs(committed));
      expect(text).toBe(committed);
    });
  }
});
