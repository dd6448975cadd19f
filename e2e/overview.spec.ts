import { expect, test } from "@playwright/test";

test("the overview shows the three clusters as healthy and both Istio meshes with their versions", async ({ page }) => {
  await page.goto("/");
  const clusters = page.getByRole("table", { name: "Clusters" });
  for (const name of ["mgmt", "cluster-1", "cluster-2"]) {
    await expect(clusters.getByRole("row").filter({ hasText: name }).first()).toContainText("Healthy");
  }
  await expect(clusters.getByRole("row").filter({ hasText: "mgmt" })).toContainText("management");
  const meshes = page.getByRole("list", { name: "Istio meshes" }).getByTestId("mesh-card");
  await expect(meshes).toHaveCount(2);
  await expect(meshes.filter({ hasText: "cluster-1" })).toContainText("1.22.3");
  await expect(meshes.filter({ hasText: "cluster-2" })).toContainText("1.22.5-solo");
  await expect(meshes.filter({ hasText: "cluster-2" })).toContainText("1-22");
  await expect(page.getByTestId("live-state")).toHaveText(/Live/);
  await page.screenshot({ path: ".test-results/overview.png", fullPage: true });
});

test("navigation links only to pages that exist", async ({ page }) => {
  await page.goto("/");
  const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  const hrefs = await links.evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).getAttribute("href")));
  for (const href of hrefs) {
    const res = await page.request.get(href!);
    expect(res.status(), `${href}`).toBe(200);
  }
});
