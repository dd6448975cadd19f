import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { attachPolicies } from "../policies";
import { resolveWorkspaces } from "../workspaces";
import { forwardRoute, namespace, policy, routeTable, service, settings, snapshotOf, teamClusters, virtualDestination, workspace } from "../workspaces/testdata/fixtures";
import { projectGraph, workspaceDetailGraph, workspaceGraph, type Graph } from "./index";

/** `a` imports from `b` (which exports Services only to a); `c` exports to a, which does not import from c; `d` imports from a, which exports nothing. */
function world(extraMgmt: KubeObject[] = [], extraC1: KubeObject[] = []) {
  const mgmt: KubeObject[] = [];
  const c1: KubeObject[] = [];
  const specs: Record<string, Record<string, unknown>> = {
    a: { importFrom: [{ workspaces: [{ name: "b" }] }] },
    b: { exportTo: [{ workspaces: [{ name: "a" }], resources: [{ kind: "SERVICE" }] }] },
    c: { exportTo: [{ workspaces: [{ name: "a" }] }] },
    d: { importFrom: [{ workspaces: [{ name: "a" }] }] },
  };
  for (const [t, spec] of Object.entries(specs)) {
    mgmt.push(workspace(t, teamClusters(t, "cluster-1", [t])), namespace(`${t}-config`), settings(t, `${t}-config`, spec));
    c1.push(namespace(t), service(`${t}-svc`, t));
  }
  mgmt.push(
    routeTable("rt-a", "a-config", { hosts: ["a"], http: [forwardRoute("to-b", { r: "1" }, [["b-svc", "b", "cluster-1"]]), forwardRoute("to-c", { r: "2" }, [["c-svc", "c", "cluster-1"]])] }),
    policy("RetryTimeoutPolicy", "retry", "a-config"),
    policy("AccessPolicy", "access", "a-config"),
    virtualDestination("b-vd", "b-config"),
    ...extraMgmt,
  );
  const idx = resolveWorkspaces(snapshotOf({ mgmt, "cluster-1": [...c1, ...extraC1] }));
  return { idx, at: attachPolicies(idx) };
}

const lines = (g: Graph) => ({
  nodes: g.nodes.map((n) => `${n.id}${n.parent ? ` in ${n.parent}` : ""}${n.badges?.length ? ` [${n.badges.join(",")}]` : ""}`),
  edges: g.edges.map((e) => `${e.kind} ${e.source} -> ${e.target}${e.label ? ` "${e.label}"` : ""}`),
});

const RT = "rt:mgmt|RouteTable.networking.gloo.solo.io|a-config|rt-a";

describe("workspaceGraph", () => {
  it("has one node per workspace with counts, and one edge per agreement saying what flows", () => {
    const { idx, at } = world();
    const g = workspaceGraph(idx, at);
    expect(g.nodes.map((n) => n.id)).toEqual(["ws:a", "ws:b", "ws:c", "ws:d"]);
    expect(g.nodes[0]?.counts).toEqual({ clusters: 2, namespaces: 2, routeTables: 1, destinations: 1, policies: 2, exported: 0, imported: 1 });
    expect(g.nodes[0]?.badges).toEqual(["error"]);
    expect(lines(g).edges).toEqual([
      'export ws:a -> ws:d "imported, not exported"',
      'export ws:b -> ws:a "1 Service"',
      'export ws:c -> ws:a "exported, not imported"',
    ].map((l) => l.replace('export ws:a -> ws:d', 'import ws:a -> ws:d')).sort());
  });

  it("collapses the least connected workspaces into one aggregate past maxNodes", () => {
    const { idx, at } = world();
    const g = workspaceGraph(idx, at, { maxNodes: 3 });
    expect(g.nodes.map((n) => `${n.id} ${n.label}`)).toEqual(["ws:a a", "ws:b b", "agg:root:workspace + 2 workspaces"]);
    expect(lines(g).edges).toEqual(['export agg:root:workspace -> ws:a "exported, not imported"', 'export ws:b -> ws:a "1 Service"', 'import ws:a -> agg:root:workspace "imported, not exported"']);
  });
});

