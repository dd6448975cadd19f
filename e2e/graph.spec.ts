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

test("the graph answers to the keyboard: arrows move focus, Enter expands, Escape collapses, / searches, + zooms", async ({ page }) => {
  await page.goto("/graph?view=workspace&name=bookinfo-backends&expand=ws:bookinfo-backends");
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas.locator('[data-kind="routeTable"]').first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Legend" }).getByText("move to the nearest node that way")).toBeVisible();
  const focused = () => page.evaluate(() => document.activeElement?.closest(".react-flow__node")?.getAttribute("data-id") ?? null);

  // Tab into the canvas lands on a node; arrows then move between nodes.
  await canvas.locator('.react-flow__node[data-id="ws:bookinfo-backends"]').focus();
  await page.keyboard.press("ArrowRight");
  const first = await focused();
  expect(first).not.toBeNull();
  expect(first).not.toBe("ws:bookinfo-backends");
  await page.keyboard.press("ArrowUp");
  const second = await focused();
  expect(second).not.toBeNull();
  expect(second).not.toBe(first);
  // The focused node shows a visible focus ring.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.screenshot({ path: ".test-results/graph-keyboard.png" });

  // Enter on a cluster expands it; Escape on it collapses it again.
  const cluster = canvas.locator('.react-flow__node[data-id^="cl:bookinfo-backends:"]').first();
  const clusterId = (await cluster.getAttribute("data-id"))!;
  await cluster.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`expand=[^&]*${encodeURIComponent(clusterId).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(canvas.locator('[data-kind="namespace"]').first()).toBeVisible();
  await canvas.locator(`.react-flow__node[data-id="${clusterId}"]`).focus();
  await page.keyboard.press("Escape");
  await expect(canvas.locator('[data-kind="namespace"]')).toHaveCount(0);

  // Space selects; Escape clears the selection.
  await canvas.locator('.react-flow__node[data-id^="pol:"]').first().focus();
  await page.keyboard.press(" ");
  await expect(page.getByRole("region", { name: "Selected node" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: "Selected node" })).toHaveCount(0);

  // + zooms in; / focuses the search box.
  const scale = () => page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform).a);
  const before = await scale();
  await page.keyboard.press("+");
  await expect.poll(scale).toBeGreaterThan(before);
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search")).toBeFocused();
});

test("the gateway view shows gateway → listeners → routes → backends with attachment status", async ({ page }) => {
  await page.goto("/graph");
  await page.getByRole("group", { name: "Graph of" }).getByRole("button", { name: "Gateways" }).click();
  await expect(page).toHaveURL(/view=gateways/);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("aria-label", "Gateway graph");
  await expect(canvas.locator('[data-kind="gateway"]').filter({ hasText: "gloo-system/http" })).toBeVisible();
  await expect(canvas.locator('[data-kind="listener"]').filter({ hasText: "http :8080 HTTP" })).toBeVisible();
  await expect(canvas.locator('[data-kind="gatewayRoute"]').filter({ hasText: "gloo-system/reviews" })).toContainText("Accepted");
  await expect(canvas.locator('[data-kind="backend"]').filter({ hasText: "reviews.mesh.internal.com" })).toBeVisible();
  // The Gloo Edge side, and a refused route in red.
  await expect(canvas.locator('[data-kind="gatewayRoute"]').filter({ hasText: "VirtualService gloo-edge/functions" })).toContainText("Rejected");
  await expect(page.getByRole("region", { name: "Legend" })).toContainText("route attached to listener");
  await page.screenshot({ path: ".test-results/graph-gateways.png", fullPage: true });
  await page.getByRole("button", { name: "Table" }).click();
  const edges = page.getByRole("table", { name: "Graph edges" });
  await expect(edges.getByRole("row").filter({ hasText: "http :8080 HTTP" }).filter({ hasText: "HTTPRoute gloo-system/reviews" })).toBeVisible();
});

test("highlight= marks the linked objects and opens the workspace that owns them", async ({ page }) => {
  const key = "mgmt|RetryTimeoutPolicy.resilience.policy.gloo.solo.io|bookinfo-backends-config|reviews-retry";
  await page.goto(`/graph?highlight=${encodeURIComponent(key)}`);
  await expect(page).toHaveURL(/view=workspace&name=bookinfo-backends/);
  await expect(page).toHaveURL(/highlight=/);
  const marked = page.getByTestId("graph-canvas").locator("[data-marked]");
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText("reviews-retry");
  await expect(marked).toBeVisible();
  await page.screenshot({ path: ".test-results/graph-highlight.png" });
});
