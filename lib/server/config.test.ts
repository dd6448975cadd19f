import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoConfig, loadConfig, parseConfig } from "./config";

describe("configuration", () => {
  it("uses the bundled demo when there is no config file", () => {
    const cfg = loadConfig("/nonexistent-dir", {});
    expect(cfg.origin).toBe("bundled demo");
    expect(cfg.clusters.map((c) => [c.name, c.management])).toEqual([["mgmt", true], ["cluster-1", false], ["cluster-2", false]]);
    expect(cfg).toEqual(demoConfig("/nonexistent-dir"));
  });

  it("refuses a MESHPANE_CONFIG that names a missing file", () => {
    expect(() => loadConfig("/tmp", { MESHPANE_CONFIG: "nope.yaml" })).toThrow(/MESHPANE_CONFIG: must name an existing file/);
  });

  it("resolves relative paths against the config file and defaults management to the first cluster", () => {
    const cfg = parseConfig("clusters:\n  - name: east\n    source: { directory: dumps/east }\n  - name: west\n    source: { kubeconfig: { path: kube/config, context: west } }\n", "/etc/meshpane/meshpane.config.yaml");
    expect(cfg.clusters[0]).toEqual({ name: "east", management: true, source: { directory: path.resolve("/etc/meshpane/dumps/east") } });
    expect(cfg.clusters[1]?.source).toEqual({ kubeconfig: { path: "/etc/meshpane/kube/config", context: "west" } });
    expect(cfg.staleAfterSeconds).toBe(60);
  });

  it("names the field and what must hold for bad input", () => {
    expect(() => parseConfig("clusters:\n  - name: East_1\n    source: { directory: x }\n", "/c.yaml")).toThrow(/clusters\[0\]\.name: must be a DNS label/);
    expect(() => parseConfig("clusters: []\n", "/c.yaml")).toThrow(/clusters: must list at least one cluster/);
    expect(() => parseConfig("clusters:\n  - name: a\n    source: { directory: x }\n  - name: a\n    source: { directory: y }\n", "/c.yaml")).toThrow(/must give every cluster a unique name/);
  });

  it("reads the auth section: OIDC with the secret's source, role mappings; the demo sign-in only when asked for or on the bundled demo", () => {
    const base = "clusters:\n  - name: a\n    source: { directory: x }\n";
    expect(parseConfig(base, "/etc/m/c.yaml").auth).toEqual({ oidc: null, roles: [], demo: false, sessionHours: 12 });
    expect(parseConfig(`${base}auth: { demo: true }\n`, "/etc/m/c.yaml").auth?.demo).toBe(true);
    expect(loadConfig("/nonexistent-dir", {}).auth?.demo).toBe(true);
    const cfg = parseConfig(`${base}auth:\n  oidc:\n    issuer: https://idp.example.com\n    clientId: meshpane\n    clientSecretFile: secret\n    redirectUri: https://m.example.com/api/v1/auth/oidc/callback\n  roles:\n    - { group: ops, role: platform-admin }\n    - { group: dev, role: editor, workspace: w }\n`, "/etc/m/c.yaml");
    expect(cfg.auth).toEqual({
      oidc: { issuer: "https://idp.example.com", clientId: "meshpane", redirectUri: "https://m.example.com/api/v1/auth/oidc/callback", groupsClaim: "groups", clientSecret: { file: "/etc/m/secret" } },
      roles: [{ group: "ops", role: "platform-admin" }, { group: "dev", role: "editor", workspace: "w" }],
      demo: false,
      sessionHours: 12,
    });
    expect(() => parseConfig(`${base}auth:\n  roles:\n    - { group: dev, role: editor }\n`, "/c.yaml")).toThrow(/auth\.roles\[0\]\.workspace: must name a workspace for workspace roles/);
    expect(() => parseConfig(`${base}auth:\n  roles:\n    - { group: dev, role: owner, workspace: w }\n`, "/c.yaml")).toThrow(/auth\.roles\[0\]\.role: must be one of "platform-admin", "workspace-admin", "editor", "viewer"/);
    expect(() => parseConfig(`${base}auth:\n  oidc: { issuer: nope, clientId: m, redirectUri: https://m/cb }\n`, "/c.yaml")).toThrow(/auth\.oidc\.issuer: must be the issuer URL/);
  });
});
