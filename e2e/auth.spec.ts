import { expect, test, type Page } from "@playwright/test";
import { stringify } from "yaml";

// Every test here starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

async function signInAs(page: Page, user: string, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await expect(page.getByRole("region", { name: "Demo sign-in" })).toContainText("Demo sign-in — not for production");
  await page.getByRole("button", { name: new RegExp(`Sign in as ${user}\\b`) }).click();
  await expect(page.getByTestId("user-name")).toHaveText(user);
}

test("signed out: pages go to the sign-in page, the API answers 401, x-middleware-subrequest changes nothing", async ({ page, request }) => {
  await page.goto("/destinations?cluster=cluster-1");
  await expect(page).toHaveURL(/\/login\?next=%2Fdestinations%3Fcluster%3Dcluster-1$/);
  const headers = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
  expect((await request.get("/api/v1/workspaces")).status()).toBe(401);
  expect((await request.get("/api/v1/workspaces", { headers })).status()).toBe(401);
  await page.setExtraHTTPHeaders(headers);
  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("user-menu")).toHaveCount(0);
});

test("the Bookinfo team member lands in their workspace and sees nothing of other teams", async ({ page, context }) => {
  await signInAs(page, "bookinfo-dev");
  await expect(page).toHaveURL(/\/workspaces\/bookinfo-frontends$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("bookinfo-frontends");
  await expect(page.getByTestId("user-menu")).toContainText("editor of bookinfo-frontends");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Team: bookinfo-frontends" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Gateways" })).toHaveCount(0);

  const cookie = (await context.cookies()).find((c) => c.name === "__Host-meshpane-session");
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });

  await page.goto("/workspaces");
  await expect(page.getByRole("main").getByRole("link", { name: "bookinfo-frontends", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "web-team" })).toHaveCount(0);
  await page.goto("/workspaces/web-team");
  await expect(page.getByText("workspace web-team was not found")).toBeVisible();
  await page.goto("/destinations");
  await expect(page.getByRole("link", { name: "productpage" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "reviews" }).first()).toBeVisible();
  await expect(page.getByText("web-portal")).toHaveCount(0);

  await page.goto("/graph");
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas.getByText("bookinfo-frontends", { exact: true })).toBeVisible();
  await expect(canvas.getByText("web-team")).toHaveCount(0);
  await expect(canvas.getByText("ops-team")).toHaveCount(0);
  await page.goto("/translation");
  await expect(page.getByText("reviews-bookinfo-backends-cluster-1-bookinfo-frontends").first()).toBeVisible();
  await expect(page.getByText("web-portal")).toHaveCount(0);

  // Guessed URLs of another team's objects.
  const api = page.request;
  expect((await api.get("/api/v1/workspaces/web-team")).status()).toBe(404);
  expect((await api.get("/api/v1/graph", { params: { view: "workspace", name: "web-team" } })).status()).toBe(404);
  expect((await api.get("/api/v1/objects", { params: { kind: "Service", cluster: "cluster-1", namespace: "web-portal", name: "web-portal" } })).status()).toBe(404);
  const graph = (await (await api.get("/api/v1/graph", { params: { view: "workspaces" } })).json()) as { nodes: { id: string; workspace: string }[] };
  expect(graph.nodes.every((n) => n.workspace === "" || n.workspace === "bookinfo-frontends" || n.workspace === "bookinfo-backends")).toBe(true);
  expect(graph.nodes.some((n) => n.workspace === "web-team")).toBe(false);
  const translation = (await (await api.get("/api/v1/translation")).json()) as { outputs: { namespace: string; workspace: string | null }[] };
  expect(translation.outputs.length).toBeGreaterThan(0);
  expect(translation.outputs.every((o) => o.workspace === "bookinfo-frontends")).toBe(true);
  expect((await (await api.get("/api/v1/translation", { params: { namespace: "web-portal" } })).json()) as { outputs: unknown[] }).toMatchObject({ outputs: [] });
  expect((await api.post("/api/v1/auth/check", { data: { action: "apply", workspaces: ["bookinfo-frontends"] } })).status()).toBe(200);
  expect((await api.post("/api/v1/auth/check", { data: { action: "apply", workspaces: ["web-team"] } })).status()).toBe(403);
  await page.screenshot({ path: ".test-results/auth-team-home.png", fullPage: true });
});

test("the admin sees every workspace and the overview", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await page.goto("/workspaces");
  for (const ws of ["bookinfo-backends", "bookinfo-frontends", "ops-team", "web-team"]) await expect(page.getByRole("link", { name: ws, exact: true })).toBeVisible();
  expect((await page.request.get("/api/v1/workspaces/web-team")).status()).toBe(200);
});

test("the reviewer can preview but not apply; signing out ends the session", async ({ page }) => {
  await signInAs(page, "reviewer", "/translation");
  await expect(page).toHaveURL(/\/translation$/);
  await expect(page.getByTestId("user-menu")).toContainText("viewer of bookinfo-frontends");
  const api = page.request;
  expect((await api.post("/api/v1/translation/preview", { data: { added: [], changed: [], deleted: [] } })).status()).toBe(200);
  const denied = await api.post("/api/v1/auth/check", { data: { action: "apply", workspaces: ["bookinfo-frontends"] } });
  expect(denied.status()).toBe(403);
  expect(((await denied.json()) as { message: string }).message).toContain("missing permission write");

  // A draft of the team's own policy: the reviewer previews it, the Apply button stays off, the API refuses.
  const ref = { cluster: "mgmt", group: "resilience.policy.gloo.solo.io", kind: "RetryTimeoutPolicy", namespace: "bookinfo-frontends-config", name: "checkout-timeout" };
  const live = ((await (await api.get("/api/v1/objects", { params: { kind: `${ref.kind}.${ref.group}`, cluster: ref.cluster, namespace: ref.namespace, name: ref.name } })).json()) as { items: { object: { metadata: { labels?: Record<string, string> } } }[] }).items[0]!.object;
  const edited = { ...live, metadata: { ...live.metadata, labels: { ...live.metadata.labels, reviewed: "yes" } } };
  const draft = (await (await api.post("/api/v1/drafts", { data: { items: [{ op: "update", cluster: "mgmt", yaml: stringify(edited), base: { ref, resourceVersion: null, yaml: stringify(live) } }] } })).json()) as { id: string; contentHash: string };
  const preview = await api.post(`/api/v1/drafts/${draft.id}/preview`, { data: { contentHash: draft.contentHash } });
  expect(preview.status()).toBe(200);
  expect(((await preview.json()) as { ok: boolean }).ok).toBe(true);
  const apply = await api.post(`/api/v1/drafts/${draft.id}/apply`, { data: { contentHash: draft.contentHash } });
  expect(apply.status()).toBe(403);
  await page.goto(`/drafts/${draft.id}`);
  const button = page.getByRole("button", { name: "Apply", exact: true });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("title", /can preview but not apply/);
  await page.screenshot({ path: ".test-results/auth-reviewer-draft.png", fullPage: true });
  expect((await api.delete(`/api/v1/drafts/${draft.id}`)).status()).toBe(200);

  const crossOrigin = await api.post("/api/v1/auth/check", { data: { action: "write", workspaces: [] }, headers: { origin: "http://evil.example" } });
  expect(crossOrigin.status()).toBe(403);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await api.get("/api/v1/auth/me")).status()).toBe(401);
});
