import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { resolveWorkspaces } from "./index";
import { kubeCluster, namespace, policy, routeTable, service, settings, snapshotOf, workspace } from "./testdata/fixtures";

const nsOf = (idx: ReturnType<typeof resolveWorkspaces>, ws: string) => idx.workspace(ws)?.namespaces.map((n) => `${n.cluster}/${n.namespace}${n.configEnabled ? "+" : ""}`);
const codes = (idx: ReturnType<typeof resolveWorkspaces>) => idx.findings.map((f) => f.code);

function world(mgmt: KubeObject[], c1: KubeObject[] = [], c2: KubeObject[] = []) {
  return resolveWorkspaces(snapshotOf({ mgmt, "cluster-1": c1, "cluster-2": c2 }));
}

describe("membership: clusters", () => {
  it("selects clusters by name glob; `*` alone and an empty name select every cluster", () => {
    const idx = world(
      [
        workspace("glob", [{ name: "cluster-*", namespaces: [{ name: "a" }] }]),
        workspace("star", [{ name: "*", namespaces: [{ name: "b" }] }]),
        workspace("empty", [{ namespaces: [{ name: "c" }] }]),
        namespace("a"), namespace("b"), namespace("c"),
      ],
      [namespace("a"), namespace("b"), namespace("c")],
      [namespace("a"), namespace("b"), namespace("c")],
    );
    expect(nsOf(idx, "glob")).toEqual(["cluster-1/a+", "cluster-2/a+"]);
    expect(nsOf(idx, "star")).toEqual(["cluster-1/b+", "cluster-2/b+", "mgmt/b+"]);
    expect(nsOf(idx, "empty")).toEqual(["cluster-1/c+", "cluster-2/c+", "mgmt/c+"]);
  });

  it("selects clusters by KubernetesCluster labels, ANDed with the name; a cluster without registration has no labels", () => {
    const idx = world(
      [
        kubeCluster("cluster-1", { env: "prod", region: "east" }), kubeCluster("cluster-2", { env: "prod", region: "west" }),
        workspace("prod", [{ selector: { env: "prod" }, namespaces: [{ name: "app" }] }]),
        workspace("east", [{ name: "cluster-*", selector: { env: "prod", region: "east" }, namespaces: [{ name: "app2" }] }]),
        workspace("none", [{ name: "cluster-2", selector: { region: "east" }, namespaces: [{ name: "app3" }] }]),
        workspace("mgmt-by-label", [{ selector: { env: "prod" }, namespaces: [{ name: "cfg" }] }]),
        namespace("cfg"),
      ],
      [namespace("app"), namespace("app2"), namespace("app3")],
      [namespace("app"), namespace("app2"), namespace("app3")],
    );
    expect(nsOf(idx, "prod")).toEqual(["cluster-1/app+", "cluster-2/app+"]);
    expect(nsOf(idx, "east")).toEqual(["cluster-1/app2+"]);
    expect(nsOf(idx, "none")).toEqual([]);
    expect(nsOf(idx, "mgmt-by-label")).toEqual([]);
  });

  it("ORs entries and lists a workspace's clusters; workspacesOfCluster answers the reverse", () => {
    const idx = world(
      [workspace("w", [{ name: "cluster-1", namespaces: [{ name: "a" }] }, { name: "cluster-2", namespaces: [{ name: "b" }] }])],
      [namespace("a")], [namespace("b")],
    );
    expect(idx.workspace("w")?.clusters).toEqual(["cluster-1", "cluster-2"]);
    expect(idx.workspacesOfCluster("cluster-2")).toEqual(["w"]);
    expect(idx.workspacesOfCluster("mgmt")).toEqual([]);
  });

  it("reads Workspaces only from management clusters", () => {
    const idx = world([], [workspace("rogue", [{ name: "*", namespaces: [{ name: "a" }] }]), namespace("a")]);
    expect(idx.workspaces).toEqual([]);
  });
});

