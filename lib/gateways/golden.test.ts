import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGatewayModel, functionInventory, gatewayFindings, gatewayStatuses, routingTables, traceRequest } from "./index";
import { caseSnapshot, parseCase } from "./testdata/cases";
import { findingProjection, functionProjection, statusProjection, tableProjection, traceProjection } from "./testdata/golden-format";

/**
 * Golden tests: every `testdata/<case>.yaml` is analysed and compared with `testdata/<case>.golden.json`
 * (statuses, traces, findings, routing table, function inventory, as the case asks). `UPDATE_GOLDEN=1`
 * rewrites the goldens instead; each golden was checked by hand against the reference text.
 */
const dir = new URL("./testdata/", import.meta.url);
const load = (name: string) => readFileSync(new URL(name, dir), "utf8");
const cases = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

function expectGolden(name: string, value: unknown): void {
  const file = new URL(`${name}.golden.json`, dir);
  const plain: unknown = JSON.parse(JSON.stringify(value));
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  expect(plain).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

/** Runs one case file and returns the projection the golden holds. */
function runCase(file: string): Record<string, unknown> {
  const c = parseCase(load(file), file, load);
  const openApiDocs = new Map(Object.entries(c.spec.openApiDocs ?? {}));
  const model = buildGatewayModel(caseSnapshot(c), { controllers: c.spec.controllers ?? {}, openApiDocs });
  const sections = c.spec.sections ?? ["status", "traces", "findings"];
  const out: Record<string, unknown> = {};
  if (sections.includes("status")) out.status = statusProjection(gatewayStatuses(model));
  if (sections.includes("traces")) {
    out.traces = (c.spec.traces ?? []).map(({ vhostMode, name, ...input }) => ({
      request: name ?? `${input.method ?? "GET"} ${input.host}${input.port ? `:${input.port}` : ""}${input.path}${input.headers ? ` ${JSON.stringify(input.headers)}` : ""}${vhostMode ? ` [${vhostMode}]` : ""}`,
      result: traceProjection(traceRequest(input, { model, ...(vhostMode ? { vhostMode } : {}) })),
    }));
  }
  if (sections.includes("findings")) out.findings = findingProjection(gatewayFindings(model));
  if (sections.includes("table")) out.table = tableProjection(routingTables(model));
  if (sections.includes("functions")) out.functions = functionProjection(functionInventory(model));
  return out;
}

describe("gateway goldens (reference §2–§10)", () => {
  for (const file of cases) {
    it(file, () => expectGolden(file.replace(/\.yaml$/, ""), runCase(file)));
  }
});
