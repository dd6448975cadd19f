import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { WorkloadView } from "./types";
import { findSubsets } from "./destinations";
import { discover } from "./index";
import {
  deployment, endpointSlice, endpoints, istiod, kubernetesCluster, meshConfig, namespace, node, rolledOut, service, snapshotOf, zonedNode,
} from "./testdata/fixtures";

/** Compares with `testdata/<name>.golden.json`; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGolden(name: string, value: unknown): void {
  const file = new URL(`./testdata/${name}.golden.json`, import.meta.url);
  const plain: unknown = JSON.parse(JSON.stringify(value));
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  expect(plain).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

const BI = "bookinfo";

/** reviews v1–v3 with labels that must not become subsets (hash and canonical revision). */
function reviews(version: string, node: string, net: number) {
  return rolledOut(`reviews-${version}`, {
    namespace: BI, nodes: [node], net,
    templateLabels: { app: "reviews", version, "service.istio.io/canonical-revision": version, "pod-template-hash": `h-${version}` },
  });
}

function cluster1() {
  return [
    istiod(), meshConfig(),
    namespace(BI, { "istio-injection": "enabled" }), namespace("legacy"),
    zonedNode("node-1", "us-east-1", "us-east-1a", "rack-1"),
    node("node-2", { labels: { "topology.kubernetes.io/region": "us-east-1", "failure-domain.beta.kubernetes.io/zone": "us-east-1b" } }),
    node("node-3", { addresses: [{ type: "InternalIP", address: "10.0.0.3" }, { type: "ExternalIP", address: "203.0.113.3" }] }),
    ...rolledOut("productpage", { namespace: BI, nodes: ["node-3"], net: 1 }),
    service("productpage", { namespace: BI, selector: { app: "productpage" }, labels: { app: "productpage", service: "productpage" } }),
    endpoints("productpage", BI, [{ ip: "10.1.0.1", pod: "productpage-7d9f8c-ax", nodeName: "node-3" }]),
    // Subsets from three versions; only ready addresses; an address without targetRef has no labels;
    // an address on a Node without zone labels has no sub-locality.
    ...reviews("v1", "node-1", 2), ...reviews("v2", "node-2", 3), ...reviews("v3", "node-3", 4),
    service("reviews", { namespace: BI, selector: { app: "reviews" }, ports: [{ name: "http", port: 9080, targetPort: "http-web", appProtocol: "http" }] }),
    endpoints("reviews", BI,
      [{ ip: "10.2.0.1", pod: "reviews-v1-7d9f8c-ax", nodeName: "node-1" }, { ip: "10.3.0.1", pod: "reviews-v2-7d9f8c-ax", nodeName: "node-2" }, { ip: "10.9.9.9", nodeName: "node-3" }],
      [{ ip: "10.4.0.1", pod: "reviews-v3-7d9f8c-ax", nodeName: "node-3" }]),
    // One backing version: no subsets; no Endpoints or slices: no endpoints and an info diagnostic.
    service("reviews-v2", { namespace: BI, selector: { app: "reviews", version: "v2" } }),
    // No Endpoints object: EndpointSlices are read; ready false is dropped, unset counts as ready.
    ...rolledOut("ratings", { namespace: BI, nodes: ["node-1"], net: 5, pods: 3 }),
    service("ratings", { namespace: BI, selector: { app: "ratings" } }),
    endpointSlice("ratings-abcde", BI, "ratings", [
      { ip: "10.5.0.1", pod: "ratings-7d9f8c-ax", nodeName: "node-1", ready: true },
      { ip: "10.5.0.2", pod: "ratings-7d9f8c-bx", nodeName: "node-1" },
      { ip: "10.5.0.3", pod: "ratings-7d9f8c-cx", nodeName: "node-1", ready: false },
    ]),
    // Backed by a workload outside the mesh: no Destination. No selector: no Destination.
    ...rolledOut("details", { namespace: "legacy" }),
    service("details", { namespace: "legacy", selector: { app: "details" } }),
    service("external-db", { namespace: BI }),
    // Annotated, no selector: a Destination without subsets or endpoints (its Endpoints are not read).
    service("vm-backend", { namespace: BI, annotations: { "discovery.mesh.gloo.solo.io/enabled": "true" } }),
    endpoints("vm-backend", BI, [{ ip: "192.168.1.20" }]),
    // NodePort: externalIPs first, then each selected Pod's Node's ExternalIP (node-3).
    service("productpage-np", { namespace: BI, type: "NodePort", selector: { app: "productpage" }, externalIPs: ["198.51.100.7"], ports: [{ name: "http", port: 9080, nodePort: 30080 }] }),
    // LoadBalancer: ingress IP, else hostname; an empty entry is skipped.
    service("productpage-lb", { namespace: BI, type: "LoadBalancer", selector: { app: "productpage" }, loadBalancerIngress: [{ ip: "34.9.8.7" }, { hostname: "pp.example.com" }, {}] }),
  ];
}

