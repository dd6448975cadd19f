import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import type { ObjectRef } from "../snapshot/ref";
import { resolveWorkspaces } from "./index";
import { externalService, namespace, policy, routeTable, service, settings, snapshotOf, teamClusters, virtualDestination, workspace } from "./testdata/fixtures";

type Spec = Record<string, unknown>;

/** Teams `a`, `b`, `c`: config in `<t>-config` on mgmt, workloads in `<t>` on cluster-1, each with a Service, a VD, an ES, a RouteTable and a policy. */
function teams(specs: Record<string, Spec | null>, labels: Record<string, Record<string, string>> = {}) {
  const mgmt: KubeObject[] = [];
  const c1: KubeObject[] = [];
  for (const [t, spec] of Object.entries(specs)) {
    mgmt.push(workspace(t, teamClusters(t, "cluster-1", [t]), { labels: labels[t] ?? { team: t } }), namespace(`${t}-config`));
    if (spec) mgmt.push(settings(t, `${t}-config`, spec));
    mgmt.push(virtualDestination(`${t}-vd`, `${t}-config`, { tier: "api" }), externalService(`${t}-es`, `${t}-config`), routeTable(`${t}-rt`, `${t}-config`, { hosts: [`${t}.example.com`], http: [] }, { labels: { expose: "true" } }));
    mgmt.push(policy("AccessPolicy", `${t}-ap`, `${t}-config`));
    c1.push(namespace(t), service(`${t}-svc`, t), service(`${t}-internal`, t, { app: "internal" }));
  }
  return resolveWorkspaces(snapshotOf({ mgmt, "cluster-1": c1 }));
}

const ref = (kind: string, t: string, name: string): ObjectRef => {
  if (kind === "Service") return { cluster: "cluster-1", group: "", kind, namespace: t, name };
  const group = kind === "AccessPolicy" ? "security.policy.gloo.solo.io" : "networking.gloo.solo.io";
  return { cluster: "mgmt", group, kind, namespace: `${t}-config`, name };
};
const svc = (t: string) => ref("Service", t, `${t}-svc`);
const vd = (t: string) => ref("VirtualDestination", t, `${t}-vd`);
const ap = (t: string) => ref("AccessPolicy", t, `${t}-ap`);
const exportAll = (to: string) => ({ exportTo: [{ workspaces: [{ name: to }] }] });
const importAll = (from: string) => ({ importFrom: [{ workspaces: [{ name: from }] }] });

