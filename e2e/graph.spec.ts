import { expect, test } from "@playwright/test";

test("the graph shows the demo's workspaces with the export/import edge between the Bookinfo workspaces", async ({ page }) => {
  await page.goto("/graph");
  const canvas = page.getByTestId("graph-canvas");
  for (const ws of ["bookinfo-backends", "bookinfo-frontends", "ops-team", "web-team"]) {
    await expect(canvas.locator(`[data-node-id="ws:${ws}"]`)).toBeVisible();
  }
  await expect(canvas.locator(".react-flow__edge")).not.toHaveCount(0);
  await page.getByRole("button", { name: "Table" }).click();
  const edges = page.getByRole("table", { name: "Graph edges" });
  await expect(edges.getByRole("row").filter({ hasText: "bookinfo-backends" }).filter({ hasText: "bookinfo-frontends" }).first()).toBeVisible();
  await page.screenshot({ path: ".test-results/graph-table.png", fullPage: true });
});

test("expanding the backends workspace shows its route tables and attached policies; a policy page lists exactly what it selects", async ({ page }) => {
  await page.goto("/graph");
  await page.locator('[data-node-id="ws:bookinfo-backends"]').click();
  await page.getByRole("button", { name: "Show inside" }).click();
  await expect(page).toHaveURL(/view=workspace&name=bookinfo-backends/);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas.locator('[data-kind="routeTable"]').first()).toBeVisible();
  await expect(canvas.locator('[data-kind="policy"]').first()).toBeVisible();
  await page.screenshot({ path: ".test-results/graph-backends.png", fullPage: true });

  const url = page.url();
  await page.goto("/");
  await page.goto(url);
  await expect(page.getByTestId("graph-canvas").locator('[data-kind="routeTable"]').first()).toBeVisible();

  await page.getByTestId("graph-canvas").locator('[data-kind="policy"]').filter({ hasText: "reviews-retry" }).click();
  await page.getByRole("link", { name: "Open details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("reviews-retry");
  const routes = page.getByTestId("selected-routes").getByRole("listitem");
  await expect(routes).toHaveCount(1);
  await page.screenshot({ path: ".test-results/policy.png", fullPage: true });
});

test("search highlights matching nodes and the cluster filter narrows the view", async ({ page }) => {
  await page.goto("/graph?view=workspace&name=bookinfo-backends&expand=ws:bookinfo-backends&q=reviews");
  await expect(page.getByTestId("graph-canvas").locator('[data-testid="graph-node"].ring-fuchsia-500').first()).toBeVisible();
  await expect(page.getByLabel("Search")).toHaveValue("reviews");
});
