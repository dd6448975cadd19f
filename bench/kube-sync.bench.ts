import { KubeConfig } from "@kubernetes/client-node";
import { kubeFetch } from "@/lib/server/sources/kube/http";
import { KubeSource } from "@/lib/server/sources/kube/kube-source";
import { Limiter } from "@/lib/server/sources/kube/limiter";
import { MeshStore } from "@/lib/server/store/mesh-store";
import { startApiServer, type ApiServer } from "../test/kube/apiserver";
import { report } from "./stats";

const PODS = 10_000;
const CLUSTERS = 5;

/**
 * Against real API servers: the initial sync of 10,000 Pods per cluster across 5 clusters (budget
 * < 10 s, timed from start to every cluster Healthy, once the objects exist), and the heap the store
 * holds per 10,000 Pods (budget ≤ 10 MB). Creating the Pods takes longer and is not part of either.
 */
export async function benchKubeSync(): Promise<boolean> {
  const servers = await Promise.all(Array.from({ length: CLUSTERS }, (_, i) => startApiServer(`bench-${i}`)));
  try {
    const started = performance.now();
    await Promise.all(servers.map((s) => createPods(s, PODS)));
    console.log(`(created ${PODS * CLUSTERS} Pods in ${((performance.now() - started) / 1000).toFixed(0)} s; not part of the figures)`);
    const heapMb = await measureHeap(servers[0]!);
    const syncs = [];
    for (let i = 0; i < 3; i++) syncs.push(await measureSync(servers));
    const syncMs = syncs.sort((x, y) => x - y)[1]!;
    const okHeap = report(`kube: heap held per ${PODS.toLocaleString()} Pods`, heapMb, "MB", { max: 10, label: "≤ 10 MB" });
    const okSync = report(`kube: initial sync, ${PODS.toLocaleString()} Pods × ${CLUSTERS} clusters (median of 3)`, syncMs, "ms", { max: 10_000, label: "< 10 s" });
    return okHeap && okSync;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

function storeFor(servers: ApiServer[]): MeshStore {
  const limiter = new Limiter(CLUSTERS);
  return new MeshStore(
    { origin: "bench", staleAfterSeconds: 60, clusters: servers.map((s, i) => ({ name: s.name, management: i === 0, source: { kubeconfig: { path: s.kubeconfigPath, context: s.name } } })) },
    (c) => new KubeSource(c.source as { kubeconfig: { path: string; context: string } }, { connectLimiter: limiter }),
  );
}

async function syncAll(store: MeshStore): Promise<void> {
  store.start();
  while (!store.clusters().every((c) => c.store.currentHealth().state === "Healthy")) await new Promise((r) => setTimeout(r, 10));
}

async function measureSync(servers: ApiServer[]): Promise<number> {
  const store = storeFor(servers);
  const t = performance.now();
  await syncAll(store);
  const ms = performance.now() - t;
  await store.stop();
  return ms;
}

/**
 * Heap the cache holds: with the watches already stopped (their sockets and buffers gone), what is
 * freed when the synced store is dropped.
 */
async function measureHeap(server: ApiServer): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run the bench with --expose-gc");
  let store: MeshStore | null = storeFor([server]);
  await syncAll(store);
  const held = store.clusters()[0]!.store.size;
  if (held < PODS) throw new Error(`the store holds ${held} objects, fewer than the ${PODS} Pods created`);
  await store.stop();
  await new Promise((r) => setTimeout(r, 500));
  gc();
  const withStore = process.memoryUsage().heapUsed;
  store = null;
  await new Promise((r) => setTimeout(r, 500));
  gc();
  return (withStore - process.memoryUsage().heapUsed) / 1024 / 1024;
}

/** Realistic Pods (env, volumes, resources, probes: what slim copies drop) created 32 at a time. */
async function createPods(server: ApiServer, count: number): Promise<void> {
  const kc = new KubeConfig();
  kc.loadFromFile(server.kubeconfigPath);
  await kubeFetch(kc, { method: "POST", path: "/api/v1/namespaces", body: JSON.stringify({ metadata: { name: "bench" } }), contentType: "application/json" });
  const limiter = new Limiter(32);
  await Promise.all(Array.from({ length: count }, (_, i) => limiter.run(() => kubeFetch(kc, { method: "POST", path: "/api/v1/namespaces/bench/pods", body: JSON.stringify(pod(i)), contentType: "application/json" }))));
}

function pod(i: number): object {
  const app = `svc-${i % 500}`;
  const container = (name: string, image: string) => ({
    name,
    image,
    env: Array.from({ length: 8 }, (_, k) => ({ name: `ENV_${k}`, value: `value-${k}-${i}` })),
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
    readinessProbe: { httpGet: { path: "/healthz", port: 8080 }, periodSeconds: 10 },
    volumeMounts: [{ name: "config", mountPath: "/etc/app" }],
  });
  return {
    metadata: { name: `${app}-7c9d8f6b5-${i.toString(36).padStart(5, "0")}`, labels: { app, version: "v1", "pod-template-hash": "7c9d8f6b5" }, annotations: { "sidecar.istio.io/status": '{"initContainers":["istio-init"],"containers":["istio-proxy"]}' }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `${app}-7c9d8f6b5`, uid: `00000000-0000-0000-0000-${(i % 500).toString().padStart(12, "0")}`, controller: true }] },
    spec: { nodeName: `node-${i % 20}`, serviceAccountName: app, volumes: [{ name: "config", configMap: { name: app } }], containers: [container("app", `example/${app}:1.0`), container("istio-proxy", "docker.io/istio/proxyv2:1.22.3")] },
  };
}
