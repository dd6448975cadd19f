import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { attachPolicies } from "../policies";
import { resolveWorkspaces } from "../workspaces";
import { forwardRoute, namespace, policy, routeTable, service, settings, snapshotOf, teamClusters, workspace } from "../workspaces/testdata/fixtures";
import { listPolicies } from "./policies";
import { countFindings, listWorkspaces, workspaceDetail } from "./workspaces";

const T1 = { created: "2025-01-01T00:00:00Z" };
const T2 = { created: "2025-02-01T00:00:00Z" };

/** `b` exports its Services to `a`; `a` routes to b-svc and to an unknown Service, with two competing RetryTimeoutPolicies. */
function world() {
  const mgmt: KubeObject[] = [
    workspace("a", teamClusters("a", "cluster-1", ["a"])), workspace("b", teamClusters("b", "cluster-1", ["b"])), namespace("a-config"), namespace("b-config"),
    settings("a", "a-config", { importFrom: [{ workspaces: [{ name: "b" }] }] }),
    settings("b", "b-config", { exportTo: [{ workspaces: [{ name: "a" }], resources: [{ kind: "SERVICE" }] }] }),
    routeTable("rt", "a-config", { hosts: ["a"], http: [forwardRoute("to-b", {}, [["b-svc", "b", "cluster-1"]]), forwardRoute("lost", {}, [["gone", "a", "cluster-1"]])] }),
    policy("RetryTimeoutPolicy", "old", "a-config", {}, T1),
    policy("RetryTimeoutPolicy", "new", "a-config", {}, T2),
    policy("AccessPolicy", "none", "b-config", { applyToDestinations: [{ selector: { name: "nothing" } }] }),
  ];
  const idx = resolveWorkspaces(snapshotOf({ mgmt, "cluster-1": [namespace("a"), namespace("b"), service("a-svc", "a"), service("b-svc", "b"), service("b-other", "b")] }));
  return { idx, at: attachPolicies(idx) };
}

describe("workspace views", () => {
  it("lists workspaces with counts, flows and finding counts, filtered by scope", () => {
    const { idx, at } = world();
    const list = listWorkspaces(idx, at);
    expect(list.map((w) => [w.name, w.cluster, w.namespace])).toEqual([["a", "mgmt", "gloo-mesh"], ["b", "mgmt", "gloo-mesh"]]);
    expect(list[0]).toMatchObject({
      clusters: ["cluster-1", "mgmt"], namespaceCount: 2, configNamespaceCount: 1, importsFrom: ["b"], exportsTo: [],
      counts: { owned: 5, exported: 0, imported: 2, private: 5, routeTables: 1, destinations: 1, policies: 2 },
      findings: { error: 1, warning: 1, info: 0 },
    });
    expect(list[1]).toMatchObject({ exportsTo: ["a"], counts: { owned: 4, exported: 2, private: 2 } });
    expect(listWorkspaces(idx, at, new Set(["b"])).map((w) => w.name)).toEqual(["b"]);
  });

  it("details one workspace: clusters, owned/exported/private/imported objects, routes with policies, findings", () => {
    const { idx, at } = world();
    const a = workspaceDetail(idx, at, "a");
    expect(a?.clusters.map((c) => [c.name, c.namespaces.map((n) => n.namespace)])).toEqual([["cluster-1", ["a"]], ["mgmt", ["a-config"]]]);
    expect(a?.imported.map((i) => `${i.ref.name}<-${i.from}`)).toEqual(["b-other<-b", "b-svc<-b"]);
    expect(a?.routes.map((r) => [r.name, r.policies.map((p) => `${p.policy.name}:${p.effective}`)])).toEqual([["to-b", ["old:true", "new:false"]], ["lost", ["old:true", "new:false"]]]);
    expect(a?.findings.map((f) => f.code)).toEqual(["POLICY_CONFLICT", "ROUTE_DESTINATION_NOT_FOUND"]);
    expect(a?.agreements.map((x) => `${x.from}->${x.to}`)).toEqual(["b->a"]);
    const b = workspaceDetail(idx, at, "b");
    expect(b?.exported.map((o) => `${o.ref.name}->${o.exportedTo.join(",")}`)).toEqual(["b-other->a", "b-svc->a"]);
    expect(b?.private.map((o) => o.ref.kind)).toEqual(["AccessPolicy", "WorkspaceSettings"]);
    expect(workspaceDetail(idx, at, "zzz")).toBeUndefined();
  });

  it("counts findings by severity", () => {
    expect(countFindings([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe("policy views", () => {
  it("lists policies with targets, where they are in effect, who overrides them and their findings", () => {
    const { at } = world();
    const list = listPolicies(at);
    expect(list.map((p) => [p.kind, p.name, p.workspace, p.effectiveTargets, p.selectsNothing])).toEqual([
      ["AccessPolicy", "none", "b", 0, true],
      ["RetryTimeoutPolicy", "new", "a", 0, false],
      ["RetryTimeoutPolicy", "old", "a", 2, false],
    ]);
    expect(list[1]?.overriddenBy.map((r) => r.name)).toEqual(["old"]);
    expect(list[1]?.routes.map((t) => `${t.route.name}:${t.effective}`)).toEqual(["to-b:false", "lost:false"]);
    expect(list[0]?.findings.map((f) => f.code)).toEqual(["POLICY_SELECTS_NOTHING"]);
    expect(list[2]?.findings.map((f) => f.code)).toEqual(["POLICY_CONFLICT"]);
    expect(listPolicies(at, new Set(["b"])).map((p) => p.name)).toEqual(["none"]);
  });
});
