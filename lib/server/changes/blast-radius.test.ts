// The live blast radius of a policy in a draft: on the demo, each policy as it stands selects exactly what
// the full attachment says; an edited selector selects what it now matches; other kinds select nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { refKey } from "@/lib/snapshot/ref";
import { demoConfig } from "../config";
import { DirectorySource } from "../sources/directory";
import { derived } from "../store/derived";
import { MeshStore } from "../store/mesh-store";
import { blastRadius } from "./blast-radius";

let store: MeshStore;
beforeAll(async () => {
  store = new MeshStore(demoConfig(process.cwd()), (c) => new DirectorySource((c.source as { directory: string }).directory));
  store.start();
  await store.whenReady(20_000);
});
afterAll(() => store.stop());

const objectOf = (ref: { cluster: string; kind: string; namespace: string; name: string }) => {
  const cluster = derived(store).snapshot.clusters.find((c) => c.name === ref.cluster)!;
  for (const list of cluster.byKind.values()) for (const o of list) if (o.kind === ref.kind && o.metadata.namespace === ref.namespace && o.metadata.name === ref.name) return structuredClone(o);
  throw new Error(`no ${ref.kind} ${ref.namespace}/${ref.name}`);
};

describe("blastRadius", () => {
  it("selects for every demo policy exactly what the full attachment does", () => {
    const { policies } = derived(store).attachment;
    expect(policies.length).toBeGreaterThan(5);
    for (const p of policies) {
      const r = blastRadius(store, p.policy.cluster, stringify(objectOf(p.policy)));
      const label = refKey(p.policy);
      expect(r.fieldErrors, label).toEqual([]);
      expect(r.routes.map(refKey).sort(), label).toEqual([...new Set(p.routes.map((t) => refKey(t.route.table)))].sort());
      expect(r.destinations.map(refKey).sort(), label).toEqual(p.destinations.map((t) => refKey(t.destination)).sort());
      expect(r.workloads.map(refKey).sort(), label).toEqual(p.workloads.map(refKey).sort());
    }
  });

  it("follows an edited selector, and selects nothing for a kind that is not a policy", () => {
    const ref = { cluster: "mgmt", kind: "RetryTimeoutPolicy", namespace: "bookinfo-backends-config", name: "reviews-retry" };
    const policy = objectOf(ref) as unknown as { spec: { applyToRoutes: { route: { labels: Record<string, string> } }[] } };
    expect(blastRadius(store, "mgmt", stringify(policy)).routes.map((t) => t.name)).toEqual(["reviews"]);
    policy.spec.applyToRoutes[0]!.route.labels = { "route.example.com/name": "nothing-has-this" };
    expect(blastRadius(store, "mgmt", stringify(policy)).routes).toEqual([]);
    const table = objectOf({ cluster: "mgmt", kind: "RouteTable", namespace: "bookinfo-backends-config", name: "reviews" });
    expect(blastRadius(store, "mgmt", stringify(table))).toMatchObject({ routes: [], destinations: [], workloads: [] });
  });
});
