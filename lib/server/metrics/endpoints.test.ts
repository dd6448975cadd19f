import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { NextRequest } from "next/server";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthz } from "@/app/healthz/route";
import { GET as metricsRoute } from "@/app/metrics/route";
import { GET as readyz } from "@/app/readyz/route";
import { GET as clustersRoute } from "@/app/api/v1/clusters/route";
import { KubeSource } from "@/lib/server/sources/kube/kube-source";
import { metrics } from "@/lib/server/metrics";
import { kubeFetch } from "@/lib/server/sources/kube/http";
import { MeshStore } from "@/lib/server/store/mesh-store";
import { apiServerBinaryExists, startApiServer, type ApiServer } from "@/test/kube/apiserver";
import { proxyKubeconfig, startFaultProxy, type FaultProxy } from "@/test/kube/fault-proxy";
import { adminCookie } from "@/test/auth/harness";
import { useTempDatabase } from "@/test/db";

const run = apiServerBinaryExists() ? describe : describe.skip;
const DELAY_MS = 2_500;

run("/healthz, /readyz and /metrics against a real API server behind a slow proxy", () => {
  let api: ApiServer;
  let proxy: FaultProxy;
  let store: MeshStore;
  let admin: KubeConfig;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-metrics-"));
  const holder = globalThis as typeof globalThis & { __meshpaneStore?: MeshStore };

  beforeAll(async () => {
    await useTempDatabase();
    api = await startApiServer("metrics");
    admin = new KubeConfig();
    admin.loadFromFile(api.kubeconfigPath);
    proxy = await startFaultProxy(api.url, api.caFile);
    proxyKubeconfig(path.join(dir, "kc.yaml"), "c1", proxy.url, api.tokens.admin);
    // Every request waits, so the first sync takes a while: /readyz must say 503 until it is done.
    proxy.set({ kind: "slow", ms: DELAY_MS });
    store = new MeshStore({ origin: "test", staleAfterSeconds: 600, clusters: [{ name: "c1", management: true, source: { kubeconfig: { path: path.join(dir, "kc.yaml"), context: "c1" } } }] }, (c) => new KubeSource(c.source as { kubeconfig: { path: string; context: string } }, { watchdogMs: 20_000, watchTimeoutSeconds: 30 }));
    holder.__meshpaneStore = store;
    store.start();
  }, 120_000);

  afterAll(async () => {
    await store?.stop();
    holder.__meshpaneStore = undefined;
    await proxy?.close();
    await api?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("/healthz answers at once; /readyz is 503 before the first sync and 200 after it", async () => {
    const started = Date.now();
    expect((await call(healthz, "/healthz")).status).toBe(200);
    const before = await call(readyz, "/readyz");
    expect(Date.now() - started).toBeLessThan(DELAY_MS);
    expect(before.status).toBe(503);
    const body = (await before.json()) as { database: { ok: boolean }; clusters: { name: string; state: string; ready: boolean }[] };
    expect(body.database.ok).toBe(true);
    expect(body.clusters).toEqual([{ name: "c1", state: "Connecting", ready: false }]);
    await waitFor(async () => (await call(readyz, "/readyz")).status === 200, 60_000);
    proxy.set({ kind: "none" });
  }, 90_000);

  it("/metrics parses as Prometheus text, and its figures move when a cluster event arrives", async () => {
    await call(clustersRoute, "/api/v1/clusters", await adminCookie());
    const first = await scrape();
    expect(first.value("meshpane_cluster_sync_state", { cluster: "c1", state: "Healthy" })).toBe(1);
    expect(first.value("meshpane_cluster_sync_state", { cluster: "c1", state: "Connecting" })).toBe(0);
    // The parser flattens labelled histograms away (a limitation of it), so the route label is read back from the registry.
    const latency = (await metrics().registry.getMetricsAsJSON()).find((m) => m.name === "meshpane_http_request_duration_seconds");
    expect(latency?.values.some((v) => v.labels.route === "/api/v1/clusters" && v.labels.status === "200")).toBe(true);
    for (const name of ["meshpane_watch_restarts_total", "meshpane_snapshot_age_seconds", "meshpane_translation_duration_seconds", "meshpane_audit_writes_total"]) expect(first.family(name), name).toBeDefined();
    const events = first.value("meshpane_events_applied_total", { cluster: "c1" })!;
    const version = first.value("meshpane_snapshot_version", {})!;
    await kubeFetch(admin, { method: "POST", path: "/api/v1/namespaces", body: JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: "moved" } }), contentType: "application/json" });
    await waitFor(async () => ((await scrape()).value("meshpane_events_applied_total", { cluster: "c1" }) ?? 0) > events, 20_000);
    expect((await scrape()).value("meshpane_snapshot_version", {})).toBeGreaterThan(version);
  }, 60_000);
});

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, pathname: string, cookie?: string): Promise<Response> {
  return handler(new NextRequest(`http://127.0.0.1${pathname}`, cookie ? { headers: { cookie } } : {}), { params: Promise.resolve({}) });
}

async function scrape() {
  const res = await call(metricsRoute, "/metrics");
  expect(res.headers.get("content-type")).toContain("text/plain");
  const families = parsePrometheusTextFormat(await res.text());
  const family = (name: string) => families.find((f) => f.name === name);
  const value = (name: string, labels: Record<string, string>) => {
    const m = family(name)?.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
    return m?.value === undefined ? undefined : Number(m.value);
  };
  return { families, family, value };
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
