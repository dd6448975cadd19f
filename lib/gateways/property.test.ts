import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { buildSnapshot, objectGroupKind, type Snapshot, type SnapshotCluster } from "../snapshot/snapshot";
import { buildGatewayModel, functionInventory, gatewayFindings, gatewayStatuses, routingTables, traceRequest, type TraceInput } from "./index";
import { requestArbitrary, worldArbitrary } from "./testdata/arbitraries";

/**
 * Property tests (fast-check): the tracer never throws on schema-valid input, and no answer of the analysis
 * depends on the order objects were read in. The shuffled snapshot is assembled by hand so that even the
 * per-kind lists keep the shuffled order (the snapshot builder would sort them).
 */
const CONTROLLERS = { "example.net/conformant": "spec" } as const;

function snapshotInOrder(objects: readonly KubeObject[]): Snapshot {
  const byKind = new Map<string, KubeObject[]>();
  for (const o of objects) byKind.set(objectGroupKind(o), [...(byKind.get(objectGroupKind(o)) ?? []), o]);
  const cluster: SnapshotCluster = { name: "cluster-1", management: false, byKind };
  return buildSnapshot(1, [cluster]);
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function everything(snapshot: Snapshot, requests: readonly TraceInput[]): unknown {
  const model = buildGatewayModel(snapshot, { controllers: CONTROLLERS });
  return JSON.parse(JSON.stringify({
    statuses: gatewayStatuses(model),
    findings: gatewayFindings(model),
    tables: routingTables(model),
    functions: functionInventory(model),
    traces: requests.map((r) => traceRequest(r, { model })),
    merged: requests.map((r) => traceRequest(r, { model, vhostMode: "merged" })),
  }));
}

describe("gateway analysis properties", () => {
  it("the tracer never throws on schema-valid input", () => {
    fc.assert(
      fc.property(worldArbitrary, fc.array(requestArbitrary, { minLength: 1, maxLength: 5 }), (objects, requests) => {
        const model = buildGatewayModel(snapshotInOrder(objects), { controllers: CONTROLLERS });
        for (const r of requests) {
          const t = traceRequest(r, { model });
          expect(t.status).toBeGreaterThanOrEqual(200);
          expect(traceRequest(r, { model, vhostMode: "merged" }).status).toBeGreaterThanOrEqual(200);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("answers do not depend on the order objects were read", () => {
    fc.assert(
      fc.property(worldArbitrary, fc.array(requestArbitrary, { maxLength: 4 }), fc.integer(), (objects, requests, seed) => {
        expect(everything(snapshotInOrder(shuffled(objects, seed)), requests)).toEqual(everything(snapshotInOrder(objects), requests));
      }),
      { numRuns: 100 },
    );
  });
});
