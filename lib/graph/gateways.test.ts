import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGatewayModel } from "../gateways";
import { caseSnapshot, parseCase } from "../gateways/testdata/cases";
import { gatewayGraph, type Graph } from "./index";

const CASES = new URL("../gateways/testdata/", import.meta.url);
const load = (name: string) => readFileSync(new URL(name, CASES), "utf8");

function graphOf(file: string, maxNodes?: number): Graph {
  const c = parseCase(load(file), file, load);
  const model = buildGatewayModel(caseSnapshot(c), { controllers: c.spec.controllers, openApiDocs: new Map(Object.entries(c.spec.openApiDocs ?? {})) });
  return gatewayGraph(model, { maxNodes });
}

/** Nodes and edges as one line each, so a golden diff reads like the graph. */
function readable(g: Graph) {
  return {
    nodes: g.nodes.map((n) => `${n.kind} ${n.label} [${(n.badges ?? []).join(", ")}]`),
    edges: g.edges.map((e) => `${e.kind} ${e.source} -> ${e.target}${e.label ? ` (${e.label})` : ""}`),
  };
}

/** Compares with `testdata/<name>.golden.json`; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGolden(name: string, value: unknown): void {
  const file = new URL(`./testdata/${name}.golden.json`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  expect(value).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

describe("gatewayGraph", () => {
  it("Gateway API: gateway → listeners → attached routes → backends, a refused backend marked (golden §10.2)", () => {
    const g = graphOf("10-2-weights-no-grant.yaml");
    expectGolden("gateways-10-2", readable(g));
    expect(g.nodes.some((n) => n.kind === "backend" && n.badges?.includes("error"))).toBe(true);
  });

  it("routes a listener refuses hang off the gateway with the reason (golden: listener status case)", () => {
    const g = graphOf("gateway-listener-status.yaml");
    expectGolden("gateways-listener-status", readable(g));
  });

  it("Gloo Edge: gateway → listener → VirtualService → delegated RouteTables → Upstreams and functions (golden)", () => {
    const g = graphOf("10-5-edge-functions.yaml");
    expectGolden("gateways-10-5", readable(g));
    expect(g.nodes.some((n) => n.kind === "gatewayRoute" && n.badges?.includes("VirtualService"))).toBe(true);
  });

  it("is deterministic and every edge joins two nodes", () => {
    const a = graphOf("edge-gateway.yaml");
    expect(graphOf("edge-gateway.yaml")).toEqual(a);
    const ids = new Set(a.nodes.map((n) => n.id));
    for (const e of a.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it("aggregates past the node budget", () => {
    const g = graphOf("edge-gateway.yaml", 5);
    expect(g.nodes.length).toBeLessThan(graphOf("edge-gateway.yaml").nodes.length);
  });
});
