import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { discover } from "../discovery";
import { attachPolicies } from "../policies";
import type { AttachmentIndex } from "../policies/types";
import { readDirectory } from "../server/sources/directory";
import type { ObjectRef } from "../snapshot/ref";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../snapshot/snapshot";
import { resolveWorkspaces, type WorkspaceIndex } from "./index";

/**
 * Golden test on the bundled demo (examples/bookinfo-multicluster, README "Workspaces and namespaces",
 * "Import/export", "Deliberate mistakes"). `UPDATE_GOLDEN=1` rewrites testdata/demo.golden.json.
 */
const DEMO = path.resolve(import.meta.dirname, "../../examples/bookinfo-multicluster");

async function loadDemo(): Promise<Snapshot> {
  const clusters = [];
  for (const name of ["mgmt", "cluster-1", "cluster-2"]) {
    const read = await readDirectory(path.join(DEMO, name));
    expect(read.problems).toEqual([]);
    clusters.push(buildSnapshotCluster(name, name === "mgmt", read.objects));
  }
  return buildSnapshot(1, clusters);
}

/** `Kind namespace/name @cluster`: refs as one readable string, so the golden can be reviewed by hand. */
const r = (ref: ObjectRef): string => `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name} @${ref.cluster}`;

function summarize(idx: WorkspaceIndex, at: AttachmentIndex) {
  const findings = [...idx.findings, ...at.findings].map((f) => ({ ...f, objects: f.objects.map(r) }));
  return {
    membership: idx.workspaces.map((ws) => ({
      name: ws.name,
      clusters: ws.clusters,
      namespaces: ws.namespaces.map((n) => `${n.cluster}/${n.namespace}${n.configEnabled ? " (config)" : ""}${n.contestedWith.length ? ` contested with ${n.contestedWith.join(",")}` : ""}`),
      settings: ws.settings ? r(ws.settings.ref) : null,
      owned: idx.ownedBy(ws.name).map((e) => r(e.ref)),
      exported: idx.exportedBy(ws.name).map((e) => `${r(e.ref)} -> ${e.to.join(",")}`),
      imported: idx.importedBy(ws.name).map((i) => `${r(i.ref)} <- ${i.from}`),
    })),
    edges: idx.edges.map((e) => ({ from: e.from, to: e.to, kinds: e.kinds.map((k) => `${k.count} ${k.kind}`), objects: e.objects.map(r) })),
    agreements: idx.agreements,
    findings,
    attachment: {
      policies: at.policies.map((p) => ({
        policy: r(p.policy),
        workspace: p.workspace,
        routes: p.routes.map((t) => `${r(t.route.table)} #${t.route.index} ${t.route.name}${t.effective ? "" : " (overridden)"}`),
        routeDestinations: p.routeDestinations.map((t) => `${r(t.route.table)} #${t.route.index} -> ${r(t.destination)}`),
        destinations: p.destinations.map((t) => `${r(t.destination)}${t.effective ? "" : " (overridden)"}`),
        workloads: p.workloads.map(r),
      })),
      routes: at.routes.map((x) => ({
        route: `${r(x.table)} #${x.index} ${x.name}`,
        workspace: x.workspace,
        action: x.action,
        destinations: x.destinations.map((d) => [
          r(d.ref), d.port && `port ${d.port}`, ...Object.entries(d.subset).map(([k, v]) => `${k}=${v}`), d.weight !== null && `${d.weight}%`,
          !d.found && "NOT FOUND", d.found && !d.visible && "NOT VISIBLE",
        ].filter((x) => x).join(" ")),
        delegates: x.delegates.map(r),
        policies: at.onRoute(x.key).map((p) => `${r(p.policy)}${p.effective ? "" : " (overridden)"}`),
      })),
    },
  };
}

describe("bookinfo-multicluster demo", () => {
  let idx: WorkspaceIndex;
  let at: AttachmentIndex;
  beforeAll(async () => {
    const snapshot = await loadDemo();
    idx = resolveWorkspaces(snapshot);
    at = attachPolicies(idx, discover(snapshot).workloads);
  });

  it("matches the golden file", () => {
    const file = path.join(import.meta.dirname, "testdata/demo.golden.json");
    const actual: unknown = JSON.parse(JSON.stringify(summarize(idx, at)));
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  it("selects the namespaces the README lists (and the Workspace statuses count)", () => {
    const counts = idx.workspaces.map((w) => [w.name, w.clusters.length, w.namespaces.length]);
    expect(counts).toEqual([["bookinfo-backends", 3, 3], ["bookinfo-frontends", 2, 2], ["ops-team", 3, 4], ["web-team", 2, 2]]);
    expect(idx.workspaceOfNamespace("cluster-1", "istio-system")).toBeUndefined();
    expect(idx.workspaceOfNamespace("cluster-2", "gloo-mesh")).toBeUndefined();
    expect(idx.isConfigEnabled("cluster-1", "web-portal")).toBe(true);
    expect(idx.isConfigEnabled("cluster-1", "bookinfo-frontends")).toBe(false);
  });

  it("flows only what both sides agree on", () => {
    expect(idx.edges.map((e) => `${e.from}->${e.to}`)).toEqual(["bookinfo-backends->bookinfo-frontends", "bookinfo-backends->ops-team", "bookinfo-backends->web-team", "bookinfo-frontends->ops-team"]);
    const details = { cluster: "cluster-1", group: "", kind: "Service", namespace: "bookinfo-backends", name: "details" };
    expect(idx.isVisible(details, "bookinfo-frontends")).toBe(true);
    expect(idx.isVisible(details, "web-team")).toBe(false);
    expect(idx.explainVisibility(details, "web-team")).toBe("not-exported");
  });

  it("reports the deliberate mistakes 1 and 2 (mistake 3 is a Service port-naming check for lib/validate)", () => {
    const found = at.findings.map((f) => [f.code, f.objects[0]?.name, f.field]);
    expect(found).toContainEqual(["POLICY_SELECTS_NOTHING", "checkout-timeout", "spec.applyToRoutes"]);
    expect(found).toContainEqual(["ROUTE_DESTINATION_NOT_VISIBLE", "bookinfo-api", "spec.http[1].forwardTo.destinations[0].ref"]);
    expect(idx.findings).toEqual([]);
  });

  it("attaches the demo's policies as the Gloo statuses report (numSelectedRoutes / numSelectedDestinationPorts)", () => {
    const selected = Object.fromEntries(at.policies.map((p) => [p.policy.name, p.routes.length + p.destinations.length]));
    expect(selected).toEqual({ "reviews-access": 2, "productpage-cors": 1, "reviews-failover": 1, "reviews-chaos-delay": 1, "productpage-security-headers": 1, "reviews-outlier": 1, "reviews-retry": 1, "checkout-timeout": 0 });
  });
});
