import { expect, test } from "@playwright/test";

test("destinations show reviews with subsets v1, v2 in cluster-1 and v3 in cluster-2; filtering by cluster works", async ({ page }) => {
  await page.goto("/destinations");
  const table = page.getByRole("table", { name: "Destinations" });
  const reviews = table.getByRole("row").filter({ has: page.getByRole("link", { name: "reviews", exact: true }) });
  await expect(reviews).toHaveCount(2);
  const inCluster1 = reviews.filter({ hasText: "cluster-1" });
  await expect(inCluster1.getByTestId("subsets")).toHaveText("version: v1, v2");
  const inCluster2 = reviews.filter({ hasText: "cluster-2" });
  await expect(inCluster2.getByTestId("versions")).toHaveText("v3");

  await page.getByLabel("Cluster").selectOption("cluster-2");
  await expect(page).toHaveURL(/cluster=cluster-2/);
  await expect(reviews).toHaveCount(1);
  const clustersShown = await table.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(new Set(clustersShown)).toEqual(new Set(["cluster-2"]));
  await page.screenshot({ path: ".test-results/destinations-cluster-2.png", fullPage: true });

  await page.reload();
  await expect(page.getByLabel("Cluster")).toHaveValue("cluster-2");
  await expect(reviews).toHaveCount(1);
});

test("search narrows the list and sorting reorders it", async ({ page }) => {
  await page.goto("/destinations?q=ratings");
  const rows = page.getByRole("table", { name: "Destinations" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await page.goto("/destinations");
  await page.getByRole("button", { name: "Service" }).click();
  await page.getByRole("button", { name: "Service" }).click();
  const names = await page.getByRole("table", { name: "Destinations" }).locator("tbody tr td:first-child").allTextContents();
  expect(names).toEqual([...names].sort().reverse());
});

test("a destination's detail page shows its fields, related workloads and YAML", async ({ page }) => {
  await page.goto("/destinations?cluster=cluster-1");
  await page.getByRole("link", { name: "reviews", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("reviews");
  await expect(page.getByRole("region", { name: /Backing workloads/ })).toContainText("reviews-v1");
  await expect(page.getByRole("region", { name: /Backing workloads/ })).toContainText("reviews-v2");
  const yaml = page.getByTestId("yaml");
  await expect(yaml).toContainText("kind: Service");
  await expect(yaml).toContainText("name: reviews");
  await page.getByRole("region", { name: /Backing workloads/ }).getByRole("link", { name: "reviews-v1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("reviews-v1");
  await expect(page.getByRole("region", { name: /Destinations served/ })).toContainText("reviews");
  await expect(page.getByTestId("yaml")).toContainText("kind: Deployment");
  await page.screenshot({ path: ".test-results/workload-detail.png", fullPage: true });
});
