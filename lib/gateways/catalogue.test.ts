import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GATEWAY_FINDING_CATALOGUE } from "./catalogue";

const REFERENCE_CODES = [
  "GWA001", "GWA002", "GWA003", "GWA004", "GWA005", "GWA006", "GWA007", "GWR001", "GWR002", "GWR003", "GWR004", "GWR005", "GWR006", "GWR007", "GWR008",
  "GWR009", "GWR010", "GWR011", "GWR012", "GWR013", "GWR014", "GWR015", "GWR016", "GWR017", "GLX001", "GLX002", "GLX003", "GLX004", "GLX005", "GLX006",
  "GLX007", "GLE001", "GLE002", "GLE003", "GLE004", "GLE005", "GLE006", "GLE007", "GLE008",
];

describe("finding catalogue", () => {
  it("covers every §9 code of the reference, each entry complete", () => {
    const covered = new Set(GATEWAY_FINDING_CATALOGUE.map((e) => e.referenceCode));
    for (const code of REFERENCE_CODES) expect(covered.has(code), code).toBe(true);
    for (const e of GATEWAY_FINDING_CATALOGUE) {
      expect(e.code).toMatch(/^GW_[A-Z0-9_]+$/);
      expect(e.title.length).toBeGreaterThan(5);
      expect(e.explanation.length).toBeGreaterThan(20);
      expect(e.example.length).toBeGreaterThan(5);
    }
  });

  it("every code the goldens emit is catalogued, every catalogued code appears in a golden, every message says what must hold", () => {
    const dir = new URL("./testdata/", import.meta.url);
    const findings: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".golden.json"))) {
      const golden = JSON.parse(readFileSync(new URL(f, dir), "utf8")) as { findings?: string[] };
      findings.push(...(golden.findings ?? []));
    }
    const emitted = new Set(findings.map((x) => x.split(" ")[0] ?? ""));
    const codes = new Set(GATEWAY_FINDING_CATALOGUE.map((e) => e.code as string));
    for (const c of emitted) expect(codes.has(c), c).toBe(true);
    expect([...codes].filter((c) => !emitted.has(c))).toEqual([]);
    for (const x of findings) expect(x, "finding messages say what must hold").toContain("must");
  });
});
