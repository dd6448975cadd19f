import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { attachPolicies } from "../policies";
import { workspaceDetailGraph, workspaceGraph } from "../graph";
import { listPolicies } from "../views/policies";
import { listWorkspaces, workspaceDetail } from "../views/workspaces";
import { resolveWorkspaces } from "./index";
import { forwardRoute, namespace, policy, routeTable, service, settings, snapshotOf, workspace } from "./testdata/fixtures";

const WORKSPACES = 200;
const CLUSTERS = ["cluster-1", "cluster-2", "cluster-3", "cluster-4"];
const SERVICES_PER_NS = 12;

/**
 * 200 team workspaces over four clusters (16,000+ Services, 2,000 route tables, 2,000 policies), each
 * exporting to its neighbour and to a gateway workspace that imports from every team by glob. Guards
 * against quadratic scans by finishing within the test timeout; no timing is asserted (DESIGN "Tests").
 */
function bigWorld(): Record<string, KubeObject[]> {
  const clusters: Record<string, KubeObject[]> = { mgmt: [], ...Object.fromEntries(CLUSTERS.map((c) => [c, [] as KubeObject[]])) };
  const mgmt = clusters.mgmt!;
  mgmt.push(workspace("gateway", [{ name: "mgmt", namespaces: [{ name: "gateway-config" }] }]), namespace("gateway-config"),
    settings("gateway", "gateway-config", { importFrom: [{ workspaces: [{ name: "team-*" }], resources: [{ kind: "ROUTE_TABLE" }] }] }));
  for (let i = 0; i < WORKSPACES; i++) {
    const t = `team-${String(i).padStart(3, "0")}`;
    const next = `team-${String((i + 1) % WORKSPACES).padStart(3, "0")}`;
    mgmt.push(workspace(t, [{ name: "mgmt", namespaces: [{ name: `${t}-config` }] }, { name: "cluster-*", namespaces: [{ name: `${t}-*` }] }], { labels: { team: t } }), namespace(`${t}-config`));
    mgmt.push(settings(t, `${t}-config`, {
      exportTo: [{ workspaces: [{ name: next }], resources: [{ kind: "SERVICE", labels: { tier: "api" } }] }, { workspaces: [{ name: "gateway" }], resources: [{ kind: "ROUTE_TABLE" }] }],
      importFrom: [{ workspaces: [{ selector: { team: `team-${String((i + WORKSPACES - 1) % WORKSPACES).padStart(3, "0")}` } }] }],
    }));
    for (let r = 0; r < 10; r++) {
      mgmt.push(routeTable(`rt-${r}`, `${t}-config`, { hosts: [`${t}-${r}.example.com`], http: Array.from({ length: 5 }, (_, k) => forwardRoute(`r${k}`, { n: String(k) }, [[`svc-${k}`, `${t}-a`, CLUSTERS[k % 4]!]])) }));
      mgmt.push(policy(r % 2 ? "RetryTimeoutPolicy" : "AccessPolicy", `p-${r}`, `${t}-config`, r % 2 ? { applyToRoutes: [{ route: { labels: { n: String(r % 5) } } }] } : {}));
    }
    for (const c of CLUSTERS) {
      for (const ns of [`${t}-a`, `${t}-b`]) {
        clusters[c]!.push(namespace(ns));
        for (let s = 0; s < SERVICES_PER_NS; s++) clusters[c]!.push(service(`svc-${s}`, ns, { app: `svc-${s}`, tier: s % 3 === 0 ? "api" : "internal" }));
      }
    }
  }
  return clusters;
}

describe("scale", () => {
  it("resolves 200 workspaces and tens of thousands of objects (indexes, not scans)", () => {
    const idx = resolveWorkspaces(snapshotOf(bigWorld()));
    expect(idx.workspaces).toHaveLength(WORKSPACES + 1);
    expect(idx.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(idx.edges).toHaveLength(WORKSPACES * 2);
    expect(idx.importedBy("gateway")).toHaveLength(WORKSPACES * 10);
    expect(idx.importedBy("team-001").filter((o) => o.ref.kind === "Service")).toHaveLength(CLUSTERS.length * 2 * (SERVICES_PER_NS / 3));
    const at = attachPolicies(idx);
    expect(at.routes).toHaveLength(WORKSPACES * 50);
    expect(at.policies).toHaveLength(WORKSPACES * 10);
    expect(workspaceGraph(idx, at).nodes).toHaveLength(WORKSPACES + 1);
    expect(workspaceDetailGraph(idx, at, "gateway", ["ws:gateway"]).nodes.length).toBeLessThanOrEqual(300);
    expect(workspaceDetailGraph(idx, at, "team-007", ["ws:team-007"]).nodes.length).toBeLessThanOrEqual(300);
    expect(listWorkspaces(idx, at)).toHaveLength(WORKSPACES + 1);
    expect(workspaceDetail(idx, at, "team-007")?.owned.length).toBeGreaterThan(0);
    expect(listPolicies(at)).toHaveLength(WORKSPACES * 10);
  });
});
