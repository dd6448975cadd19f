import { expect, test } from "@playwright/test";

type List<T> = { items: T[]; continue?: string; total: number };

test("list endpoints page with limit and continue, and filter by cluster, namespace and q", async ({ request }) => {
  const all = (await (await request.get("/api/v1/workloads")).json()) as List<{ cluster: string; namespace: string; name: string }>;
  expect(all.total).toBeGreaterThan(10);
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const res = await request.get("/api/v1/workloads", { params: { limit: 5, ...(token ? { continue: token } : {}) } });
    expect(res.status()).toBe(200);
    const page = (await res.json()) as List<{ cluster: string; namespace: string; name: string }>;
    expect(page.items.length).toBeLessThanOrEqual(5);
    seen.push(...page.items.map((i) => `${i.cluster}/${i.namespace}/${i.name}`));
    token = page.continue;
  } while (token);
  expect(seen).toEqual(all.items.map((i) => `${i.cluster}/${i.namespace}/${i.name}`));

  const filtered = (await (await request.get("/api/v1/destinations", { params: { cluster: "cluster-1", namespace: "bookinfo-backends", q: "rev" } })).json()) as List<{ name: string; subsets: Record<string, string[]> }>;
  expect(filtered.items.map((d) => d.name)).toEqual(["reviews"]);
  expect(filtered.items[0]?.subsets).toEqual({ version: ["v1", "v2"] });
});

test("meshes carry version, trust domain and revision; clusters carry health and counts", async ({ request }) => {
  const meshes = (await (await request.get("/api/v1/meshes")).json()) as List<{ cluster: string; version: string; trustDomain: string; revision: string }>;
  expect(meshes.items.map((m) => [m.cluster, m.version, m.trustDomain, m.revision])).toEqual([
    ["cluster-1", "1.22.3", "cluster-1", ""],
    ["cluster-2", "1.22.5-solo", "cluster-2", "1-22"],
  ]);
  const clusters = (await (await request.get("/api/v1/clusters")).json()) as List<{ name: string; health: { state: string }; counts: { meshes: number } }>;
  expect(clusters.items.map((c) => [c.name, c.health.state, c.counts.meshes])).toEqual([["cluster-1", "Healthy", 1], ["cluster-2", "Healthy", 1], ["mgmt", "Healthy", 0]]);
});

test("raw objects by kind, and errors as JSON with a fitting status", async ({ request }) => {
  const one = await request.get("/api/v1/objects", { params: { kind: "VirtualDestination.networking.gloo.solo.io", cluster: "mgmt", namespace: "bookinfo-backends-config", name: "reviews-vd" } });
  expect(one.status()).toBe(200);
  const body = (await one.json()) as List<{ object: { spec: { hosts: string[] } } }>;
  expect(body.items[0]?.object.spec.hosts).toEqual(["reviews.mesh.internal.com"]);

  const missing = await request.get("/api/v1/objects", { params: { kind: "Service", cluster: "cluster-1", namespace: "bookinfo-backends", name: "nope" } });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ code: "NotFound" });

  const noKind = await request.get("/api/v1/objects");
  expect(noKind.status()).toBe(400);
  expect(await noKind.json()).toMatchObject({ code: "BadRequest", fields: [{ field: "kind" }] });

  const badLimit = await request.get("/api/v1/meshes", { params: { limit: 99999 } });
  expect(badLimit.status()).toBe(400);
  expect((await badLimit.json()).message).toContain("limit: must be at most 5000");
});
