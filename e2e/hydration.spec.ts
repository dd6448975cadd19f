import { expect, test } from "@playwright/test";

// On a slow client the shell's queries (the clusters list) answer before the page's <Suspense> part
// has hydrated. If that part rendered the data while hydrating, React would report a mismatch, throw
// the server's HTML away and lose a click landing on it (lib/client/api/use-query.ts).
test("on a slow client, pages hydrate without a mismatch and a click straight after loading is kept", async ({ page }) => {
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
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  expect(errors).toEqual([]);
});
