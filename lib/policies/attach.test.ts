import { describe, expect, it } from "vitest";
import type { WorkloadView } from "../discovery/types";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import type { ObjectRef } from "../snapshot/ref";
import { resolveWorkspaces } from "../workspaces";
import { externalService, forwardRoute, namespace, policy, routeTable, service, settings, snapshotOf, teamClusters, virtualDestination, workspace } from "../workspaces/testdata/fixtures";
import { attachPolicies } from "./index";

type Spec = Record<string, unknown>;
const T1 = { created: "2025-01-01T00:00:00Z" };
const T2 = { created: "2025-02-01T00:00:00Z" };

/**
 * Team `a` imports everything from `b`. a's table `rt-a` (labels tbl=a) has r0 (r=1) → a-svc, r1 (r=2) →
 * b-svc (imported); b's exported table `rt-b` has one route (r=1) → b-svc. `extra` adds objects to mgmt.
 */
function world(extra: KubeObject[] = [], aRoutes?: Spec[], c1Extra: KubeObject[] = []) {
  const mgmt: KubeObject[] = [
    workspace("a", teamClusters("a", "cluster-1", ["a"])), workspace("b", teamClusters("b", "cluster-1", ["b"])),
    namespace("a-config"), namespace("b-config"),
    settings("a", "a-config", { importFrom: [{ workspaces: [{ name: "b" }] }] }),
    settings("b", "b-config", { exportTo: [{ workspaces: [{ name: "a" }] }] }),
    routeTable("rt-a", "a-config", { hosts: ["a.example.com"], http: aRoutes ?? [forwardRoute("r0", { r: "1" }, [["a-svc", "a", "cluster-1"]]), forwardRoute("r1", { r: "2" }, [["b-svc", "b", "cluster-1"]])] }, { labels: { tbl: "a" } }),
    routeTable("rt-b", "b-config", { hosts: ["b.example.com"], http: [forwardRoute("rb", { r: "1" }, [["b-svc", "b", "cluster-1"]])] }, { labels: { tbl: "b" } }),
    virtualDestination("a-vd", "a-config", { failover: "true" }), externalService("a-es", "a-config"), virtualDestination("b-vd", "b-config", { failover: "true" }),
    ...extra,
  ];
  const c1 = [namespace("a"), namespace("b"), service("a-svc", "a"), service("a-other", "a", { app: "other" }), service("b-svc", "b"), ...c1Extra];
  return resolveWorkspaces(snapshotOf({ mgmt, "cluster-1": c1 }));
}

const routeNames = (at: ReturnType<typeof attachPolicies>, name: string) => at.policies.find((p) => p.policy.name === name)?.routes.map((t) => `${t.route.table.name}/${t.route.name}${t.effective ? "" : "!"}`);
const destNames = (at: ReturnType<typeof attachPolicies>, name: string) => at.policies.find((p) => p.policy.name === name)?.destinations.map((t) => `${t.destination.kind}/${t.destination.name}${t.effective ? "" : "!"}`);
const codes = (at: ReturnType<typeof attachPolicies>) => at.findings.map((f) => f.code);
const rt = (ns: string, name: string): ObjectRef => ({ cluster: "mgmt", group: "networking.gloo.solo.io", kind: "RouteTable", namespace: ns, name });

