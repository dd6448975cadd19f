import { describe, expect, it } from "vitest";
import { mergeOptions, resolveWorkspaces } from "./index";
import { namespace, settings, snapshotOf, teamClusters, workspace } from "./testdata/fixtures";

const team = (name: string) => workspace(name, teamClusters(name, "cluster-1", [name]));
const world = (mgmt: ReturnType<typeof namespace>[], c1: ReturnType<typeof namespace>[] = []) => resolveWorkspaces(snapshotOf({ mgmt, "cluster-1": c1 }));

describe("workspace settings", () => {
  it("finds the one WorkspaceSettings in a config-enabled namespace of the workspace", () => {
    const idx = world([team("a"), namespace("a-config"), settings("whatever-name", "a-config", { exportTo: [{ workspaces: [{ name: "b" }] }] })], [namespace("a")]);
    const s = idx.workspace("a")?.settings;
    expect(s?.ref).toEqual({ cluster: "mgmt", group: "admin.gloo.solo.io", kind: "WorkspaceSettings", namespace: "a-config", name: "whatever-name" });
    expect(s?.exportTo).toEqual([{ workspaces: [{ name: "b" }] }]);
    expect(s?.importFrom).toEqual([]);
    expect(idx.findings.map((f) => f.code)).toEqual(["WS_EXPORT_UNUSED"]);
  });

  it("reports a workspace without settings", () => {
    const idx = world([team("a"), namespace("a-config")], [namespace("a")]);
    expect(idx.workspace("a")?.settings).toBeNull();
    expect(idx.findings.map((f) => [f.code, f.severity, f.workspaces])).toEqual([["WS_SETTINGS_MISSING", "warning", ["a"]]]);
  });

  it("uses the oldest of several settings and reports the others", () => {
    const idx = world([
      team("a"), namespace("a-config"),
      settings("newer", "a-config", {}, { created: "2025-02-01T00:00:00Z" }),
      settings("older", "a-config", {}, { created: "2025-01-01T00:00:00Z" }),
      settings("undated", "a-config"),
    ], [namespace("a")]);
    expect(idx.workspace("a")?.settings?.ref.name).toBe("older");
    const dup = idx.findings.find((f) => f.code === "WS_SETTINGS_DUPLICATE");
    expect(dup?.objects.map((o) => o.name)).toEqual(["newer", "undated", "older"]);
    expect(dup?.severity).toBe("error");
  });

  it("breaks equal timestamps by name", () => {
    const t = { created: "2025-01-01T00:00:00Z" };
    const idx = world([team("a"), namespace("a-config"), settings("b", "a-config", {}, t), settings("a", "a-config", {}, t)], [namespace("a")]);
    expect(idx.workspace("a")?.settings?.ref.name).toBe("a");
  });

  it("reports settings outside config-enabled namespaces, whichever the reason", () => {
    const idx = world([team("a"), namespace("a-config"), namespace("nowhere"), settings("lost", "nowhere")], [namespace("a"), settings("in-workload-ns", "a")]);
    const outside = idx.findings.filter((f) => f.code === "WS_SETTINGS_OUTSIDE");
    expect(outside.map((f) => f.objects[0]?.name)).toEqual(["in-workload-ns", "lost"]);
    expect(outside[0]?.message).toContain("namespace a of workspace a is not config-enabled");
    expect(outside[1]?.message).toContain("belongs to no workspace");
    expect(idx.workspace("a")?.settings).toBeNull();
  });

  it("merges the global settings' options over each workspace's, global values winning", () => {
    const idx = world([
      team("a"), namespace("a-config"), namespace("gloo-mesh"),
      settings("a", "a-config", { options: { federation: { enabled: false, hostSuffix: "mine" }, trimAllProxyConfig: true } }),
      settings("global", "gloo-mesh", { options: { federation: { enabled: true }, eastWestGateways: [{ selector: { labels: { istio: "eastwestgateway" } } }] } }),
    ], [namespace("a")]);
    const s = idx.workspace("a")?.settings;
    expect(s?.options).toEqual({ federation: { enabled: true, hostSuffix: "mine" }, trimAllProxyConfig: true, eastWestGateways: [{ selector: { labels: { istio: "eastwestgateway" } } }] });
    expect(s?.global?.name).toBe("global");
    expect(idx.globalSettings?.namespace).toBe("gloo-mesh");
    expect(idx.findings).toEqual([]);
  });

  it("never takes the global settings as a workspace's own, even when a workspace owns the admin namespace", () => {
    const idx = world([workspace("admin", [{ name: "mgmt", namespaces: [{ name: "gloo-mesh" }] }]), namespace("gloo-mesh"), settings("global", "gloo-mesh", { importFrom: [{ workspaces: [{ name: "*" }] }] })]);
    expect(idx.workspace("admin")?.settings).toBeNull();
    expect(idx.findings.map((f) => f.code).sort()).toEqual(["WS_GLOBAL_IMPORT_EXPORT", "WS_SETTINGS_MISSING"]);
  });

  it("honours a configured admin namespace", () => {
    const snap = snapshotOf({ mgmt: [team("a"), namespace("a-config"), namespace("admin"), settings("a", "a-config"), settings("global", "admin", { options: { trimAllProxyConfig: true } })], "cluster-1": [namespace("a")] });
    expect(resolveWorkspaces(snap, { adminNamespace: "admin" }).workspace("a")?.settings?.options).toEqual({ trimAllProxyConfig: true });
    expect(resolveWorkspaces(snap).workspace("a")?.settings?.options).toEqual({});
  });
});

describe("mergeOptions", () => {
  it("replaces lists whole and keeps keys only the workspace sets", () => {
    expect(mergeOptions({ federation: { serviceSelector: [{ name: "a" }, { name: "b" }] }, trimAllProxyConfig: false }, { federation: { serviceSelector: [{ name: "c" }] } }))
      .toEqual({ federation: { serviceSelector: [{ name: "c" }] }, trimAllProxyConfig: false });
    expect(mergeOptions(undefined, undefined)).toEqual({});
  });
});
