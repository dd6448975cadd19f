// Signs in the demo's platform admin on both e2e servers and saves the sessions for the other specs.
import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, E2E_PORT } from "./env";
import { KUBE_ADMIN_STATE, KUBE_E2E_PORT } from "./kube-env";

for (const [port, file] of [[E2E_PORT, ADMIN_STATE], [KUBE_E2E_PORT, KUBE_ADMIN_STATE]] as const) {
  setup(`sign in as admin on :${port}`, async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const res = await request.post("/api/v1/auth/demo", { data: { user: "admin" } });
    expect(res.status()).toBe(200);
    expect((await request.get("/api/v1/auth/me")).status()).toBe(200);
    await request.storageState({ path: file });
    await request.dispose();
  });
}
