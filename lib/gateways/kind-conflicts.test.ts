import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { buildSnapshot, buildSnapshotCluster } from "../snapshot/snapshot";
import { intersectHostnames } from "./hostnames";
import { HostnameOverlapIndex } from "./kind-conflicts";
import { buildGatewayModel } from "./index";

const T = (n: number) => `2025-01-0${n}T00:00:00Z`;

function route(kind: "HTTPRoute" | "GRPCRoute", name: string, created: string, hostnames: string[], sectionName?: string): KubeObject {
  return {
    apiVersion: "gateway.networking.k8s.io/v1", kind, metadata: { name, namespace: "apps", creationTimestamp: created },
    spec: { parentRefs: [{ name: "gw", namespace: "infra", ...(sectionName ? { sectionName } : {}) }], ...(hostnames.length > 0 ? { hostnames } : {}), rules: [{}] },
  };
}

/**
 * Several GRPCRoutes and HTTPRoutes on listener `http` (no hostname): exact, wildcard, covering wildcard and
 * hostname-less routes, an age tie across kinds with one namespace/name (the GRPCRoute wins it), a loser that
 * still beats a younger route, and routes that keep listener `other` (HTTPRoutes only) after losing `http`.
 */
const objects: KubeObject[] = [
  { apiVersion: "gateway.networking.k8s.io/v1", kind: "GatewayClass", metadata: { name: "kg" }, spec: { controllerName: "kgateway.dev/kgateway" } },
  {
    apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "gw", namespace: "infra" },
    spec: { gatewayClassName: "kg", listeners: [
      { name: "http", port: 80, protocol: "HTTP", allowedRoutes: { namespaces: { from: "All" } } },
      { name: "other", port: 81, protocol: "HTTP", hostname: "other.example.com", allowedRoutes: { namespaces: { from: "All" } } },
    ] },
  },
  route("GRPCRoute", "g-wild", T(1), ["*.a.example.com"], "http"),
  route("HTTPRoute", "h-exact", T(2), ["x.a.example.com"], "http"),
  route("HTTPRoute", "h-other", T(2), ["b.example.com"], "http"),
  route("GRPCRoute", "g-b", T(3), ["b.example.com", "c.example.com"], "http"),
  route("HTTPRoute", "h-c", T(4), ["c.example.com"], "http"),
  route("HTTPRoute", "tie", T(2), ["tie.example.com"], "http"),
  route("GRPCRoute", "tie", T(2), ["tie.example.com"], "http"),
  route("HTTPRoute", "h-all", T(4), []),
  route("HTTPRoute", "h-cover", T(3), ["*.example.com"]),
  route("GRPCRoute", "g-young", T(4), ["*.example.com"], "http"),
];

describe("HTTPRoute/GRPCRoute hostname conflict (reference §1.4)", () => {
  it("an older route of the other kind with an intersecting hostname takes the listener, pairwise", () => {
    const model = buildGatewayModel(buildSnapshot(1, [buildSnapshotCluster("cluster-1", false, objects)]));
    const cluster = model.clusters[0];
    const outcome = Object.fromEntries((cluster?.routes ?? []).map((r) => {
      const status = cluster?.statuses.get(r)?.[0];
      const lost = r.lostTo.get(0);
      return [`${r.kind} ${r.key}`, {
        accepted: status?.accepted ?? false,
        listeners: (status?.att.listeners ?? []).map((l) => l.listener.name),
        lostTo: lost ? `${lost.kind} ${lost.name}` : null,
      }];
    }));
    expect(outcome).toEqual({
      "GRPCRoute apps/g-wild": { accepted: true, listeners: ["http"], lostTo: null },
      "HTTPRoute apps/h-exact": { accepted: false, listeners: [], lostTo: "GRPCRoute g-wild" },
      "HTTPRoute apps/h-other": { accepted: true, listeners: ["http"], lostTo: null },
      "GRPCRoute apps/g-b": { accepted: false, listeners: [], lostTo: "HTTPRoute h-other" },
      // g-b lost to h-other, yet it is older than h-c and still beats it; so does g-young (same age, sorts first).
      "HTTPRoute apps/h-c": { accepted: false, listeners: [], lostTo: "GRPCRoute g-young" },
      // Same age and namespace/name: the GRPCRoute wins.
      "HTTPRoute apps/tie": { accepted: false, listeners: [], lostTo: "GRPCRoute tie" },
      "GRPCRoute apps/tie": { accepted: true, listeners: ["http"], lostTo: null },
      // Beaten by g-b, g-wild, g-young and tie: lostTo names the last of them in namespace/name order.
      "HTTPRoute apps/h-all": { accepted: true, listeners: ["other"], lostTo: "GRPCRoute tie" },
      // *.example.com covers g-wild's *.a.example.com and matches g-b's and tie's names; g-young is younger.
      "HTTPRoute apps/h-cover": { accepted: true, listeners: ["other"], lostTo: "GRPCRoute tie" },
      // Older: h-exact, h-other, tie (T2) and h-cover (T3); h-c and h-all (T4) sort after g-young.
      "GRPCRoute apps/g-young": { accepted: false, listeners: [], lostTo: "HTTPRoute tie" },
    });
  });

  it("the overlap index answers as intersectHostnames over every pair", () => {
    // Schema-valid names, plus a few the schema rejects (leading or trailing dot) that must still agree.
    const hostname = fc.constantFrom("*", "a.example.com", "b.example.com", "x.a.example.com", "*.example.com", "*.a.example.com", "*.x.a.example.com", "example.com", "*.com", "ab.com", "*.ab.com", "b.com", ".b.com", "a.", "*.", "*.a.");
    const sets = fc.array(fc.array(hostname, { minLength: 1, maxLength: 3 }), { maxLength: 12 });
    fc.assert(fc.property(sets, fc.array(hostname, { minLength: 1, maxLength: 3 }), (added, query) => {
      const index = new HostnameOverlapIndex();
      added.forEach((hs, pos) => index.add(hs, pos));
      const meets = (hs: readonly string[]) => hs.some((x) => query.some((y) => intersectHostnames(x, y) !== null));
      const expected = added.reduce((best, hs, pos) => (meets(hs) ? pos : best), -1);
      expect(index.latest(query)).toBe(expected);
    }), { numRuns: 300 });
  });
});
