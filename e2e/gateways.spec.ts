import { expect, test } from "@playwright/test";

test("tracing GET /reviews/1 at the http gateway resolves through reviews-vd to reviews v1, v2 (cluster-1) and v3 (cluster-2); the URL reopens the trace", async ({ page, browser }) => {
  await page.goto("/gateways");
  await page.getByRole("link", { name: "request tracer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trace a request");
  const form = page.getByRole("form", { name: "Trace a request" });
  await form.getByLabel("Cluster").selectOption("cluster-1");
  await form.getByLabel("Gateway").selectOption({ label: "gloo-system/http" });
  await form.getByLabel("Method").selectOption("GET");
  await form.getByLabel("Host", { exact: true }).fill("bookinfo.example.com");
  await form.getByLabel("Path", { exact: true }).fill("/reviews/1");
  await form.getByRole("button", { name: "Trace" }).click();
  await expect(page).toHaveURL(/host=bookinfo.example.com/);
  await expect(page).toHaveURL(/path=%2Freviews%2F1/);

  await expect(page.getByTestId("trace-status")).toContainText("200");
  await expect(page.getByTestId("trace-route")).toContainText("HTTPRoute gloo-system/reviews rule 0");
  await expect(page.getByTestId("trace-path")).toContainText("Listener");
  await expect(page.getByTestId("trace-backends")).toContainText("Hostname reviews.mesh.internal.com:9080");
  await expect(page.getByTestId("trace-resolution")).toContainText("VirtualDestination bookinfo-backends-config/reviews-vd");
  await expect(page.getByTestId("resolution-cluster-1")).toContainText("reviews-v1 (version=v1)");
  await expect(page.getByTestId("resolution-cluster-1")).toContainText("reviews-v2 (version=v2)");
  await expect(page.getByTestId("resolution-cluster-2")).toContainText("reviews-v3 (version=v3)");
  await page.screenshot({ path: ".test-results/gateways-trace-reviews.png", fullPage: true });

  const shared = page.url();
  const other = await browser.newPage();
  await other.goto(shared);
  await expect(other.getByTestId("trace-route")).toContainText("HTTPRoute gloo-system/reviews rule 0");
  await expect(other.getByTestId("resolution-cluster-2")).toContainText("reviews-v3");
  await expect(other.getByRole("form", { name: "Trace a request" }).getByLabel("Path", { exact: true })).toHaveValue("/reviews/1");
  await other.close();

  await page.getByRole("form", { name: "Trace a request" }).getByLabel("Path", { exact: true }).fill("/nothing-here");
  await page.getByRole("button", { name: "Trace" }).click();
  await expect(page.getByTestId("trace-status")).toContainText("404 no route matches");
});

test("the gateway page shows each route's computed status beside the live one, with the deliberate mistakes and their reasons", async ({ page }) => {
  await page.goto("/gateways?cluster=cluster-1");
  const table = page.getByRole("table", { name: "Gateways" });
  const api = table.getByRole("row").filter({ has: page.getByRole("link", { name: "api", exact: true }) });
  await expect(api.getByTestId("routes")).toHaveText("2 attached, 1 refused");
  await expect(table.getByRole("row").filter({ has: page.getByRole("link", { name: "http", exact: true }) }).getByTestId("summary")).toHaveText("ok");
  await api.getByRole("link", { name: "api", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("api");

  const ratings = page.getByTestId("route-ratings");
  await expect(ratings.getByTestId("computed")).toContainText("ResolvedRefs=False RefNotPermitted");
  await expect(ratings.getByTestId("live")).toContainText("ResolvedRefs=False RefNotPermitted");
  await expect(ratings.getByTestId("reasons")).toContainText("ReferenceGrant");
  const legacy = page.getByTestId("route-legacy-api");
  await expect(legacy).toContainText("refused");
  await expect(legacy.getByTestId("computed")).toContainText("Accepted=False NoMatchingListenerHostname");
  await expect(legacy.getByTestId("live")).toContainText("Accepted=False NoMatchingListenerHostname");
  await expect(page.getByTestId("route-petstore")).toContainText("attached (api)");
  await expect(page.getByTestId("route-petstore").getByTestId("computed")).toContainText("Accepted=True Accepted");
  await expect(page.getByRole("table", { name: /Routing table api/ })).toContainText("ExtensionRef RouteOption/petstore-timeout");
  await expect(page.getByTestId("findings")).toContainText("MP9042");
  await page.screenshot({ path: ".test-results/gateways-api-detail.png", fullPage: true });
});

test("the function upstream lists its functions and the route to the missing function is flagged", async ({ page }) => {
  await page.goto("/gateways");
  await page.getByRole("link", { name: "function upstreams" }).click();
  const table = page.getByRole("table", { name: "Upstreams" });
  const petstore = table.getByRole("row").filter({ hasText: "petstore" });
  for (const fn of ["findPets", "addPet", "findPetById"]) await expect(petstore.getByTestId(`function-${fn}`)).toContainText("openapi");
  await expect(petstore.getByTestId("function-findPetById")).toContainText("called by VirtualService gloo-edge/functions route 1");
  const missing = petstore.getByTestId("function-deletePet");
  await expect(missing).toContainText("missing: not exposed by the upstream");
  await expect(missing).toContainText("called by VirtualService gloo-edge/functions route 2");
  await expect(petstore.getByTestId("findings")).toContainText("MP9026");
  const lambdas = table.getByRole("row").filter({ hasText: "lambdas" });
  await expect(lambdas.getByTestId("function-hello")).toContainText("called by VirtualService gloo-edge/functions route 3");
  await page.screenshot({ path: ".test-results/gateways-upstreams.png", fullPage: true });
});

test("the trace API names the bad field of a bad body", async ({ request }) => {
  const bad = await request.post("/api/v1/trace", { data: { host: "", path: "reviews" } });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { fields: { field: string }[] };
  expect(body.fields.map((f) => f.field).sort()).toEqual(["host", "path"]);
  const notJson = await request.post("/api/v1/trace", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  expect(((await notJson.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe("body");
});

test("the gateways list shows the Gloo Edge gateway degraded by its Rejected VirtualService; validations and upstreams fit 1280 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/gateways");
  const row = page.getByRole("row").filter({ hasText: "gateway-proxy" });
  await expect(row).toContainText("degraded");
  for (const path of ["/validations", "/upstreams"]) {
    await page.goto(path);
    const table = page.getByRole("table").first();
    await expect(table).toBeVisible();
    const fits = await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth && t.getBoundingClientRect().right <= window.innerWidth);
    expect(fits, `${path} table fits the window`).toBe(true);
    await page.screenshot({ path: `.test-results/${path.slice(1)}-1280.png` });
  }
});
