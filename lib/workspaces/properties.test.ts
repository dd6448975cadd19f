import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WorkspaceObjectSelector } from "../model/gloo-admin";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { attachPolicies } from "../policies";
import { workspaceDetailGraph, workspaceGraph } from "../graph";
import { listPolicies } from "../views/policies";
import { listWorkspaces, workspaceDetail } from "../views/workspaces";
import { isExportable, resolveWorkspaces, type WorkspaceIndex } from "./index";
import { worldArb, type World } from "./testdata/arbitraries";
import { snapshotOf } from "./testdata/fixtures";

const RUNS = 150;

function resolve(world: World): WorkspaceIndex {
  return resolveWorkspaces(snapshotOf(world));
}

/** Every exportable catalogued object with its owner. */
function ownedExportables(idx: WorkspaceIndex) {
  return idx.workspaces.flatMap((ws) => idx.ownedBy(ws.name).filter((e) => e.exportable).map((e) => ({ e, owner: ws.name })));
}

/** Independent oracle for one rule: does it name workspace `other` and admit the object? */
function ruleAdmits(rule: WorkspaceObjectSelector, other: { name: string; labels: Record<string, string> }, obj: KubeObject, gk: string): boolean {
  const glob = (p: string, v: string) => new RegExp(`^${p.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\-]/g, "\\$&")).join(".*")}$`).test(v);
  const names = (rule.workspaces ?? []).some((s) => (!s.name || glob(s.name, other.name)) && Object.entries(s.selector ?? {}).every(([k, v]) => other.labels[k] === v));
  const kinds: Record<string, string> = { SERVICE: "Service", ROUTE_TABLE: "RouteTable.networking.gloo.solo.io", VIRTUAL_DESTINATION: "VirtualDestination.networking.gloo.solo.io", EXTERNAL_SERVICE: "ExternalService.networking.gloo.solo.io" };
  const resources = rule.resources ?? [];
  const admits = resources.length === 0 || resources.some((r) => (!r.kind || r.kind === "ALL" || kinds[r.kind] === gk) && Object.entries(r.labels ?? {}).every(([k, v]) => obj.metadata.labels?.[k] === v));
  return names && admits;
}

/** Removes one workspace's importFrom or exportTo from its settings object in a copy of the world. */
function without(world: World, idx: WorkspaceIndex, ws: string, field: "importFrom" | "exportTo"): World {
  const ref = idx.workspace(ws)?.settings?.ref;
  const copy = structuredClone(world);
  for (const obj of copy[ref?.cluster as keyof World] ?? []) {
    if (ref && obj.kind === "WorkspaceSettings" && obj.metadata.name === ref.name && obj.metadata.namespace === ref.namespace) delete (obj.spec as Record<string, unknown>)[field];
  }
  return copy;
}

/** Everything derived from a world, as plain data, for equality checks. */
function everything(world: World) {
  const snap = snapshotOf(world);
  const idx = resolveWorkspaces(snap);
  const at = attachPolicies(idx);
  const per = idx.workspaces.map((ws) => ({
    visible: [...idx.visibleTo(ws.name).entries()], exported: idx.exportedBy(ws.name), imported: idx.importedBy(ws.name),
    graph: workspaceDetailGraph(idx, at, ws.name, [`ws:${ws.name}`]), detail: workspaceDetail(idx, at, ws.name),
  }));
  return JSON.parse(JSON.stringify({
    workspaces: idx.workspaces, edges: idx.edges, agreements: idx.agreements, findings: idx.findings, per,
    policies: at.policies, routes: at.routes, attachFindings: at.findings, graph: workspaceGraph(idx, at), list: listWorkspaces(idx, at), policyList: listPolicies(at),
  })) as unknown;
}

describe("workspace properties", () => {
  it("never throws on schema-valid input, and the generated worlds are schema-valid", () => {
    fc.assert(fc.property(worldArb, (world) => {
      for (const obj of Object.values(world).flat()) expect(parseObject(obj).ok).toBe(true);
      expect(() => everything(world)).not.toThrow();
      const idx = resolve(world);
      for (const f of [...idx.findings, ...attachPolicies(idx).findings]) {
        expect(f.message, f.code).toMatch(/\b(must|should)\b/);
        expect(f.objects.length, f.code).toBeGreaterThan(0);
      }
    }), { numRuns: RUNS });
  });

  it("shows an object to another workspace exactly when both sides' rules admit it (independent oracle)", () => {
    fc.assert(fc.property(worldArb, (world) => {
      const idx = resolve(world);
      for (const { e, owner } of ownedExportables(idx)) {
        const exporter = idx.workspace(owner);
        for (const other of idx.workspaces) {
          if (other.name === owner || !exporter) continue;
          const expected = !!exporter.settings && !!other.settings
            && exporter.settings.exportTo.some((r) => ruleAdmits(r, other, e.object, e.gk))
            && other.settings.importFrom.some((r) => ruleAdmits(r, exporter, e.object, e.gk));
          expect(idx.isVisible(e.ref, other.name), `${e.key} → ${other.name}`).toBe(expected);
        }
      }
    }), { numRuns: RUNS });
  });

  it("needs both sides: without the owner's exportTo or the consumer's importFrom nothing flows", () => {
    fc.assert(fc.property(worldArb, (world) => {
      const idx = resolve(world);
      for (const edge of idx.edges) {
        const noExport = resolve(without(world, idx, edge.from, "exportTo"));
        const noImport = resolve(without(world, idx, edge.to, "importFrom"));
        for (const ref of edge.objects) {
          expect(noExport.isVisible(ref, edge.to)).toBe(false);
          expect(noImport.isVisible(ref, edge.to)).toBe(false);
        }
      }
    }), { numRuns: 50 });
  });

  it("never shows a private (not exported or non-exportable) object to another workspace", () => {
    fc.assert(fc.property(worldArb, (world) => {
      const idx = resolve(world);
      for (const ws of idx.workspaces) {
        const exported = new Set(idx.exportedBy(ws.name).map((x) => JSON.stringify(x.ref)));
        for (const e of idx.ownedBy(ws.name)) {
          if (exported.has(JSON.stringify(e.ref)) && isExportable(e.gk)) continue;
          for (const other of idx.workspaces) if (other.name !== ws.name) expect(idx.isVisible(e.ref, other.name)).toBe(false);
        }
      }
    }), { numRuns: RUNS });
  });

  it("does not depend on input order", () => {
    const shuffled = worldArb.chain((world) => fc.tuple(
      fc.constant(world),
      fc.shuffledSubarray(world.mgmt, { minLength: world.mgmt.length, maxLength: world.mgmt.length }),
      fc.shuffledSubarray(world["cluster-1"], { minLength: world["cluster-1"].length, maxLength: world["cluster-1"].length }),
      fc.shuffledSubarray(world["cluster-2"], { minLength: world["cluster-2"].length, maxLength: world["cluster-2"].length }),
    ));
    fc.assert(fc.property(shuffled, ([world, mgmt, c1, c2]) => {
      const reordered = { "cluster-2": c2, mgmt, "cluster-1": c1 } as World;
      expect(everything(reordered)).toEqual(everything(world));
    }), { numRuns: 100 });
  });
});