describe("visibility", () => {
  it("needs both the owner's export and the consumer's import", () => {
    expect(teams({ a: exportAll("b"), b: importAll("a") }).isVisible(svc("a"), "b")).toBe(true);
    expect(teams({ a: exportAll("b"), b: {} }).isVisible(svc("a"), "b")).toBe(false);
    expect(teams({ a: {}, b: importAll("a") }).isVisible(svc("a"), "b")).toBe(false);
    expect(teams({ a: exportAll("b"), b: null }).isVisible(svc("a"), "b")).toBe(false);
  });

  it("always shows a workspace its own objects, policies included, and never another's policies", () => {
    const idx = teams({ a: exportAll("*"), b: importAll("*") });
    expect(idx.isVisible(ap("a"), "a")).toBe(true);
    expect(idx.isVisible(ap("a"), "b")).toBe(false);
    expect(idx.explainVisibility(ap("a"), "b")).toBe("not-exportable");
    expect(idx.visibleTo("b").get("AccessPolicy.security.policy.gloo.solo.io")?.map((v) => v.ref.name)).toEqual(["b-ap"]);
  });

  it("filters resources on both sides: kind, labels, name, namespace, cluster", () => {
    const idx = teams({
      a: { exportTo: [{ workspaces: [{ name: "b" }], resources: [{ kind: "SERVICE" }, { kind: "VIRTUAL_DESTINATION", labels: { tier: "api" } }, { kind: "ROUTE_TABLE", name: "other" }] }] },
      b: { importFrom: [{ workspaces: [{ name: "a" }], resources: [{ kind: "SERVICE", labels: { app: "a-svc" }, namespace: "a", cluster: "cluster-1" }, { kind: "VIRTUAL_DESTINATION" }] }] },
    });
    expect(idx.importedBy("b").map((i) => i.ref.name)).toEqual(["a-svc", "a-vd"]);
    expect(idx.isVisible(ref("Service", "a", "a-internal"), "b")).toBe(false);
    expect(idx.explainVisibility(ref("Service", "a", "a-internal"), "b")).toBe("not-imported");
    expect(idx.explainVisibility(ref("RouteTable", "a", "a-rt"), "b")).toBe("not-exported");
    expect(idx.explainVisibility(svc("a"), "b")).toBe("imported");
    expect(idx.explainVisibility(svc("a"), "a")).toBe("owned");
  });

  it("selects workspaces by name glob and labels (ANDed), `*` never including the workspace itself", () => {
    const idx = teams(
      { a: { exportTo: [{ workspaces: [{ selector: { tier: "edge" } }] }, { workspaces: [{ name: "c*", selector: { team: "c" } }] }], importFrom: [{ workspaces: [{ name: "*" }] }] }, b: importAll("*"), c: importAll("a") },
      { a: { team: "a" }, b: { team: "b", tier: "edge" }, c: { team: "c" } },
    );
    expect(idx.edges.map((e) => `${e.from}->${e.to}`)).toEqual(["a->b", "a->c"]);
    expect(idx.agreements.map((a) => `${a.from}->${a.to}:${a.exportRules.join(",")}/${a.importRules.join(",")}`)).toEqual(["a->b:0/0", "a->c:1/0", "b->a:/0", "c->a:/0", "c->b:/0"]);
  });

  it("lists what flows on each edge, by kind, and the reverse views", () => {
    const idx = teams({ a: exportAll("b"), b: importAll("a") });
    const edge = idx.edges[0];
    expect(edge?.kinds).toEqual([
      { group: "networking.gloo.solo.io", kind: "ExternalService", count: 1 },
      { group: "networking.gloo.solo.io", kind: "RouteTable", count: 1 },
      { group: "", kind: "Service", count: 2 },
      { group: "networking.gloo.solo.io", kind: "VirtualDestination", count: 1 },
    ]);
    expect(idx.exportedBy("a").map((e) => `${e.ref.name}->${e.to.join(",")}`)).toEqual(["a-es->b", "a-rt->b", "a-internal->b", "a-svc->b", "a-vd->b"]);
    expect(idx.importedBy("b").every((i) => i.from === "a")).toBe(true);
    const visible = idx.visibleTo("b");
    expect(visible.get("Service")?.map((v) => `${v.ref.name}:${v.owner}:${v.imported}`)).toEqual(["a-internal:a:true", "a-svc:a:true", "b-internal:b:false", "b-svc:b:false"]);
    expect([...visible.keys()]).toEqual([...visible.keys()].sort());
    expect(idx.isVisible(vd("a"), "c")).toBe(false);
  });

  it("reports exports that let nothing through, saying why", () => {
    const idx = teams({
      a: { exportTo: [{ workspaces: [{ name: "nobody" }] }, { workspaces: [{ name: "b" }] }, { workspaces: [{ name: "c" }], resources: [{ kind: "API_DOC" }] }] },
      b: {},
      c: importAll("a"),
    });
    const unused = idx.findings.filter((f) => f.code === "WS_EXPORT_UNUSED");
    expect(unused.map((f) => f.field)).toEqual(["spec.exportTo[0]", "spec.exportTo[1]", "spec.exportTo[2]"]);
    expect(unused.map((f) => f.message.split("; ")[1])).toEqual([
      "it selects no other workspace that has settings",
      "none of b imports from a",
      "no object matches both this entry and the importers' resource filters",
    ]);
  });

  it("reports imports that bring nothing, saying why", () => {
    const idx = teams({
      a: { exportTo: [{ workspaces: [{ name: "c" }], resources: [{ kind: "SERVICE" }] }] },
      b: {},
      c: { importFrom: [{ workspaces: [{ name: "ghost" }] }, { workspaces: [{ name: "b" }] }, { workspaces: [{ name: "a" }], resources: [{ kind: "ROUTE_TABLE" }] }, { workspaces: [{ name: "a" }] }] },
    });
    const empty = idx.findings.filter((f) => f.code === "WS_IMPORT_EMPTY");
    expect(empty.map((f) => `${f.field}: ${f.message.split("; ")[1]}`)).toEqual([
      "spec.importFrom[0]: it selects no other workspace that has settings",
      "spec.importFrom[1]: none of b exports to c",
      "spec.importFrom[2]: no exported object matches this entry's resource filters",
    ]);
    expect(idx.findings.map((f) => f.code)).not.toContain("WS_EXPORT_UNUSED");
  });

  it("answers lookups for unknown names and refs without throwing", () => {
    const idx = teams({ a: {} });
    expect(idx.workspace("zzz")).toBeUndefined();
    expect(idx.visibleTo("zzz").size).toBe(0);
    expect(idx.isVisible(svc("zzz"), "a")).toBe(false);
    expect(idx.explainVisibility(svc("zzz"), "a")).toBe("unowned");
    expect(idx.exportedBy("zzz")).toEqual([]);
    expect(idx.findingsOf("zzz")).toEqual([]);
  });
});
