import { describe, expect, it } from "vitest";
import { applyChange, evaluate, previewChange } from "./preview";
import { baseWorld, dest, rt, snapshotOf } from "./testdata/world";

const route = () => rt("r", "app-config", { hosts: ["r.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "r", forwardTo: { destinations: [dest("reviews")] } }] });

describe("previewChange", () => {
  const snapshot = snapshotOf([...baseWorld(), ["mgmt", route()]]);

  it("applies added, changed and deleted objects to a new snapshot version", () => {
    const next = applyChange(snapshot, { added: [{ cluster: "mgmt", object: rt("n", "app-config", { hosts: ["n.x"], http: [{ name: "n", directResponse: { status: 200 } }] }) }], changed: [], deleted: [{ cluster: "mgmt", object: route() }] });
    expect(next.version).toBe(snapshot.version + 1);
    const names = next.clusters.find((c) => c.name === "mgmt")?.byKind.get("RouteTable.networking.gloo.solo.io")?.map((o) => o.metadata.name);
    expect(names).toEqual(["n"]);
  });

  it("reports outputs added, removed and changed per cluster and namespace, with diagnostics", () => {
    const changed = rt("r", "app-config", { hosts: ["r.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "r", forwardTo: { destinations: [dest("nope")] } }] });
    const added = rt("x", "app-config", { hosts: ["x.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "x", directResponse: { status: 204 } }] });
    const result = previewChange(snapshot, { added: [{ cluster: "mgmt", object: added }], changed: [{ cluster: "mgmt", object: changed }], deleted: [] });
    expect(result.outputsAdded.map((o) => `${o.cluster}/${o.namespace} ${o.ref.kind}`)).toEqual(["cluster-1/client VirtualService"]);
    expect(result.outputsRemoved).toEqual([]);
    expect(result.outputsChanged).toHaveLength(1);
    expect(result.outputsChanged[0]?.diff.some((d) => d.path.startsWith("/spec/http/0"))).toBe(true);
    expect(result.diagnosticsAdded.map((d) => d.code)).toContain("MP2002");
    expect(result.diagnosticsRemoved).toEqual([]);
    expect(result.byNamespace).toEqual([{ cluster: "cluster-1", namespace: "client", added: 1, removed: 0, changed: 1 }]);
  });

  it("is empty for an empty change", () => {
    const before = evaluate(snapshot);
    const r = previewChange(snapshot, { added: [], changed: [], deleted: [] }, undefined, before);
    expect([r.outputsAdded, r.outputsRemoved, r.outputsChanged, r.diagnosticsAdded, r.diagnosticsRemoved]).toEqual([[], [], [], [], []]);
  });
});
