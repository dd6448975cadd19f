import { expect, test } from "@playwright/test";
import type { DraftPreview, DraftView } from "@/lib/views/drafts";
import { KUBE_ADMIN_STATE, KUBE_E2E_CONTROL, KUBE_E2E_PORT } from "./kube-env";

// Both servers answer on 127.0.0.1, so their session cookies share a jar: this spec uses its server's own.
test.use({ baseURL: `http://127.0.0.1:${KUBE_E2E_PORT}`, storageState: KUBE_ADMIN_STATE });

const control = (body: object) => fetch(`http://127.0.0.1:${KUBE_E2E_CONTROL}/`, { method: "POST", body: JSON.stringify(body) });
const fault = (cluster: string, f: object) => control({ cluster, fault: f });

test("two real API servers: both healthy; stopping one shows its banner and as-of time while its data stays visible", async ({ page }) => {
  await page.goto("/");
  const clusters = page.getByRole("table", { name: "Clusters" });
  await expect(clusters.getByRole("row").filter({ hasText: "cluster-1" })).toContainText("Healthy");
  await expect(clusters.getByRole("row").filter({ hasText: "cluster-2" })).toContainText("Healthy");
  await expect(page.getByTestId("absent-cluster-1")).toContainText("networking.istio.io");
  await expect(page.getByTestId("mesh-card")).toHaveCount(2);
  await page.goto("/destinations?cluster=cluster-1");
  await expect(page.getByRole("link", { name: "reviews", exact: true })).toBeVisible();

  try {
    await fault("cluster-1", { kind: "stop" });
    const banner = page.getByTestId("cluster-banner-cluster-1");
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText(/Degraded|Stale/);
    await expect(banner).toContainText("Showing data as of");
    await expect(page.getByRole("link", { name: "reviews", exact: true })).toBeVisible();
    await expect(page.getByTestId("cluster-banner-cluster-2")).toHaveCount(0);
    await page.screenshot({ path: ".test-results/kube-cluster-stopped.png", fullPage: true });
  } finally {
    await fault("cluster-1", { kind: "none" });
  }
  await expect(page.getByTestId("cluster-banner-cluster-1")).toHaveCount(0, { timeout: 45_000 });
});

test("a change in a cluster reaches an open page", async ({ page }) => {
  await page.goto("/workloads?cluster=cluster-2");
  await expect(page.getByRole("link", { name: "reviews-v3" })).toBeVisible();
  await expect(page.getByRole("link", { name: "reviews-v4" })).toHaveCount(0);
  const labels = { app: "reviews", version: "v4" };
  const res = await control({
    cluster: "cluster-2",
    object: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "reviews-v4", namespace: "bookinfo-backends", labels }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "reviews", image: "docker.io/istio/examples-bookinfo-reviews-v3:1.20.2" }] } } } },
  });
  expect(res.status).toBe(204);
  await expect(page.getByRole("link", { name: "reviews-v4" })).toBeVisible();
});

test("a cluster whose RBAC does not let Meshpane impersonate is read-only: the overview says why and a draft's dry run is refused with the reason", async ({ page, request }) => {
  await page.goto("/");
  const clusters = page.getByRole("table", { name: "Clusters" });
  await expect(page.getByTestId("read-only-cluster-2")).toBeVisible();
  await expect(page.getByTestId("read-only-reason-cluster-2")).toContainText("may not impersonate users or groups");
  await expect(clusters.getByRole("row").filter({ hasText: "cluster-1" }).getByText("read-only")).toHaveCount(0);
  await page.screenshot({ path: ".test-results/kube-read-only.png", fullPage: true });
  const table = { apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: "e2e-ro-live", namespace: "bookinfo-backends" }, spec: { hosts: ["ro-live.e2e.internal"], http: [] } };
  expect((await control({ cluster: "cluster-2", object: table })).status).toBe(204);
  await page.goto("/objects/cluster-2/bookinfo-backends/RouteTable.networking.gloo.solo.io/e2e-ro-live");
  await expect(page.getByTestId("cluster-read-only")).toContainText("cluster-2 is read-only");

  const yaml = ["apiVersion: networking.gloo.solo.io/v2", "kind: RouteTable", "metadata: { name: e2e-read-only, namespace: bookinfo-backends }", "spec: { hosts: [ro.e2e.internal], http: [{ name: ro, directResponse: { status: 200 } }] }"].join("\n");
  const draft = (await (await request.post("/api/v1/drafts", { data: { items: [{ op: "create", cluster: "cluster-2", yaml }] } })).json()) as DraftView;
  const preview = (await (await request.post(`/api/v1/drafts/${draft.id}/preview`, { data: { contentHash: draft.contentHash } })).json()) as DraftPreview;
  expect(preview.items[0]!.dryRun).toMatchObject({ ok: false, status: 403 });
  expect(preview.items[0]!.dryRun.message).toMatch(/this cluster is read-only: Meshpane's credentials may not impersonate users or groups/);
});