function scenario() {
  return snapshotOf({
    mgmt: [kubernetesCluster("cluster-1", "c1.internal"), kubernetesCluster("cluster-3")],
    "cluster-1": cluster1(),
    // No mesh: the annotation cannot attach the Service, which then falls through to the workload rule.
    "cluster-2": [namespace(BI, { "istio-injection": "enabled" }), ...rolledOut("productpage", { namespace: BI }),
      service("productpage", { namespace: BI, selector: { app: "productpage" }, annotations: { "discovery.mesh.gloo.solo.io/enabled": "true" } })],
    // Two meshes: an annotated Service gets the last one (Gloo's `break` leaves only the `switch`), a
    // workload-backed one the mesh of its first backing workload (injection tries meshes in order).
    "cluster-3": [istiod({ name: "istiod-1-12", image: "docker.io/istio/pilot:1.12.0" }), meshConfig("istio-system", "{}", "istio-1-12"), istiod(), meshConfig(),
      namespace(BI, { "istio-injection": "enabled" }), ...rolledOut("productpage", { namespace: BI }),
      service("productpage", { namespace: BI, selector: { app: "productpage" } }),
      service("annotated", { namespace: BI, annotations: { "discovery.mesh.gloo.solo.io/enabled": "true" } })],
  }, ["mgmt"]);
}

describe("destination detection (reference §1.5)", () => {
  it("matches the golden for every rule and edge case", () => {
    const { destinations, diagnostics } = discover(scenario());
    const codes = new Set(["ANNOTATED_SERVICE_NO_MESH", "SERVICE_NO_MESH_WORKLOAD", "ENDPOINTS_MISSING"]);
    expectGolden("destinations", { destinations, diagnostics: diagnostics.filter((d) => codes.has(d.code) && d.object.cluster !== "mgmt") });
  });

  it("needs a non-empty selector that is a subset of non-empty pod labels", () => {
    const snap = snapshotOf({ c: [istiod(), meshConfig(), namespace("a", { "istio-injection": "enabled" }),
      deployment("no-labels", { namespace: "a", templateLabels: {} }), service("empty-selector", { namespace: "a", selector: {} }),
      deployment("web", { namespace: "a", templateLabels: { app: "web" } }), service("too-specific", { namespace: "a", selector: { app: "web", tier: "front" } }),
      service("web", { namespace: "b", selector: { app: "web" } })] });
    expect(discover(snap).destinations).toEqual([]);
  });
});

describe("endpoint labels", () => {
  it("come from the first backing workload (skv2 order) whose name + '-' prefixes the Pod name, as in Gloo", () => {
    const snap = snapshotOf({ c: [istiod(), meshConfig(), namespace(BI, { "istio-injection": "enabled" }),
      deployment("reviews", { namespace: BI, templateLabels: { app: "reviews", version: "base" } }),
      deployment("reviews-v2", { namespace: BI, templateLabels: { app: "reviews", version: "v2" } }),
      service("reviews", { namespace: BI, selector: { app: "reviews" } }),
      endpoints("reviews", BI, [{ ip: "10.0.0.2", pod: "reviews-v2-5d4c-x" }, { ip: "10.0.0.3", pod: "reviews-v2-5d4c-y", namespace: "elsewhere" }])] });
    const [dest] = discover(snap).destinations;
    // `reviews-…-deployment` sorts before `reviews-v2-…`, and `reviews-` prefixes `reviews-v2-5d4c-x`.
    expect(dest?.endpoints.map((e) => e.labels)).toEqual([{ app: "reviews", version: "base" }, {}]);
  });
});

describe("findSubsets", () => {
  const w = (podLabels: Record<string, string>) => ({ podLabels }) as WorkloadView;

  it("keeps keys with two or more distinct values, sorted, and skips rollout labels", () => {
    expect(findSubsets([w({ version: "v2", zone: "a", "pod-template-hash": "1" }), w({ version: "v10", zone: "a", "pod-template-hash": "2" }), w({ version: "v1", track: "canary" })]))
      .toEqual({ version: ["v1", "v10", "v2"] });
  });

  it("is null when no key varies", () => {
    expect(findSubsets([w({ app: "x" }), w({ app: "x" })])).toBeNull();
    expect(findSubsets([])).toBeNull();
  });
});
