import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubeSource } from "@/lib/server/sources/kube/kube-source";
import { kubeFetch, kubeJson } from "@/lib/server/sources/kube/http";
import { MeshStore } from "@/lib/server/store/mesh-store";
import { objectsOf } from "@/lib/snapshot/snapshot";
import { apiServerBinaryExists, startApiServer, type ApiServer } from "./apiserver";
import { proxyKubeconfig, startFaultProxy, type FaultProxy } from "./fault-proxy";

const run = apiServerBinaryExists() ? describe : describe.skip;

run("the Kubernetes source against two real API servers", () => {
  let a: ApiServer;
  let b: ApiServer;
  let proxy: FaultProxy;
  let store: MeshStore;
  let adminA: KubeConfig;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-kube-"));

  beforeAll(async () => {
    [a, b] = await Promise.all([startApiServer("cluster-a", { watchCache: false }), startApiServer("cluster-b")]);
    proxy = await startFaultProxy(a.url, a.caFile);
    proxyKubeconfig(path.join(dir, "a.yaml"), "cluster-a", proxy.url, a.tokens.admin);
    adminA = new KubeConfig();
    adminA.loadFromFile(a.kubeconfigPath);
    await seed(adminA, "bookinfo", ["reviews-v1-abc12", "reviews-v1-def34"]);
    const opts = { watchdogMs: 20_000, watchTimeoutSeconds: 30 };
    store = new MeshStore(
      { origin: "test", staleAfterSeconds: 4, clusters: [{ name: "cluster-a", management: true, source: { kubeconfig: { path: path.join(dir, "a.yaml"), context: "cluster-a" } } }, { name: "cluster-b", management: false, source: { kubeconfig: { path: b.kubeconfigPath, context: "cluster-b" } } }] },
      (c) => new KubeSource(c.source as { kubeconfig: { path: string; context: string } }, opts),
    );
    store.start();
    await waitFor(() => health("cluster-a") === "Healthy" && health("cluster-b") === "Healthy", 30_000);
  }, 120_000);

  afterAll(async () => {
    await store?.stop();
    await proxy?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cluster = (name: string) => store.clusters().find((c) => c.store.name === name)!.store;
  const health = (name: string) => cluster(name).currentHealth().state;
  const podNames = (name: string) => objectsOf(store.snapshot().clusters.find((c) => c.name === name)!, "Pod").map((p) => p.metadata.name).sort();
  const reflectors = () => (store.clusters()[0]!.source as unknown as { reflectors: { kind: { groupKind: string }; relists: number }[] }).reflectors;

  it("syncs the initial state, keeping slim copies, and reports absent CRD groups", () => {
    expect(podNames("cluster-a")).toEqual(["reviews-v1-abc12", "reviews-v1-def34"]);
    const pod = objectsOf(store.snapshot().clusters.find((c) => c.name === "cluster-a")!, "Pod")[0]!;
    expect(pod.metadata.managedFields).toBeUndefined();
    expect(Object.keys(pod.spec as object).sort()).toEqual(["containers", "nodeName"]);
    expect(cluster("cluster-a").absentGroups).toEqual(expect.arrayContaining(["networking.istio.io", "admin.gloo.solo.io", "gateway.networking.k8s.io", "networking.mesh.gloo.solo.io"]));
    expect(objectsOf(store.snapshot().clusters.find((c) => c.name === "cluster-b")!, "Namespace").map((n) => n.metadata.name)).toContain("kube-system");
  });

  it("shows a change made in the cluster", async () => {
    await createPod(adminA, "bookinfo", "reviews-v1-new01");
    await waitFor(() => podNames("cluster-a").includes("reviews-v1-new01"));
    await deletePod(adminA, "bookinfo", "reviews-v1-new01");
    await waitFor(() => !podNames("cluster-a").includes("reviews-v1-new01"));
  });

  it("relists exactly once per kind after a 410 caused by an etcd compaction", async () => {
    const before = reflectors().map((r) => r.relists);
    expect(before.every((n) => n === 0)).toBe(true);
    proxy.set({ kind: "stop" });
    await createPod(adminA, "bookinfo", "reviews-v1-gone1");
    await a.compact();
    const listsBefore = proxy.requests.filter((r) => r.line.startsWith("GET /api/v1/pods?limit=")).length;
    proxy.set({ kind: "none" });
    await waitFor(() => podNames("cluster-a").includes("reviews-v1-gone1") && health("cluster-a") === "Healthy", 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(reflectors().map((r) => r.relists)).toEqual(before.map(() => 1));
    expect(proxy.requests.filter((r) => r.line.startsWith("GET /api/v1/pods?limit=")).length).toBe(listsBefore + 1);
  });

  it("goes Degraded then Stale while stopped, serving its cache, the other cluster untouched; then resyncs with zero drift", async () => {
    proxy.set({ kind: "stop" });
    await waitFor(() => health("cluster-a") === "Degraded", 15_000);
    expect(cluster("cluster-a").currentHealth().lastError).toBeTruthy();
    await waitFor(() => health("cluster-a") === "Stale", 15_000);
    expect(podNames("cluster-a")).toContain("reviews-v1-abc12");
    expect(health("cluster-b")).toBe("Healthy");
    await deletePod(adminA, "bookinfo", "reviews-v1-abc12");
    await createPod(adminA, "bookinfo", "reviews-v1-late1");
    proxy.set({ kind: "none" });
    await waitFor(() => health("cluster-a") === "Healthy", 40_000);
    await waitFor(() => podNames("cluster-a").includes("reviews-v1-late1"), 10_000);
    const fresh = await kubeJson<{ items: { metadata: { name: string; resourceVersion: string } }[] }>(adminA, { path: "/api/v1/pods" });
    const held = objectsOf(store.snapshot().clusters.find((c) => c.name === "cluster-a")!, "Pod").map((p) => `${p.metadata.name}@${p.metadata.resourceVersion}`).sort();
    expect(held).toEqual(fresh.items.map((p) => `${p.metadata.name}@${p.metadata.resourceVersion}`).sort());
  }, 90_000);

  it("honours 429 with Retry-After", async () => {
    const mark = proxy.requests.length;
    proxy.set({ kind: "status", status: 429, retryAfterSeconds: 2, times: 1 });
    proxy.cutWatches();
    const path = (line: string) => line.split("?")[0];
    const retriedAfter = () => {
      const after = proxy.requests.slice(mark);
      const rejected = after[0];
      const retried = rejected && after.slice(1).find((r) => path(r.line) === path(rejected.line));
      return rejected && retried ? retried.at - rejected.at : null;
    };
    await waitFor(() => retriedAfter() !== null && health("cluster-a") === "Healthy", 45_000);
    expect(retriedAfter()).toBeGreaterThanOrEqual(1900);
  }, 60_000);
});

async function seed(kc: KubeConfig, ns: string, pods: string[]): Promise<void> {
  await kubeFetch(kc, { method: "POST", path: "/api/v1/namespaces", body: JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } }), contentType: "application/json" });
  for (const p of pods) await createPod(kc, ns, p);
}

async function createPod(kc: KubeConfig, ns: string, name: string): Promise<void> {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: ns, labels: { app: "reviews", version: "v1" } }, spec: { nodeName: "node-1", containers: [{ name: "reviews", image: "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2" }] } };
  await kubeFetch(kc, { method: "POST", path: `/api/v1/namespaces/${ns}/pods`, body: JSON.stringify(pod), contentType: "application/json" });
}

async function deletePod(kc: KubeConfig, ns: string, name: string): Promise<void> {
  await kubeFetch(kc, { method: "DELETE", path: `/api/v1/namespaces/${ns}/pods/${name}`, query: { gracePeriodSeconds: 0 } });
}

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
