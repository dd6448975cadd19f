import { expect, test } from "@playwright/test";

test("the translation page for cluster-1 shows the reviews VirtualService with weighted routes, the reviews.mesh.internal.com ServiceEntry, and each output's Gloo parents", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Translation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Translation");
  await page.getByRole("group", { name: "Selection" }).getByLabel("Cluster").selectOption("cluster-1");
  await expect(page).toHaveURL(/cluster=cluster-1/);
  await page.getByRole("group", { name: "Selection" }).getByLabel("Namespace").selectOption("bookinfo-frontends");
  await expect(page).toHaveURL(/namespace=bookinfo-frontends/);

  const services = page.getByRole("region", { name: "VirtualService outputs" });
  const reviews = services.getByTestId("output").filter({ hasText: "reviews.bookinfo-backends.svc.cluster.local" });
  await expect(reviews).toHaveCount(1);
  // cluster-1 holds Gloo's live outputs (examples/.../cluster-1/istio-generated.yaml): this one matches.
  await expect(reviews.getByTestId("drift")).toHaveText("in sync");
  await reviews.locator("summary").click();
  const yaml = reviews.getByTestId("output-yaml");
  await expect(yaml).toContainText("weight: 50");
  await expect(yaml).toContainText("weight: 30");
  await expect(yaml).toContainText("weight: 20");
  await expect(yaml).toContainText("subset: version-v3");
  const parents = reviews.getByTestId("parents");
  await expect(parents.getByRole("link", { name: /^RouteTable bookinfo-backends-config\/reviews/ })).toBeVisible();
  await page.screenshot({ path: ".test-results/translation-reviews-vs.png", fullPage: true });

  // The ServiceEntry of the reviews VirtualDestination lives in the backends namespace; the URL keeps the selection.
  await page.goto("/translation?cluster=cluster-1&namespace=bookinfo-backends");
  await expect(page.getByRole("group", { name: "Selection" }).getByLabel("Namespace")).toHaveValue("bookinfo-backends");
  const entry = page.getByRole("region", { name: "ServiceEntry outputs" }).getByTestId("output").filter({ hasText: "reviews.mesh.internal.com" });
  await expect(entry).toHaveCount(1);
  await entry.locator("summary").click();
  await expect(entry.getByTestId("parents").getByRole("link", { name: /^VirtualDestination bookinfo-backends-config\/reviews-vd/ })).toBeVisible();
  await expect(entry.getByTestId("output-yaml")).toContainText("- reviews.mesh.internal.com");
  // Its DestinationRule was hand-edited in the cluster (deliberate mistake 7): drifted.
  const rule = page.getByRole("region", { name: "DestinationRule outputs" }).getByTestId("output").filter({ hasText: "reviews-mesh-internal-com-virtual-destination" });
  await expect(rule.getByTestId("drift")).toHaveText("drifted");

  // Inputs link to their outputs; a parent link opens the Gloo object.
  const inputs = page.getByRole("table", { name: "Inputs" });
  const rt = inputs.getByRole("row").filter({ has: page.getByRole("link", { name: /^RouteTable bookinfo-backends-config\/reviews/ }) });
  await expect(rt.getByRole("link", { name: /^VirtualService bookinfo-backends\/routetable-reviews/ })).toBeVisible();
  await page.screenshot({ path: ".test-results/translation-backends.png", fullPage: true });
  await entry.getByTestId("parents").getByRole("link", { name: /^VirtualDestination/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("reviews-vd");
});

test("the validations page lists the demo's deliberate mistakes with their codes, each linked to the offending object and its field", async ({ page }) => {
  await page.goto("/validations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Validations");
  const table = page.getByRole("table", { name: "Validations" });
  const row = (code: string) => table.getByRole("row").filter({ has: page.getByTestId("code").filter({ hasText: code }) });

  await expect(row("MP3001").getByTestId("object")).toContainText("RetryTimeoutPolicy bookinfo-frontends-config/checkout-timeout");
  await expect(row("MP3001").getByTestId("field")).toHaveText("spec.applyToRoutes[0].route.labels");
  await expect(row("MP2001").getByTestId("object")).toContainText("RouteTable web-team-config/bookinfo-api");
  await expect(row("MP2001").getByTestId("field")).toHaveText("spec.http[1].forwardTo.destinations[0].ref");
  await expect(row("MP6009").getByTestId("object")).toContainText("Service bookinfo-backends/ratings");
  await expect(row("MP6009").getByTestId("field")).toHaveText("spec.ports[0].name");
  await expect(row("MP6009")).toContainText("web-api");
  // The gateways in front of the mesh are checked on the same list (mistake 4: a backendRef without a ReferenceGrant).
  await expect(row("MP9042").getByTestId("object")).toContainText("HTTPRoute gloo-edge/ratings");
  await expect(row("MP9042").getByTestId("field")).toHaveText("spec.rules[0].backendRefs[0]");
  await page.screenshot({ path: ".test-results/validations.png", fullPage: true });

  // Filters live in the URL.
  await page.getByRole("group", { name: "Filters" }).getByLabel("Severity").selectOption("error");
  await expect(page).toHaveURL(/severity=error/);
  await expect(row("MP2001")).toHaveCount(1);
  await expect(row("MP6009")).toHaveCount(0);
  await page.goto("/validations?code=MP6009&cluster=cluster-2");
  await expect(page.getByTestId("list-count")).toHaveText("1 diagnostic");

  // The object link opens the offending object, which shows the diagnostic in its own section.
  await row("MP6009").getByTestId("object").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ratings");
  const diagnostics = page.getByRole("region", { name: "Diagnostics" }).getByTestId("object-diagnostics");
  await expect(diagnostics).toContainText("MP6009");
  await expect(diagnostics).toContainText("spec.ports[0].name");

  await page.goto("/validations?code=MP2001");
  await row("MP2001").getByTestId("object").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("bookinfo-api");
  await expect(page.getByRole("region", { name: "Diagnostics" })).toContainText("spec.http[1].forwardTo.destinations[0].ref");
  await page.screenshot({ path: ".test-results/validations-object.png", fullPage: true });

  // A diagnostic that involves several objects shows on each of their pages, saying where it is placed.
  await page.goto("/destinations/cluster-1/bookinfo-backends/details");
  const involved = page.getByRole("region", { name: "Diagnostics" }).getByTestId("object-diagnostics");
  await expect(involved).toContainText("MP2001");
  await expect(involved).toContainText("at RouteTable web-team-config/bookinfo-api (mgmt)");

  // The code links to its catalogue entry.
  await page.goto("/validations?code=MP2001");
  await row("MP2001").getByRole("link", { name: "MP2001" }).click();
  await expect(page).toHaveURL(/\/catalogue#MP2001$/);
  await expect(page.locator("#MP2001")).toContainText("Route destination not visible");
  await expect(page.locator("#MP9042")).toContainText("Cross-namespace reference without grant");
});

test("a workspace's page lists the diagnostics placed in it, and the workspaces list counts them", async ({ page }) => {
  await page.goto("/workspaces");
  const counts = page.getByRole("row").filter({ has: page.getByRole("link", { name: "bookinfo-backends", exact: true }) }).getByTestId("diagnostic-counts");
  await expect(counts).toHaveText(/^0 errors, [1-9]\d* warnings$/);
  const warnings = Number((await counts.textContent())!.match(/(\d+) warnings/)![1]);

  await page.goto("/workspaces/bookinfo-backends");
  const list = page.getByTestId("workspace-diagnostics");
  await expect(list.getByRole("listitem")).toHaveCount(warnings);
  await expect(list.getByRole("listitem").filter({ hasText: "MP6009" }).getByRole("link", { name: "Service bookinfo-backends/ratings (cluster-2)" })).toBeVisible();
  await expect(list).toContainText("MP8003");
  await page.screenshot({ path: ".test-results/workspace-diagnostics.png", fullPage: true });
  await page.getByRole("link", { name: "Filter them on the Validations page" }).click();
  await expect(page).toHaveURL(/\/validations\?workspace=bookinfo-backends$/);
  await expect(page.getByTestId("list-count")).toHaveText(`${warnings} diagnostics`);
});

test("the translation API answers through the wrapper: preview of a deletion, drift, notes and field errors", async ({ request }) => {
  const objects = await (await request.get("/api/v1/objects?kind=RouteTable.networking.gloo.solo.io&name=reviews&limit=1")).json();
  const rt = objects.items[0];
  const preview = await request.post("/api/v1/translation/preview", { data: { deleted: [{ cluster: rt.cluster, object: rt.object }] } });
  expect(preview.status()).toBe(200);
  const p = await preview.json();
  expect(p.outputsRemoved.map((o: { ref: { kind: string } }) => o.ref.kind)).toContain("VirtualService");
  expect(p.byNamespace).toContainEqual(expect.objectContaining({ cluster: "cluster-1", namespace: "bookinfo-frontends" }));

  const bad = await request.post("/api/v1/translation/preview", { data: { added: [{ cluster: "nowhere", object: { apiVersion: "v1", kind: "Service", metadata: { name: "x" } } }] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields).toContainEqual(expect.objectContaining({ field: "added[0].cluster" }));

  const drift = await (await request.get("/api/v1/drift?cluster=cluster-1")).json();
  expect(drift.items.every((i: { cluster: string }) => i.cluster === "cluster-1")).toBe(true);
  expect(drift.counts).toEqual({ differs: 1, missing: 0, orphaned: 1 });
  const notes = await (await request.get("/api/v1/translation-notes")).json();
  expect(notes.notes.length).toBeGreaterThan(0);
  expect(notes.workspaceNotes.length).toBeGreaterThan(0);
  const badCode = await request.get("/api/v1/diagnostics?code=nope");
  expect(badCode.status()).toBe(400);
});
