// A graph above 80 nodes takes the large-graph path: compact cards, and edges drawn as one layer of paths
// per kind instead of one React Flow edge each. 120 generated teams are written into the served demo copy
// (the directory source picks them up) and removed afterwards.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { stringify } from "yaml";
import { workspaceEnvironment } from "../bench/generate-workspaces";
import { E2E_DEMO } from "./env";

const TEAMS = 120;
const FILES = { mgmt: path.join(E2E_DEMO, "mgmt", "e2e-teams.yaml"), workload: path.join(E2E_DEMO, "cluster-1", "e2e-teams.yaml") };
const workspaceCount = async (request: APIRequestContext) => ((await (await request.get("/api/v1/workspaces?limit=1")).json()) as { total: number }).total;
let demoWorkspaces = 0;

test.beforeAll(async ({ request }) => {
  demoWorkspaces = await workspaceCount(request);
  // The teams' workload namespaces live in the demo's cluster-1.
  const env = workspaceEnvironment(TEAMS, 0, "cluster-1");
  const text = (objects: object[]) => objects.map((o) => stringify(o)).join("---\n");
  fs.writeFileSync(FILES.mgmt, text(env.mgmt));
  fs.writeFileSync(FILES.workload, text(env.workload));
  await expect.poll(() => workspaceCount(request), { timeout: 30_000 }).toBe(demoWorkspaces + TEAMS);
});

test.afterAll(async ({ request }) => {
  for (const f of Object.values(FILES)) fs.rmSync(f, { force: true });
  await expect.poll(() => workspaceCount(request), { timeout: 30_000 }).toBe(demoWorkspaces);
});

test("over 80 nodes: compact cards, one edge layer, a bounded DOM; search focuses a team and a click opens it", async ({ page }) => {
  await page.goto("/graph");
  const canvas = page.getByTestId("graph-canvas");
  // Every node mounted (progressively), edges drawn as paths in one layer, no React Flow edge elements.
  const flow = canvas.locator("[data-total]");
  await expect(flow).toHaveAttribute("data-total", /\d+/);
  const total = Number(await flow.getAttribute("data-total"));
  expect(total).toBeGreaterThanOrEqual(demoWorkspaces + TEAMS);
  await expect(flow).toHaveAttribute("data-rendered", String(total), { timeout: 30_000 });
  await expect(canvas.getByTestId("graph-edges").locator("path")).not.toHaveCount(0);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(0);
  const elements = await canvas.evaluate((el) => el.querySelectorAll("*").length);
  expect(elements).toBeLessThan(3_000);
  await page.screenshot({ path: ".test-results/graph-large.png" });

  await page.getByLabel("Search").fill("team-42");
  const match = canvas.locator('[data-node-id="ws:team-42"]');
  await expect(match).toHaveClass(/ring-fuchsia-500/);
  await expect(match).toBeInViewport();
  await page.screenshot({ path: ".test-results/graph-large-search.png" });

  await match.click();
  await page.getByRole("button", { name: "Show inside" }).click();
  await expect(page).toHaveURL(/view=workspace&name=team-42/);
  await expect(canvas.locator('[data-node-id="ws:team-42"]')).toBeVisible();
});