describe("membership: namespaces", () => {
  it("ANDs the name glob with labels; empty labels are ignored, not 'all'", () => {
    const idx = world(
      [
        workspace("both", [{ name: "cluster-1", namespaces: [{ name: "shop-*", labels: { team: "shop" } }] }]),
        workspace("labels-only", [{ name: "cluster-1", namespaces: [{ labels: { team: "pay" } }] }]),
        workspace("empty-labels", [{ name: "cluster-1", namespaces: [{ name: "misc", labels: {} }] }]),
      ],
      [namespace("shop-a", { team: "shop" }), namespace("shop-b", { team: "other" }), namespace("pay-a", { team: "pay" }), namespace("shop-pay", { team: "pay" }), namespace("misc")],
    );
    expect(nsOf(idx, "both")).toEqual(["cluster-1/shop-a+"]);
    expect(nsOf(idx, "labels-only")).toEqual(["cluster-1/pay-a+", "cluster-1/shop-pay+"]);
    expect(nsOf(idx, "empty-labels")).toEqual(["cluster-1/misc+"]);
  });

  it("globs match only existing namespaces; a namespace exists when any object names it", () => {
    const idx = world(
      [workspace("w", [{ name: "cluster-*", namespaces: [{ name: "web-*" }, { name: "ghost" }] }])],
      [service("portal", "web-portal")],
      [namespace("api")],
    );
    expect(nsOf(idx, "w")).toEqual(["cluster-1/web-portal+"]);
  });

  it("matches globs with stars in the middle and at the start", () => {
    const idx = world([workspace("w", [{ name: "cluster-1", namespaces: [{ name: "*-prod" }, { name: "a*z" }] }])], [namespace("x-prod"), namespace("abcz"), namespace("az"), namespace("prod"), namespace("a-z-q")]);
    expect(nsOf(idx, "w")).toEqual(["cluster-1/abcz+", "cluster-1/az+", "cluster-1/x-prod+"]);
  });
});

describe("membership: configEnabled", () => {
  it("is true everywhere when omitted everywhere", () => {
    const idx = world([workspace("w", [{ name: "mgmt", namespaces: [{ name: "cfg" }] }, { name: "cluster-1", namespaces: [{ name: "app" }] }]), namespace("cfg")], [namespace("app")]);
    expect(nsOf(idx, "w")).toEqual(["cluster-1/app+", "mgmt/cfg+"]);
    expect(codes(idx)).not.toContain("WS_CONFIG_ENABLED_INCONSISTENT");
  });

  it("follows the cluster entry, and a namespace's own value overrides it", () => {
    const idx = world(
      [
        workspace("w", [
          { name: "mgmt", configEnabled: true, namespaces: [{ name: "cfg" }] },
          { name: "cluster-1", configEnabled: false, namespaces: [{ name: "app", configEnabled: false }, { name: "edge", configEnabled: true }] },
        ]),
        namespace("cfg"),
      ],
      [namespace("app"), namespace("edge")],
    );
    expect(nsOf(idx, "w")).toEqual(["cluster-1/app", "cluster-1/edge+", "mgmt/cfg+"]);
    expect(idx.isConfigEnabled("cluster-1", "app")).toBe(false);
    expect(idx.isConfigEnabled("cluster-1", "edge")).toBe(true);
  });

  it("reports siblings that leave it unset once one sets it, and reads them as false", () => {
    const idx = world(
      [
        workspace("w", [
          { name: "mgmt", configEnabled: true, namespaces: [{ name: "cfg" }] },
          { name: "cluster-1", namespaces: [{ name: "app", configEnabled: true }, { name: "other" }] },
        ]),
        namespace("cfg"),
      ],
      [namespace("app"), namespace("other")],
    );
    expect(nsOf(idx, "w")).toEqual(["cluster-1/app+", "cluster-1/other", "mgmt/cfg+"]);
    expect(idx.findings.filter((f) => f.code === "WS_CONFIG_ENABLED_INCONSISTENT").map((f) => f.field)).toEqual([
      "spec.workloadClusters[1].configEnabled",
      "spec.workloadClusters[1].namespaces[1].configEnabled",
    ]);
  });

  it("admits Gloo config only from config-enabled namespaces, but Services from every owned namespace", () => {
    const idx = world(
      [workspace("w", [{ name: "mgmt", configEnabled: true, namespaces: [{ name: "cfg" }] }, { name: "cluster-1", configEnabled: false, namespaces: [{ name: "app" }] }]), namespace("cfg")],
      [namespace("app"), service("api", "app"), routeTable("stray", "app", { hosts: ["x"], http: [] })],
    );
    const svc = { cluster: "cluster-1", group: "", kind: "Service", namespace: "app", name: "api" };
    const rt = { cluster: "cluster-1", group: "networking.gloo.solo.io", kind: "RouteTable", namespace: "app", name: "stray" };
    expect(idx.workspaceOfObject(svc)).toBe("w");
    expect(idx.workspaceOfObject(rt)).toBeUndefined();
    expect(idx.findings.find((f) => f.code === "WS_CONFIG_NOT_ENABLED")?.objects).toEqual([rt]);
    expect(idx.workspaceOfObject({ ...svc, group: "apps", kind: "Deployment" })).toBe("w");
  });
});