describe("route policies", () => {
  it("select routes by the labels of the route or of its table", () => {
    const at = attachPolicies(world([
      policy("HeaderManipulationPolicy", "by-route", "a-config", { applyToRoutes: [{ route: { labels: { r: "2" } } }] }),
      policy("HeaderManipulationPolicy", "by-table", "a-config", { applyToRoutes: [{ route: { labels: { tbl: "a" } } }] }),
      policy("HeaderManipulationPolicy", "by-ns", "a-config", { applyToRoutes: [{ route: { namespace: "a-config", cluster: "mgmt", workspace: "a" } }] }),
      policy("HeaderManipulationPolicy", "other-ws", "a-config", { applyToRoutes: [{ route: { workspace: "b" } }] }),
    ]));
    expect(routeNames(at, "by-route")).toEqual(["rt-a/r1"]);
    expect(routeNames(at, "by-table")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(routeNames(at, "by-ns")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(routeNames(at, "other-ws")).toEqual([]);
  });

  it("follow the route: an empty selector means every route of the own workspace, never imported ones", () => {
    const at = attachPolicies(world([
      policy("RetryTimeoutPolicy", "a-all", "a-config"),
      policy("FaultInjectionPolicy", "a-empty-sel", "a-config", { applyToRoutes: [{}] }),
      policy("HeaderManipulationPolicy", "b-all", "b-config"),
    ]));
    expect(routeNames(at, "a-all")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(routeNames(at, "a-empty-sel")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(routeNames(at, "b-all")).toEqual(["rt-b/rb"]);
    expect(at.onRoute(at.routesOf(rt("b-config", "rt-b"))[0]?.key ?? "").map((p) => p.policy.name)).toEqual(["b-all"]);
  });

  it("select routes by the destinations they forward to, imported ones included", () => {
    const at = attachPolicies(world([
      policy("CORSPolicy", "to-b", "a-config", { applyToRoutes: [{ withDestinations: { selector: { name: "b-svc", workspace: "b" } } }] }),
      policy("CORSPolicy", "to-vd", "a-config", { applyToRoutes: [{ withDestinations: { kind: "VIRTUAL_DESTINATION" } }] }),
      policy("CORSPolicy", "port", "a-config", { applyToRoutes: [{ withDestinations: { selector: { labels: { app: "a-svc" } }, port: { number: 9080 } } }] }),
    ]));
    expect(routeNames(at, "to-b")).toEqual(["rt-a/r1"]);
    expect(routeNames(at, "to-vd")).toEqual([]);
    expect(routeNames(at, "port")).toEqual(["rt-a/r0"]);
  });

  it("let the oldest RetryTimeoutPolicy win a route and report the others", () => {
    const at = attachPolicies(world([
      policy("RetryTimeoutPolicy", "newer", "a-config", { applyToRoutes: [{ route: { labels: { r: "1" } } }] }, T2),
      policy("RetryTimeoutPolicy", "older", "a-config", {}, T1),
      policy("RetryTimeoutPolicy", "undated", "a-config", { applyToRoutes: [{ route: { labels: { r: "2" } } }] }),
    ]));
    expect(routeNames(at, "older")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(routeNames(at, "newer")).toEqual(["rt-a/r0!"]);
    expect(routeNames(at, "undated")).toEqual(["rt-a/r1!"]);
    const conflicts = at.findings.filter((f) => f.code === "POLICY_CONFLICT");
    expect(conflicts.map((f) => [f.objects.map((o) => o.name), f.severity])).toEqual([[["newer", "older"], "warning"], [["undated", "older"], "warning"]]);
    expect(conflicts[0]?.message).toContain("the oldest wins");
    const r0 = at.routesOf(rt("a-config", "rt-a"))[0]?.key ?? "";
    expect(at.onRoute(r0).map((p) => [p.policy.name, p.effective, p.overriddenBy?.name ?? null])).toEqual([["older", true, null], ["newer", false, "older"]]);
  });

  it("break equal creation times by name, per kind (FaultInjection and RetryTimeout do not conflict with each other)", () => {
    const at = attachPolicies(world([
      policy("FaultInjectionPolicy", "zeta", "a-config", {}, T1),
      policy("FaultInjectionPolicy", "alpha", "a-config", {}, T1),
      policy("RetryTimeoutPolicy", "rt", "a-config", {}, T2),
    ]));
    expect(routeNames(at, "alpha")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(routeNames(at, "zeta")).toEqual(["rt-a/r0!", "rt-a/r1!"]);
    expect(routeNames(at, "rt")).toEqual(["rt-a/r0", "rt-a/r1"]);
    expect(at.findings.filter((f) => f.code === "POLICY_CONFLICT")).toHaveLength(1);
  });

  it("treat CORS as one per route (info) and HeaderManipulation as additive", () => {
    const at = attachPolicies(world([
      policy("CORSPolicy", "c1", "a-config", {}, T1), policy("CORSPolicy", "c2", "a-config", {}, T2),
      policy("HeaderManipulationPolicy", "h1", "a-config", {}, T1), policy("HeaderManipulationPolicy", "h2", "a-config", {}, T2),
    ]));
    expect(at.findings.filter((f) => f.code === "POLICY_CONFLICT").map((f) => [f.objects[0]?.name, f.severity])).toEqual([["c2", "info"]]);
    expect(routeNames(at, "h2")).toEqual(["rt-a/r0", "rt-a/r1"]);
  });

  it("select route destinations for HeaderManipulationPolicy", () => {
    const at = attachPolicies(world([
      policy("HeaderManipulationPolicy", "rd", "a-config", { applyToRouteDestinations: [{ route: { labels: { tbl: "a" } }, onDestinations: [{ selector: { workspace: "b" } }] }] }),
      policy("HeaderManipulationPolicy", "rd-all", "a-config", { applyToRouteDestinations: [{ route: { labels: { r: "1" } } }] }),
    ]));
    const rd = (name: string) => at.policies.find((p) => p.policy.name === name)?.routeDestinations.map((t) => `${t.route.name}->${t.destination.name}`);
    expect(rd("rd")).toEqual(["r1->b-svc"]);
    expect(rd("rd-all")).toEqual(["r0->a-svc"]);
    expect(routeNames(at, "rd")).toEqual([]);
  });

  it("report a policy that selects nothing", () => {
    const at = attachPolicies(world([policy("RetryTimeoutPolicy", "none", "a-config", { applyToRoutes: [{ route: { labels: { r: "checkout" } } }] })]));
    const f = at.findings.find((x) => x.code === "POLICY_SELECTS_NOTHING");
    expect([f?.objects[0]?.name, f?.field, f?.workspaces]).toEqual(["none", "spec.applyToRoutes", ["a"]]);
    expect(f?.message).toContain("must select at least one route of workspace a");
  });
});

describe("destination and workload policies", () => {
  it("never cross workspaces; empty selectors pick every own destination of the supported kinds", () => {
    const at = attachPolicies(world([
      policy("FailoverPolicy", "fo", "a-config"),
      policy("OutlierDetectionPolicy", "od", "a-config"),
      policy("AccessPolicy", "ap", "a-config"),
      policy("FailoverPolicy", "fo-b", "a-config", { applyToDestinations: [{ selector: { name: "b-svc" } }, { kind: "VIRTUAL_DESTINATION", selector: { labels: { failover: "true" } } }] }),
    ]));
    expect(destNames(at, "fo")).toEqual(["Service/a-other", "Service/a-svc", "VirtualDestination/a-vd"]);
    expect(destNames(at, "od")).toEqual(["ExternalService/a-es", "VirtualDestination/a-vd"]);
    expect(destNames(at, "ap")).toEqual(["Service/a-other", "Service/a-svc"]);
    expect(destNames(at, "fo-b")).toEqual(["VirtualDestination/a-vd!"]);
  });

  it("report selectors of unsupported destination kinds", () => {
    const at = attachPolicies(world([policy("OutlierDetectionPolicy", "od-svc", "a-config", { applyToDestinations: [{ kind: "SERVICE" }] })]));
    expect(codes(at)).toEqual(["POLICY_SELECTS_NOTHING", "POLICY_TARGET_KIND_UNSUPPORTED"]);
    expect(at.findings.find((f) => f.code === "POLICY_TARGET_KIND_UNSUPPORTED")?.field).toBe("spec.applyToDestinations[0].kind");
  });

  it("let the oldest FailoverPolicy win a destination (info) and index policies per destination", () => {
    const at = attachPolicies(world([
      policy("FailoverPolicy", "fo2", "a-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION" }] }, T2),
      policy("FailoverPolicy", "fo1", "a-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION" }] }, T1),
      policy("OutlierDetectionPolicy", "od", "a-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION" }] }),
    ]));
    const vd = { cluster: "mgmt", group: "networking.gloo.solo.io", kind: "VirtualDestination", namespace: "a-config", name: "a-vd" };
    expect(at.onDestination(vd).map((p) => `${p.policy.name}:${p.effective}`)).toEqual(["fo1:true", "fo2:false", "od:true"]);
    expect(at.findings.find((f) => f.code === "POLICY_CONFLICT")?.severity).toBe("info");
  });

  it("select workloads for AccessPolicy (destinations then ignored, with a finding)", () => {
    const wl = (name: string, ns: string, labels: Record<string, string>, mesh = true) => ({
      cluster: "cluster-1", namespace: ns, name, kind: "Deployment", podLabels: labels, mesh: mesh ? { cluster: "cluster-1", namespace: "istio-system", name: "istiod", discoveredName: "m" } : null,
      controller: { cluster: "cluster-1", group: "apps", kind: "Deployment", namespace: ns, name },
    }) as unknown as WorkloadView;
    const workloads = [wl("web", "a", { app: "web" }), wl("job", "a", { app: "web" }, false), wl("bweb", "b", { app: "web" })];
    const at = attachPolicies(world([
      policy("AccessPolicy", "ap", "a-config", { applyToWorkloads: [{ selector: { labels: { app: "web" } } }], applyToDestinations: [{}] }),
      policy("AccessPolicy", "ap-legacy", "a-config", { applyToWorkloads: [{ kube: { labels: { app: "web" } } }] }),
    ]), workloads);
    expect(at.policies.find((p) => p.policy.name === "ap")?.workloads.map((w) => w.name)).toEqual(["web"]);
    expect(at.policies.find((p) => p.policy.name === "ap-legacy")?.workloads.map((w) => w.name)).toEqual(["web"]);
    expect(destNames(at, "ap")).toEqual([]);
    expect(codes(at)).toEqual(["POLICY_SELECTOR_IGNORED"]);
    expect(at.onWorkload({ cluster: "cluster-1", group: "apps", kind: "Deployment", namespace: "a", name: "web" }).map((p) => p.policy.name)).toEqual(["ap", "ap-legacy"]);
  });
});

