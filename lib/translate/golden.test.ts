import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkGolden, goldenYaml, pipeline, readInput, validateIstio } from "./testdata/harness";

/**
 * Golden input/output pairs per feature and per status (testdata/<feature>/input.yaml →
 * output.golden.yaml, canonical YAML). `UPDATE_GOLDEN=1` rewrites the goldens; review the diff.
 */
const DIR = path.resolve(import.meta.dirname, "testdata");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const features = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(path.join(DIR, d.name, "input.yaml"))).map((d) => d.name).sort();

describe("translation goldens", () => {
  it("has a golden per feature", () => {
    expect(features.length).toBeGreaterThanOrEqual(15);
  });
  for (const feature of features) {
    it(feature, () => {
      const { translation } = pipeline(readInput(path.join(DIR, feature, "input.yaml")));
      const { expected, actual } = checkGolden(path.join(DIR, feature, "output.golden.yaml"), goldenYaml(translation), UPDATE);
      expect(actual).toBe(expected);
      for (const o of translation.outputs) expect(validateIstio(o.object), `${o.cluster} ${o.object.kind} ${o.object.metadata.name}`).toEqual([]);
    });
  }
});
