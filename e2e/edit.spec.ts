import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE, E2E_DEMO, E2E_PORT } from "./env";
import { KUBE_ADMIN_STATE, KUBE_E2E_PORT } from "./kube-env";

const FILE = path.join(E2E_DEMO, "mgmt", "bookinfo-backends-config.yaml");
const OBJECT_PAGE = "/objects/mgmt/bookinfo-backends-config/RouteTable.networking.gloo.solo.io/reviews";
/** Later specs read the demo as checked in: put the edited file back and wait until the server has it again. */
test.afterAll(async ({ playwright }) => {
  // Its own context: the hook may run after the kube block, whose server and session differ.
  const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}`, storageState: ADMIN_STATE });
  fs.copyFileSync(path.resolve("examples/bookinfo-multicluster/mgmt/bookinfo-backends-config.yaml"), FILE);
  await expect.poll(async () => JSON.stringify(await (await request.get("/api/v1/objects", { params: { kind: "RouteTable.networking.gloo.solo.io", cluster: "mgmt", namespace: "bookinfo-backends-config", name: "reviews" } })).json()), { timeout: 20_000 }).toContain('"weight":50');
  await request.dispose();
});

const weight = (page: Page, n: number) => page.getByRole("textbox", { name: `Weight of destination ${n} of route reviews`, exact: true });

test("change a RouteTable weight in the form: field errors keep Apply disabled, the draft survives a reload, preview shows the VirtualService weights change, apply rewrites the file keeping its comments, and the audit log lists it", async ({ page }) => {
  test.setTimeout(120_000);
  const original = fs.readFileSync(FILE, "utf8");
  expect(original).toContain("weight: 50");

  await page.goto(OBJECT_PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("reviews");
  await page.getByRole("group", { name: "Change" }).getByRole("button", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  const draftId = page.url().split("/").pop()!;
  await expect(page.getByRole("tab", { name: "Form" })).toHaveAttribute("aria-selected", "true");
  await expect(weight(page, 1)).toHaveValue("50");
  await expect(weight(page, 2)).toHaveValue("30");
  await expect(weight(page, 3)).toHaveValue("20");

  // Invalid input: a weight that is not a number is reported on its field and in the YAML; Apply stays disabled.
  await weight(page, 1).fill("abc");
  const apply = page.getByRole("button", { name: "Apply", exact: true });
  const errors = page.getByRole("alert", { name: "Field errors" });
  await expect(errors).toContainText("spec.http[1].forwardTo.destinations[0].weight");
  await expect(page.locator('[data-field="spec.http[1].forwardTo.destinations[0].weight"]').getByTestId("field-error")).toBeVisible();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-status")).toHaveText("not applicable");
  await expect(page.getByTestId("preview-field-errors")).toContainText("weight");
  await expect(apply).toBeDisabled();
  await page.getByRole("tab", { name: "YAML" }).click();
  // CodeMirror renders only the lines in view: scroll the error's line in, then see it marked.
  await page.locator(".cm-scroller").evaluate((e) => e.scrollTo(0, e.scrollHeight / 2));
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
  await expect(page.locator(".cm-lintRange-error").first()).toHaveText("weight: abc");
  await page.screenshot({ path: ".test-results/edit-invalid.png", fullPage: true });
  await page.getByRole("tab", { name: "Form" }).click();

  // A negative weight is refused too; then weights that sum to 100.
  await weight(page, 1).fill("-5");
  await expect(errors).toContainText("destinations[0].weight");
  await weight(page, 1).fill("40");
  await weight(page, 2).fill("40");
  await expect(page.getByTestId("weight-sum").nth(1)).toHaveText("Weights sum to 100.");
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await expect(apply).toBeDisabled();

  // The draft survives a reload, with the YAML (comments and all) as typed.
  await page.reload();
  await expect(weight(page, 1)).toHaveValue("40");
  await expect(weight(page, 2)).toHaveValue("40");
  await page.goto("/drafts");
  await expect(page.getByRole("table", { name: "Drafts" }).getByRole("link", { name: /Edit RouteTable bookinfo-backends-config\/reviews/ }).first()).toBeVisible();
  await page.screenshot({ path: ".test-results/edit-drafts.png", fullPage: true });
  await page.goto(`/drafts/${draftId}`);
  await expect(weight(page, 1)).toHaveValue("40");

  // Preview: the Istio VirtualService weights change from 50/30 to 40/40.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-status")).toHaveText("ready to apply");
  await expect(page.getByTestId("dry-run").first()).toContainText("passed");
  const vs = page.getByTestId("output-changed").filter({ hasText: /VirtualService .*routetable-reviews/ }).first();
  await expect(vs).toBeVisible();
  const entry = vs.getByTestId("diff-entry").filter({ hasText: "/weight" });
  await expect(entry.filter({ hasText: "50" }).filter({ hasText: "40" }).first()).toBeVisible();
  await expect(entry.filter({ hasText: "30" }).filter({ hasText: "40" }).first()).toBeVisible();
  await expect(page.getByTestId("object-diff").first()).toContainText("+");
  await page.screenshot({ path: ".test-results/edit-preview.png", fullPage: true });

  // Apply: the file on disk is rewritten with its comments; the page follows the watch.
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(page.getByTestId("apply-status")).toHaveText("Applied");
  const written = fs.readFileSync(FILE, "utf8");
  expect(written).not.toBe(original);
  expect(written).toContain("# East-west table: no virtualGateways and no workloadSelectors");
  expect(written).toContain("# Cross-cluster destination: needs federation");
  expect(written).toContain("# kubectl --context mgmt -n bookinfo-backends-config get");
  const reviews = written.slice(written.indexOf("# East-west table"));
  expect(reviews.slice(0, reviews.indexOf("---"))).toMatch(/version: v1\n\s+weight: 40[\s\S]*version: v2\n\s+weight: 40[\s\S]*version: v3\n\s+weight: 20/);
  await page.screenshot({ path: ".test-results/edit-applied.png", fullPage: true });

  await page.goto(OBJECT_PAGE);
  await expect(page.getByTestId("yaml")).toContainText("weight: 40", { timeout: 20_000 });
  await expect(page.getByTestId("yaml")).not.toContainText("weight: 50");

  // The audit log lists the dry runs and the apply of this draft.
  await page.goto(`/audit?draft=${draftId}`);
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log.getByRole("row").filter({ has: page.getByTestId("action").filter({ hasText: /^apply$/ }) }).filter({ hasText: "RouteTable bookinfo-backends-config/reviews" })).toHaveCount(1);
  await expect(log.getByRole("row").filter({ has: page.getByTestId("action").filter({ hasText: "dry-run" }) }).first()).toBeVisible();
  await page.getByRole("group", { name: "Filters" }).getByLabel("Action").selectOption("apply");
  await expect(page).toHaveURL(/action=apply/);
  await expect(log.getByTestId("action")).toHaveText(["apply"]);
  await page.screenshot({ path: ".test-results/edit-audit.png", fullPage: true });
});

test("two tabs on one draft: the later save meets 409 StaleRevision, reloads the revision and keeps its own text", async ({ browser }) => {
  const context = await browser.newContext();
  const one = await context.newPage();
  await one.goto("/objects/mgmt/bookinfo-backends-config/VirtualDestination.networking.gloo.solo.io/reviews-vd");
  await one.getByRole("group", { name: "Change" }).getByRole("button", { name: "Edit" }).click();
  await expect(one).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  const two = await context.newPage();
  await two.goto(one.url());
  const host = (p: Page) => p.locator('[data-field="spec.hosts[0]"] input');
  await expect(host(two)).toHaveValue("reviews.mesh.internal.com");

  await host(one).fill("reviews-one.mesh.internal.com");
  await expect(one.getByTestId("save-state")).toHaveText("All changes saved");
  await host(two).fill("reviews-two.mesh.internal.com");
  await expect(two.getByText("saved from another tab")).toBeVisible();
  await expect(two.getByTestId("save-state")).toHaveText("All changes saved");
  await one.reload();
  await expect(host(one)).toHaveValue("reviews-two.mesh.internal.com");
  await context.close();
});

test("New starts a draft from a kind template in the chosen cluster; a draft can be discarded", async ({ page }) => {
  await page.goto("/drafts");
  const form = page.getByRole("group", { name: "New draft" });
  await form.getByLabel("Kind", { exact: true }).selectOption({ label: "RetryTimeoutPolicy (resilience.policy.gloo.solo.io/v2)" });
  await form.getByLabel("Cluster", { exact: true }).selectOption("mgmt");
  await form.getByLabel("Namespace", { exact: true }).fill("bookinfo-backends-config");
  await form.getByLabel("Name", { exact: true }).fill("reviews-retry-2");
  await form.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("create RetryTimeoutPolicy bookinfo-backends-config/reviews-retry-2 in mgmt");
  // A policy's selectors show what they select now.
  await expect(page.getByRole("region", { name: "Blast radius" })).toBeVisible();
  await page.screenshot({ path: ".test-results/edit-new-policy.png", fullPage: true });
  await page.goto("/drafts");
  const row = page.getByRole("table", { name: "Drafts" }).getByRole("row").filter({ hasText: "reviews-retry-2" });
  await row.getByRole("button", { name: "Discard" }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole("tab", { name: "discarded" }).click();
  await expect(page.getByRole("table", { name: "Drafts" }).getByRole("row").filter({ hasText: "reviews-retry-2" })).toHaveCount(1);
});

test.describe("against real API servers", () => {
  test.use({ baseURL: `http://127.0.0.1:${KUBE_E2E_PORT}`, storageState: KUBE_ADMIN_STATE });

  test("a 422 from the API server shows its causes on the field; an object changed underneath opens the conflict dialog, and reload-and-reapply keeps the edit", async ({ page }) => {
    test.setTimeout(120_000);
    const upstream = "/objects/cluster-1/gloo-edge/Upstream.gloo.solo.io/lambdas";
    const edit = async () => {
      await page.goto(upstream);
      await page.getByRole("group", { name: "Change" }).getByRole("button", { name: "Edit" }).click();
      await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
      return page.url();
    };
    const saved = () => expect(page.getByTestId("save-state")).toHaveText("All changes saved");
    const region = page.locator('[data-field="spec.aws.region"] input');

    // Draft A moves the region and labels the object; draft B, started from the same version, adds another label.
    const a = await edit();
    const labels = page.locator('[data-field="metadata.labels"]');
    const addLabel = async (key: string, value: string) => {
      await labels.getByRole("button", { name: "Add entry" }).click();
      const n = await labels.getByRole("textbox", { name: /^labels key/ }).count();
      await labels.getByRole("textbox", { name: `labels key ${n}` }).fill(key);
      await labels.getByRole("textbox", { name: `labels value ${n}` }).fill(value);
    };
    await region.fill("us-west-2");
    await addLabel("owner", "a");
    await saved();
    const b = await edit();
    await expect(region).toHaveValue("us-east-1");
    await addLabel("team", "not a valid label value!");
    await saved();

    // Past Meshpane's schema, only the API server refuses the label value: its 422 causes land on the field.
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("dry-run")).toContainText("failed (422)");
    await expect(labels.getByTestId("field-error").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeDisabled();
    await page.screenshot({ path: ".test-results/edit-kube-422.png", fullPage: true });

    // A: the region is owned by the field manager that created the object, so the (unforced) server-side apply
    // dry run conflicts and the dialog names the owner. A leaves the region alone and applies its label.
    await page.goto(a);
    await page.getByRole("button", { name: "Preview" }).click();
    const dialog = page.getByRole("dialog", { name: "Conflict" });
    await expect(dialog.getByRole("table", { name: "Field owners" })).toContainText("spec.aws.region");
    await expect(dialog.getByRole("button", { name: "Force apply" })).toBeVisible();
    await page.screenshot({ path: ".test-results/edit-kube-owners.png", fullPage: true });
    await dialog.getByRole("button", { name: "Close" }).click();
    await region.fill("us-east-1");
    await saved();
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("preview-status")).toHaveText("ready to apply");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByTestId("apply-status")).toHaveText("Applied");

    // B drops the bad label and annotates instead; it now conflicts: the dialog shows what changed underneath,
    // and reload-and-reapply replays B's edit onto the live object, keeping A's label.
    await page.goto(b);
    await labels.getByRole("button", { name: "Remove" }).click();
    const annotations = page.locator('[data-field="metadata.annotations"]');
    await annotations.getByRole("button", { name: "Add entry" }).click();
    await annotations.getByRole("textbox", { name: "annotations key 1" }).fill("example.com/team");
    await annotations.getByRole("textbox", { name: "annotations value 1" }).fill("payments");
    await saved();
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("changed-underneath")).toContainText(/\/metadata\/labels.*owner/);
    await page.screenshot({ path: ".test-results/edit-kube-conflict.png", fullPage: true });
    await dialog.getByRole("button", { name: "Reload and reapply" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("preview-status")).toHaveText("ready to apply");
    await expect(labels.getByRole("textbox", { name: "labels value 1" })).toHaveValue("a");
    await expect(annotations.getByRole("textbox", { name: "annotations value 1" })).toHaveValue("payments");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByTestId("apply-status")).toHaveText("Applied");

    await page.goto(upstream);
    await expect(page.getByTestId("yaml")).toContainText("example.com/team: payments", { timeout: 20_000 });
    await expect(page.getByTestId("yaml")).toContainText("owner: a");
  });
});