describe("route destinations and delegation", () => {
  it("report destinations that are missing or that the workspace cannot see", () => {
    const idx = world([], [
      forwardRoute("missing", {}, [["nope", "a", "cluster-1"]]),
      forwardRoute("unowned", {}, [["loose", "z", "cluster-1"]]),
      forwardRoute("defaults", {}, [["a-vd", "", "", "VIRTUAL_DESTINATION"]]),
    ], [namespace("z"), service("loose", "z")]);
    const at = attachPolicies(idx);
    expect(at.findings.find((f) => f.code === "ROUTE_DESTINATION_NOT_VISIBLE")?.message).toContain("it belongs to no single workspace");
    expect(at.findings.map((f) => [f.code, f.field])).toEqual([
      ["ROUTE_DESTINATION_NOT_FOUND", "spec.http[0].forwardTo.destinations[0].ref"],
      ["ROUTE_DESTINATION_NOT_VISIBLE", "spec.http[1].forwardTo.destinations[0].ref"],
    ]);
    expect(at.routes.find((r) => r.name === "defaults")?.destinations[0]).toMatchObject({ ref: { cluster: "mgmt", namespace: "a-config", name: "a-vd" }, found: true, visible: true, owner: "a" });
  });

  it("says which side is missing when the owner exports but the consumer does not import", () => {
    const idx = resolveWorkspaces(snapshotOf({
      mgmt: [
        workspace("a", teamClusters("a", "cluster-1", ["a"])), workspace("b", teamClusters("b", "cluster-1", ["b"])), namespace("a-config"), namespace("b-config"),
        settings("a", "a-config", { importFrom: [{ workspaces: [{ name: "b" }], resources: [{ kind: "ROUTE_TABLE" }] }] }),
        settings("b", "b-config", { exportTo: [{ workspaces: [{ name: "a" }] }] }),
        routeTable("rt-a", "a-config", { hosts: ["a"], http: [forwardRoute("r", {}, [["b-svc", "b", "cluster-1"]])] }),
      ],
      "cluster-1": [namespace("a"), namespace("b"), service("b-svc", "b")],
    }));
    expect(attachPolicies(idx).findings[0]?.message).toContain("b exports it, but the importFrom of a does not take it");
  });

  it("uses defaultDestination for a forwardTo without destinations", () => {
    const idx = world([routeTable("dflt", "a-config", { hosts: ["d"], defaultDestination: { ref: { name: "a-svc", namespace: "a", cluster: "cluster-1" } }, http: [{ name: "d", forwardTo: {} }] })]);
    expect(attachPolicies(idx).routes.find((r) => r.table.name === "dflt")?.destinations.map((d) => d.ref.name)).toEqual(["a-svc"]);
  });

  it("resolves delegation among own and imported tables, and reports a delegate that matches none", () => {
    const idx = world([], [
      { name: "to-b", delegate: { routeTables: [{ labels: { tbl: "b" }, workspace: "b" }] } },
      { name: "to-none", delegate: { routeTables: [{ labels: { tbl: "zzz" } }] } },
      { name: "not-self", delegate: { routeTables: [{ labels: { tbl: "a" } }] } },
    ]);
    const at = attachPolicies(idx);
    expect(at.routes.filter((r) => r.table.name === "rt-a").map((r) => `${r.name}:${r.delegates.map((d) => d.name).join(",")}`)).toEqual(["to-b:rt-b", "to-none:", "not-self:"]);
    expect(at.findings.map((f) => f.code)).toEqual(["ROUTE_DELEGATE_UNMATCHED", "ROUTE_DELEGATE_UNMATCHED"]);
  });

  it("builds fixtures the model schemas accept", () => {
    const objects = [policy("AccessPolicy", "p", "n", { applyToWorkloads: [{ selector: { labels: { a: "b" } } }] }), policy("HeaderManipulationPolicy", "h", "n", { applyToRouteDestinations: [{ route: { labels: { a: "b" } } }] }),
      policy("FailoverPolicy", "f", "n"), policy("OutlierDetectionPolicy", "o", "n"), policy("CORSPolicy", "c", "n"), policy("RetryTimeoutPolicy", "r", "n"), policy("FaultInjectionPolicy", "fi", "n"),
      routeTable("t", "n", { hosts: ["h"], http: [forwardRoute("r", { "x.io/a": "b" }, [["s", "n", "c"]])] }), virtualDestination("v", "n"), externalService("e", "n")];
    for (const o of objects) expect(parseObject(o), o.kind).toMatchObject({ ok: true, modelled: true });
  });
});
