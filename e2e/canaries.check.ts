// Runs after every other spec (a dependent project): no canary secret in any response body or log line.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, CANARY_OIDC_SECRET, E2E_LOG } from "./env";
import { KUBE_ADMIN_STATE, KUBE_E2E_ROOT } from "./kube-env";

test.use({ storageState: ADMIN_STATE });

const sessionTokens = () =>
  [ADMIN_STATE, KUBE_ADMIN_STATE].flatMap((f) => (JSON.parse(fs.readFileSync(f, "utf8")) as { cookies: { name: string; value: string }[] }).cookies.filter((c) => c.name === "__Host-meshpane-session").map((c) => c.value));

test("no session token, OIDC client secret or kube token in a response body or a server log line", async ({ request }) => {
  const kubeTokens = JSON.parse(fs.readFileSync(path.join(KUBE_E2E_ROOT, "canaries.json"), "utf8")) as string[];
  const canaries = [CANARY_OIDC_SECRET, ...sessionTokens(), ...kubeTokens];
  expect(canaries.length).toBeGreaterThan(4);
  const paths = ["/api/v1/auth/me", "/api/v1/auth/providers", "/api/v1/clusters", "/api/v1/workspaces", "/api/v1/objects?kind=Secret", "/api/v1/objects?kind=ConfigMap", "/api/v1/diagnostics", "/api/v1/translation", "/api/v1/auth/oidc/login", "/login", "/"];
  for (const p of paths) {
    const res = await request.get(p, { maxRedirects: 0 });
    const text = `${JSON.stringify(res.headers())}\n${await res.text()}`;
    for (const c of canaries) expect(text.includes(c), `${p} carries a canary`).toBe(false);
  }
  for (const log of [E2E_LOG, path.join(KUBE_E2E_ROOT, "server.log")]) {
    const lines = fs.readFileSync(log, "utf8").split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const c of canaries) expect(lines.filter((l) => l.includes(c)), `${log} logs a canary`).toEqual([]);
  }
});
