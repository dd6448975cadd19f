import { expect, test } from "@playwright/test";

// On a slow client the shell's queries (the clusters list) answer before the page's <Suspense> part
// has hydrated. If that part rendered the data while hydrating, React would report a mismatch, throw
// the server's HTML away and lose a click landing on it (lib/client/api/use-query.ts). A form's controls
// are disabled until hydrated (components/hydration-gate.tsx): React would reset a choice made earlier.
test("on a slow client, pages hydrate without a mismatch, and a click or a choice straight after loading is kept", async ({ page }) => {
  test.slow(); // everything runs at an eighth of the CPU
  const slow = { timeout: 30_000 };
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 8 });

  for (const path of ["/destinations", "/validations"]) {
    await page.goto(path);
    await expect(page.getByRole("combobox", { name: "Cluster" }).getByRole("option", { name: "cluster-1" })).toBeAttached(slow);
  }
  await page.goto("/graph");
  await page.getByRole("group", { name: "Graph of" }).getByRole("button", { name: "Gateways" }).click();
  await expect(page).toHaveURL(/view=gateways/, slow);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("aria-label", "Gateway graph", slow);

  // A form's controls stay disabled until it has hydrated, so a choice made at once is the one React keeps.
  await page.goto("/drafts");
  const form = page.getByRole("group", { name: "New draft" });
  await form.getByLabel("Kind", { exact: true }).selectOption({ label: "RetryTimeoutPolicy (resilience.policy.gloo.solo.io/v2)" }, slow);
  await form.getByLabel("Cluster", { exact: true }).selectOption("mgmt", slow);
  await form.getByLabel("Namespace", { exact: true }).fill("bookinfo-backends-config");
  await form.getByLabel("Name", { exact: true }).fill("hydration-check");
  await form.getByRole("button", { name: "New draft" }).click(slow);
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("create RetryTimeoutPolicy bookinfo-backends-config/hydration-check in mgmt", slow);
  const id = page.url().split("/").pop()!;
  expect((await page.request.delete(`/api/v1/drafts/${id}`)).status()).toBe(200);

  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  expect(errors).toEqual([]);
});