describe("workspaceDetailGraph", () => {
  it("shows a collapsed workspace with its neighbours, lifting edges to the group", () => {
    const { idx, at } = world();
    expect(lines(workspaceDetailGraph(idx, at, "a"))).toEqual({
      nodes: ["ws:a [error,expandable]", "ws:b", "ws:c", "ws:d", "ext:cluster-1|Service|c|c-svc [Service,not-visible]"],
      edges: ['export ws:b -> ws:a "1 Service"', 'export ws:c -> ws:a "exported, not imported"', 'forward ws:a -> ext:cluster-1|Service|c|c-svc "9080"', 'import ws:a -> ws:d "imported, not exported"'],
    });
  });

  it("expands into clusters, route tables, destinations, policies and imported objects", () => {
    const { idx, at } = world();
    const g = workspaceDetailGraph(idx, at, "a", ["ws:a"]);
    expect(lines(g).nodes).toEqual([
      "ws:a [error]", "ws:b", "ws:c", "ws:d",
      "ext:cluster-1|Service|c|c-svc [Service,not-visible]",
      "cl:a:cluster-1 in ws:a [expandable]", "cl:a:mgmt in ws:a [expandable]",
      `${RT} in ws:a [RouteTable,expandable]`,
      "dst:cluster-1|Service|a|a-svc in ws:a [Service]",
      "imp:cluster-1|Service|b|b-svc in ws:a [Service,imported,from:b]",
      "pol:mgmt|AccessPolicy.security.policy.gloo.solo.io|a-config|access in ws:a [AccessPolicy]",
      "pol:mgmt|RetryTimeoutPolicy.resilience.policy.gloo.solo.io|a-config|retry in ws:a [RetryTimeoutPolicy]",
    ]);
    expect(lines(g).edges).toContain(`attach pol:mgmt|RetryTimeoutPolicy.resilience.policy.gloo.solo.io|a-config|retry -> ${RT}`);
    expect(lines(g).edges).toContain(`forward ${RT} -> imp:cluster-1|Service|b|b-svc "9080"`);
    expect(g.edges.some((e) => e.kind === "contains")).toBe(false);
  });

  it("shows routes and namespaces when their parents are expanded, with contains edges between visible nodes only", () => {
    const { idx, at } = world();
    const g = workspaceDetailGraph(idx, at, "a", ["ws:a", RT, "cl:a:mgmt"]);
    const l = lines(g);
    expect(l.nodes).toContain(`route:mgmt|RouteTable.networking.gloo.solo.io|a-config|rt-a#0 in ${RT} [forwardTo]`);
    expect(l.nodes).toContain("ns:a:mgmt/a-config in cl:a:mgmt [config]");
    expect(l.edges).toContain(`contains ns:a:mgmt/a-config -> ${RT}`);
    expect(l.edges).toContain("attach pol:mgmt|RetryTimeoutPolicy.resilience.policy.gloo.solo.io|a-config|retry -> route:mgmt|RouteTable.networking.gloo.solo.io|a-config|rt-a#1");
    const index = new Map(g.nodes.map((n, i) => [n.id, i] as const));
    for (const n of g.nodes) if (n.parent) expect(index.get(n.parent)).toBeLessThan(index.get(n.id) ?? -1);
  });

  it("aggregates sibling leaves past maxNodes, and closes expansions when that is not enough", () => {
    const many = Array.from({ length: 12 }, (_, i) => service(`s${i}`, "a"));
    const { idx, at } = world([], many);
    const g = workspaceDetailGraph(idx, at, "a", ["ws:a"], { maxNodes: 12 });
    expect(g.nodes.length).toBeLessThanOrEqual(12);
    expect(g.nodes.find((n) => n.kind === "aggregate")).toMatchObject({ id: "agg:ws:a:destination", label: "+ 13 destinations", parent: "ws:a", counts: { destination: 13 } });
    const tiny = workspaceDetailGraph(idx, at, "a", ["ws:a"], { maxNodes: 4 });
    expect(tiny.nodes.map((n) => n.id)).toEqual(["ws:a", "ext:cluster-1|Service|c|c-svc", "agg:root:workspace"]);
  });

  it("is empty for an unknown workspace and deterministic for the same input", () => {
    const { idx, at } = world();
    expect(workspaceDetailGraph(idx, at, "zzz")).toEqual({ nodes: [], edges: [] });
    expect(workspaceDetailGraph(idx, at, "a", ["ws:a", RT])).toEqual(workspaceDetailGraph(idx, at, "a", [RT, "ws:a", "ws:a"]));
  });
});

describe("projectGraph", () => {
  it("lifts edges to the nearest shown ancestor, drops self-loops and joins labels", () => {
    const full: Graph = {
      nodes: [
        { id: "g", kind: "workspace", label: "g", workspace: "w" },
        { id: "x", kind: "destination", label: "x", parent: "g", workspace: "w" },
        { id: "y", kind: "destination", label: "y", parent: "g", workspace: "w" },
        { id: "z", kind: "destination", label: "z", workspace: "v" },
      ],
      edges: [
        { id: "1", source: "x", target: "z", kind: "forward", label: "b" },
        { id: "2", source: "y", target: "z", kind: "forward", label: "a" },
        { id: "3", source: "x", target: "y", kind: "forward", label: "inner" },
      ],
    };
    expect(lines(projectGraph(full, [], 10))).toEqual({ nodes: ["g [expandable]", "z"], edges: ['forward g -> z "a, b"'] });
    expect(lines(projectGraph(full, ["g"], 10)).edges).toEqual(['forward x -> y "inner"', 'forward x -> z "b"', 'forward y -> z "a"']);
  });
});
