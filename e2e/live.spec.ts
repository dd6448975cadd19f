import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DEMO } from "./env";

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: e2e-live
  uid: 6f1d8c1e-e2e0-4a5b-9c11-${name.length.toString().padStart(12, "0")}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: app
          image: docker.io/library/nginx:1.27
`;

test("a change on disk reaches an open page without a reload", async ({ page }) => {
  const file = path.join(E2E_DEMO, "cluster-2", "e2e-live.yaml");
  await page.goto("/workloads?cluster=cluster-2");
  await expect(page.getByRole("table", { name: "Workloads" })).toBeVisible();
  await expect(page.getByRole("link", { name: "canary-e2e" })).toHaveCount(0);
  try {
    fs.writeFileSync(file, deployment("canary-e2e"));
    await expect(page.getByRole("link", { name: "canary-e2e" })).toBeVisible();
    fs.writeFileSync(file, deployment("canary-e2e-renamed"));
    await expect(page.getByRole("link", { name: "canary-e2e-renamed" })).toBeVisible();
    await expect(page.getByRole("link", { name: "canary-e2e", exact: true })).toHaveCount(0);
  } finally {
    fs.rmSync(file, { force: true });
  }
  await expect(page.getByRole("link", { name: "canary-e2e-renamed" })).toHaveCount(0);
});

test("a malformed YAML file shows an error on that cluster while the rest keeps working", async ({ page }) => {
  const file = path.join(E2E_DEMO, "cluster-1", "zz-broken.yaml");
  await page.goto("/");
  await expect(page.getByTestId("mesh-card")).toHaveCount(2);
  try {
    fs.writeFileSync(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n");
    const banner = page.getByTestId("cluster-banner-cluster-1");
    await expect(banner).toContainText("zz-broken.yaml");
    await expect(banner).toContainText("YAML does not parse");
    await expect(page.getByTestId("cluster-banner-cluster-2")).toHaveCount(0);
    await expect(page.getByTestId("mesh-card")).toHaveCount(2);
    await page.screenshot({ path: ".test-results/malformed-file.png", fullPage: true });
    await page.goto("/destinations?cluster=cluster-1");
    await expect(page.getByTestId("cluster-banner-cluster-1")).toBeVisible();
    await expect(page.getByRole("link", { name: "reviews", exact: true })).toBeVisible();
  } finally {
    fs.rmSync(file, { force: true });
  }
  await expect(page.getByTestId("cluster-banner-cluster-1")).toHaveCount(0);
});
