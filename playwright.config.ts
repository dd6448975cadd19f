import { defineConfig } from "@playwright/test";
import { ADMIN_STATE, E2E_PORT } from "./e2e/env";
import { KUBE_E2E_PORT } from "./e2e/kube-env";

/** End-to-end tests run the production build in Debian's Chromium (Playwright's download cannot work here). */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  // Sign-in first (e2e/auth.setup.ts): the other specs start as the demo's platform admin.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "e2e", dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
    // Last: scans every response and log line of the run for canary secrets.
    { name: "canaries", dependencies: ["e2e"], testMatch: /canaries\.check\.ts/ },
  ],
  webServer: [
    {
      command: "node --import tsx e2e/serve.ts",
      url: `http://127.0.0.1:${E2E_PORT}/api/v1/auth/providers`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Two real kube-apiservers (built by scripts/build-apiserver.sh) behind fault proxies.
      command: "node --conditions=react-server --import tsx e2e/serve-kube.ts",
      url: `http://127.0.0.1:${KUBE_E2E_PORT}/api/v1/auth/providers`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