describe("membership: findings and ownership", () => {
  it("reports a cluster entry without namespaces and an entry that matches nothing", () => {
    const idx = world([workspace("w", [{ name: "cluster-1" }, { name: "nowhere-*", namespaces: [{ name: "a" }] }])], [namespace("a")]);
    expect(idx.findings.filter((f) => f.code !== "WS_SETTINGS_MISSING").map((f) => [f.code, f.field])).toEqual([
      ["WS_CLUSTER_NO_NAMESPACES", "spec.workloadClusters[0].namespaces"],
      ["WS_ENTRY_UNMATCHED", "spec.workloadClusters[1]"],
    ]);
  });

  it("assigns a namespace two workspaces select to neither, names both, and ignores config there", () => {
    const idx = world(
      [workspace("a", [{ name: "cluster-1", namespaces: [{ name: "shared" }] }]), workspace("b", [{ name: "cluster-*", namespaces: [{ name: "shared" }] }])],
      [namespace("shared"), service("svc", "shared"), policy("AccessPolicy", "p", "shared")],
    );
    expect(idx.workspaceOfNamespace("cluster-1", "shared")).toBeUndefined();
    expect(idx.namespaceClaims("cluster-1", "shared")).toEqual(["a", "b"]);
    expect(idx.workspace("a")?.namespaces).toEqual([{ cluster: "cluster-1", namespace: "shared", configEnabled: true, contestedWith: ["b"] }]);
    const overlap = idx.findings.find((f) => f.code === "WS_NAMESPACE_OVERLAP");
    expect(overlap?.workspaces).toEqual(["a", "b"]);
    expect(overlap?.objects.map((o) => o.name)).toEqual(["a", "b"]);
    expect(overlap?.message).toContain("must belong to one workspace only");
    expect(idx.findings.find((f) => f.code === "WS_OBJECT_UNOWNED")?.message).toContain("contested by a, b");
    expect(idx.ownedBy("a")).toEqual([]);
    expect(idx.findingsOf("b").map((f) => f.code)).toContain("WS_NAMESPACE_OVERLAP");
  });

  it("reports Gloo config in a namespace no workspace selects", () => {
    const idx = world([namespace("loose"), routeTable("rt", "loose", { hosts: ["x"], http: [] })]);
    expect(codes(idx)).toEqual(["WS_OBJECT_UNOWNED"]);
  });

  it("keeps the first of two Workspaces with one name", () => {
    const dup = { ...workspace("w", [{ name: "mgmt", namespaces: [{ name: "y" }] }]), metadata: { name: "w", namespace: "other-admin" } };
    const idx = world([workspace("w", [{ name: "mgmt", namespaces: [{ name: "x" }] }]), dup, namespace("x"), namespace("y")]);
    expect(idx.workspaces.map((w) => w.ref.namespace)).toEqual(["gloo-mesh"]);
    expect(codes(idx)).toContain("WS_DUPLICATE_NAME");
  });

  it("gives admin kinds and cluster-scoped objects no workspace", () => {
    const idx = world([workspace("w", [{ name: "mgmt", namespaces: [{ name: "gloo-mesh" }] }]), namespace("gloo-mesh"), settings("w", "gloo-mesh")]);
    expect(idx.workspaceOfObject({ cluster: "mgmt", group: "admin.gloo.solo.io", kind: "RootTrustPolicy", namespace: "gloo-mesh", name: "r" })).toBeUndefined();
    expect(idx.workspaceOfObject({ cluster: "mgmt", group: "", kind: "Namespace", namespace: "", name: "gloo-mesh" })).toBeUndefined();
    expect(idx.workspaceOfObject({ cluster: "mgmt", group: "admin.gloo.solo.io", kind: "WorkspaceSettings", namespace: "gloo-mesh", name: "w" })).toBe("w");
  });

  it("builds fixtures the model schemas accept", () => {
    for (const obj of [workspace("w", [{ name: "c", namespaces: [{ name: "n", labels: { a: "b" }, configEnabled: true }], configEnabled: true }]), kubeCluster("c", { a: "b" }), settings("s", "n")]) {
      expect(parseObject(obj)).toMatchObject({ ok: true, modelled: true });
    }
  });
});
