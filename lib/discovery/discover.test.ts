import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { discover } from "./index";
import {
  PROXY, endpoints, injectorConfig, istiod, kubernetesCluster, meshConfig, namespace, rolledOut, service, snapshotOf, zonedNode,
} from "./testdata/fixtures";

/** Compares with `testdata/<name>.golden.json`; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGolden(name: string, value: unknown): void {
  const file = new URL(`./testdata/${name}.golden.json`, import.meta.url);
  const plain: unknown = JSON.parse(JSON.stringify(value));
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  expect(plain).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

const BI = "bookinfo";

/** Bookinfo split over two workload clusters as in the seeds, plus a management cluster. */
function bookinfo(): Record<string, KubeObject[]> {
  const common = (cluster: string) => [
    istiod({ name: "istiod-1-22", image: "docker.io/istio/pilot:1.22.3", matchLabels: { app: "istiod", "istio.io/rev": "1-22" } }),
    meshConfig("istio-system", `trustDomain: ${cluster}\ndefaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_CAPTURE: "true"\n`, "istio-1-22"),
    injectorConfig("policy: disabled\n"),
    namespace("istio-system"), namespace(BI, { "istio.io/rev": "1-22" }),
    zonedNode(`${cluster}-node-a`, cluster === "cluster-1" ? "us-east-1" : "us-west-2", cluster === "cluster-1" ? "us-east-1a" : "us-west-2b"),
    ...rolledOut("istio-ingressgateway", { namespace: "istio-system", templateLabels: { istio: "ingressgateway", app: "istio-ingressgateway" }, containers: [PROXY], nodes: [`${cluster}-node-a`], net: 9 }),
    service("istio-ingressgateway", {
      namespace: "istio-system", type: "LoadBalancer", selector: { istio: "ingressgateway", app: "istio-ingressgateway" },
      ports: [{ name: "http2", port: 80, targetPort: 8080, nodePort: 30080 }, { name: "tls", port: 15443, targetPort: 15443, nodePort: 30443 }],
      loadBalancerIngress: [{ ip: cluster === "cluster-1" ? "172.18.250.1" : "172.18.250.2" }],
    }),
    endpoints("istio-ingressgateway", "istio-system", [{ ip: "10.9.0.1", pod: "istio-ingressgateway-7d9f8c-ax", nodeName: `${cluster}-node-a` }],
      [], [{ name: "http2", port: 8080, protocol: "TCP" }, { name: "tls", port: 15443, protocol: "TCP" }]),
  ];
  const reviews = (v: string, net: number, cluster: string) =>
    rolledOut(`reviews-${v}`, { namespace: BI, templateLabels: { app: "reviews", version: v }, nodes: [`${cluster}-node-a`], net, serviceAccountName: "bookinfo-reviews" });
  return {
    mgmt: [kubernetesCluster("cluster-1", "cluster.local"), kubernetesCluster("cluster-2", "c2.local")],
    "cluster-1": [
      ...common("cluster-1"),
      ...rolledOut("productpage-v1", { namespace: BI, templateLabels: { app: "productpage", version: "v1" }, nodes: ["cluster-1-node-a"], net: 1 }),
      service("productpage", { namespace: BI, selector: { app: "productpage" }, labels: { app: "productpage", service: "productpage" } }),
      endpoints("productpage", BI, [{ ip: "10.1.0.1", pod: "productpage-v1-7d9f8c-ax", nodeName: "cluster-1-node-a" }]),
      ...reviews("v1", 2, "cluster-1"), ...reviews("v2", 3, "cluster-1"),
      service("reviews", { namespace: BI, selector: { app: "reviews" }, labels: { app: "reviews", service: "reviews" } }),
      endpoints("reviews", BI, [
        { ip: "10.2.0.1", pod: "reviews-v1-7d9f8c-ax", nodeName: "cluster-1-node-a" },
        { ip: "10.3.0.1", pod: "reviews-v2-7d9f8c-ax", nodeName: "cluster-1-node-a" },
      ]),
    ],
    "cluster-2": [
      ...common("cluster-2"),
      ...reviews("v3", 4, "cluster-2"),
      service("reviews", { namespace: BI, selector: { app: "reviews" }, labels: { app: "reviews", service: "reviews" } }),
      endpoints("reviews", BI, [{ ip: "10.4.0.1", pod: "reviews-v3-7d9f8c-ax", nodeName: "cluster-2-node-a" }]),
      ...rolledOut("ratings-v1", { namespace: BI, templateLabels: { app: "ratings", version: "v1" }, nodes: ["cluster-2-node-a"], net: 5 }),
      service("ratings", { namespace: BI, selector: { app: "ratings" } }),
      endpoints("ratings", BI, [{ ip: "10.5.0.1", pod: "ratings-v1-7d9f8c-ax", nodeName: "cluster-2-node-a" }]),
    ],
  };
}

describe("discover", () => {
  it("matches the multi-cluster Bookinfo golden", () => {
    expectGolden("bookinfo-multicluster", discover(snapshotOf(bookinfo(), ["mgmt"])));
  });

  it("builds fixtures the model schemas accept", () => {
    for (const objects of Object.values(bookinfo())) {
      for (const obj of objects) expect(parseObject(obj)).toMatchObject({ ok: true });
    }
  });

  it("does not depend on input order", () => {
    const reversed = Object.fromEntries(Object.entries(bookinfo()).reverse().map(([k, v]) => [k, [...v].reverse()]));
    expect(discover(snapshotOf(reversed, ["mgmt"]))).toEqual(discover(snapshotOf(bookinfo(), ["mgmt"])));
  });

  it("handles tens of thousands of Pods (indexes, not scans)", () => {
    const objects: KubeObject[] = [istiod(), meshConfig(), namespace("big", { "istio-injection": "enabled" })];
    const apps = 2_000;
    for (let i = 0; i < apps; i++) {
      objects.push(...rolledOut(`app-${i}`, { namespace: "big", pods: 10, templateLabels: { app: `app-${i}`, version: i % 2 ? "v1" : "v2" } }));
      objects.push(service(`app-${i}`, { namespace: "big", selector: { app: `app-${i}` } }));
    }
    const result = discover(snapshotOf({ c: objects }));
    expect(result.workloads.filter((w) => w.mesh !== null)).toHaveLength(apps);
    expect(result.workloads.reduce((n, w) => n + w.pods.total, 0)).toBe(apps * 10);
    expect(result.destinations).toHaveLength(apps);
  });
});
