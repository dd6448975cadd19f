import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { buildSnapshot, buildSnapshotCluster } from "../snapshot/snapshot";
import { goldenYaml, pipeline, validateIstio } from "./testdata/harness";

/**
 * Property tests (DESIGN "Tests"): for any schema-valid Gloo configuration the translator never throws,
 * every output is schema-valid Istio, and the result does not depend on the order objects were read in.
 */

const NAMES = ["a", "b", "c"];
const CLUSTERS = ["cluster-1", "cluster-2"];
const name = fc.constantFrom(...NAMES);
const cluster = fc.constantFrom(...CLUSTERS);
const labels = fc.dictionary(fc.constantFrom("app", "tier", "version"), fc.constantFrom("a", "b", "v1"), { maxKeys: 2 });
const port = fc.constantFrom(9080, 80, 1234);

const destination = fc.record({ name, ns: name, cluster, kind: fc.constantFrom("SERVICE", "VIRTUAL_DESTINATION", "EXTERNAL_SERVICE"), subset: fc.option(labels, { nil: undefined }), weight: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), port: fc.option(port, { nil: undefined }) })
  .map((d) => ({ ref: { name: d.kind === "SERVICE" ? `svc-${d.name}` : `x-${d.name}`, namespace: d.kind === "SERVICE" ? `ns-${d.ns}` : `ws-${d.ns}-config`, cluster: d.kind === "SERVICE" ? d.cluster : "mgmt" }, kind: d.kind, ...(d.subset && Object.keys(d.subset).length > 0 ? { subset: d.subset } : {}), ...(d.weight !== undefined ? { weight: d.weight } : {}), ...(d.port !== undefined ? { port: { number: d.port } } : {}) }));

const matcher = fc.record({ uri: fc.option(fc.oneof(fc.record({ exact: fc.constantFrom("/", "/a", "/a/b") }), fc.record({ prefix: fc.constantFrom("/", "/a") }), fc.record({ regex: fc.constant("/r.*") })), { nil: undefined }), method: fc.option(fc.constantFrom("GET", "post"), { nil: undefined }) })
  .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));

const route = fc.record({ n: fc.integer({ min: 0, max: 2 }), labels, matchers: fc.array(matcher, { maxLength: 2 }), action: fc.oneof(
  fc.array(destination, { minLength: 1, maxLength: 3 }).map((destinations) => ({ forwardTo: { destinations } })),
  fc.constant({ directResponse: { status: 200 } }),
  fc.constant({ redirect: { pathRedirect: "/x" } }),
  fc.record({ l: labels }).map(({ l }) => ({ delegate: { routeTables: [{ labels: l }] } })),
) }).map((r) => ({ name: `r${r.n}`, labels: Object.fromEntries(Object.entries(r.labels).map(([k, v]) => [`x.io/${k}`, v])), ...(r.matchers.length > 0 ? { matchers: r.matchers } : {}), ...r.action }));

const world = fc.record({
  services: fc.array(fc.record({ name, ns: name, cluster, labels, port }), { maxLength: 6 }),
  tables: fc.array(fc.record({ name, ws: name, hosts: fc.shuffledSubarray(["b", "a"]), labels, http: fc.array(route, { minLength: 1, maxLength: 3 }), workloadSelector: fc.option(labels, { nil: undefined }) }), { maxLength: 4 }),
  vds: fc.array(fc.record({ name, ws: name, labels, sel: labels, aliases: fc.shuffledSubarray(["b", "a"]) }), { maxLength: 2 }),
  policies: fc.array(fc.record({ kind: fc.constantFrom("RetryTimeoutPolicy", "FaultInjectionPolicy", "CORSPolicy", "HeaderManipulationPolicy", "AccessPolicy", "FailoverPolicy", "OutlierDetectionPolicy"), name, ws: name, labels }), { maxLength: 5 }),
  federation: fc.boolean(),
  isolation: fc.boolean(),
  exports: fc.boolean(),
});

const POLICY: Record<string, [string, Record<string, unknown>, string]> = {
  RetryTimeoutPolicy: ["resilience", { requestTimeout: "2s", retries: { attempts: 2 } }, "routes"],
  FaultInjectionPolicy: ["resilience", { delay: { fixedDelay: "1s" } }, "routes"],
  CORSPolicy: ["security", { allowOrigins: [{ exact: "https://x" }] }, "routes"],
  HeaderManipulationPolicy: ["trafficcontrol", { appendRequestHeaders: { a: "b" } }, "routes"],
  AccessPolicy: ["security", { authn: { tlsMode: "STRICT" }, authzList: [{ allowedClients: [{ serviceAccountSelector: { namespace: "ns-a" } }] }] }, "destinations"],
  FailoverPolicy: ["resilience", { localityMappings: [] }, "vd"],
  OutlierDetectionPolicy: ["resilience", { consecutiveErrors: 3 }, "vd"],
};

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** Builds the objects of a generated world, per cluster; only schema-valid objects are kept. */
function objectsOf(w: World): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>([["mgmt", []], ["cluster-1", []], ["cluster-2", []]]);
  // A cluster never holds two objects with one identity, so later duplicates are dropped.
  const seen = new Set<string>();
  const add = (c: string, o: KubeObject) => {
    const id = `${c}|${o.kind}|${o.metadata.namespace ?? ""}|${o.metadata.name}`;
    if (seen.has(id) || !parseObject(o).ok) return;
    seen.add(id);
    out.get(c)?.push(o);
  };
  for (const ws of NAMES) {
    add("mgmt", { apiVersion: "admin.gloo.solo.io/v2", kind: "Workspace", metadata: { name: `ws-${ws}`, namespace: "gloo-mesh" }, spec: { workloadClusters: [{ name: "mgmt", configEnabled: true, namespaces: [{ name: `ws-${ws}-config` }] }, { name: "cluster-*", configEnabled: false, namespaces: [{ name: `ns-${ws}` }] }] } });
    const options = { ...(w.federation ? { federation: { enabled: true } } : {}), ...(w.isolation ? { serviceIsolation: { enabled: true, trimProxyConfig: true } } : {}) };
    add("mgmt", { apiVersion: "admin.gloo.solo.io/v2", kind: "WorkspaceSettings", metadata: { name: ws, namespace: `ws-${ws}-config` }, spec: { ...(w.exports ? { exportTo: [{ workspaces: [{ name: "*" }] }], importFrom: [{ workspaces: [{ name: "*" }] }] } : {}), options } });
  }
  for (const c of CLUSTERS) {
    add(c, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "istiod", namespace: "istio-system" }, spec: { selector: { matchLabels: { app: "istiod" } }, template: { metadata: { labels: { app: "istiod" } }, spec: { containers: [{ name: "discovery", image: "istio/pilot:1.22.3" }] } } } });
    add(c, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio", namespace: "istio-system" }, data: { mesh: `trustDomain: ${c}\n` } });
    add(c, { apiVersion: "v1", kind: "Service", metadata: { name: "eastwest", namespace: "istio-system", labels: { istio: "eastwestgateway" } }, spec: { type: "LoadBalancer", selector: { istio: "eastwestgateway" }, ports: [{ name: "tls", port: 15443 }] }, status: { loadBalancer: { ingress: [{ ip: c === "cluster-1" ? "1.1.1.1" : "2.2.2.2" }] } } });
  }
  w.services.forEach((s, i) => {
    const sel = { app: `svc-${s.name}` };
    add(s.cluster, { apiVersion: "v1", kind: "Service", metadata: { name: `svc-${s.name}`, namespace: `ns-${s.ns}`, labels: { ...s.labels, ...sel } }, spec: { selector: sel, ports: [{ name: "http", port: s.port }] } });
    add(s.cluster, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: `d-${s.name}-${i}`, namespace: `ns-${s.ns}` }, spec: { selector: { matchLabels: sel }, template: { metadata: { labels: { ...sel, version: `v${i % 2}` } }, spec: { serviceAccountName: `sa-${s.name}`, containers: [{ name: "app", image: "x" }, { name: "istio-proxy", image: "proxyv2" }] } } } });
  });
  w.tables.forEach((t, i) => add("mgmt", { apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: `x-${t.name}-${i}`, namespace: `ws-${t.ws}-config`, labels: t.labels }, spec: { ...(t.hosts.length > 0 ? { hosts: t.hosts.map((h) => `${h}${i}.example.com`) } : {}), ...(t.workloadSelector ? { workloadSelectors: [{ selector: { labels: t.workloadSelector } }] } : {}), http: t.http } }));
  w.vds.forEach((v) => add("mgmt", { apiVersion: "networking.gloo.solo.io/v2", kind: "VirtualDestination", metadata: { name: `x-${v.name}`, namespace: `ws-${v.ws}-config`, labels: v.labels }, spec: { hosts: [`${v.name}.vd.internal`, ...v.aliases.map((h) => `${h}.${v.name}.vd.internal`)], services: [{ labels: v.sel }], ports: [{ number: 9080, protocol: "HTTP" }] } }));
  w.policies.forEach((p, i) => {
    const [group, config, mode] = POLICY[p.kind] ?? ["security", {}, "routes"];
    const sel = mode === "routes" ? { applyToRoutes: [{ route: { labels: Object.fromEntries(Object.entries(p.labels).map(([k, v]) => [`x.io/${k}`, v])) } }] } : mode === "vd" ? { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION", selector: { labels: p.labels } }] } : { applyToDestinations: [{ selector: { labels: p.labels } }] };
    add("mgmt", { apiVersion: `${group}.policy.gloo.solo.io/v2`, kind: p.kind, metadata: { name: `p-${p.name}-${i}`, namespace: `ws-${p.ws}-config`, creationTimestamp: `2025-01-0${(i % 9) + 1}T00:00:00Z` }, spec: { ...sel, config } });
  });
  return out;
}

function translateWorld(objects: Map<string, KubeObject[]>, order: (list: KubeObject[]) => KubeObject[]) {
  const snapshot = buildSnapshot(1, [...objects].reverse().map(([c, list]) => buildSnapshotCluster(c, c === "mgmt", order(list))));
  return pipeline(snapshot).translation;
}

describe("translator properties", () => {
  it("never throws, emits only schema-valid Istio, and ignores input order", () => {
    fc.assert(fc.property(world, fc.integer(), (w, seed) => {
      const objects = objectsOf(w);
      const before = JSON.stringify([...objects]);
      const t = translateWorld(objects, (l) => l);
      // Outputs may share parts with the snapshot, but translation never modifies its input.
      expect(JSON.stringify([...objects])).toBe(before);
      for (const o of t.outputs) expect(validateIstio(o.object), `${o.object.kind} ${o.object.metadata.name}`).toEqual([]);
      const shuffled = translateWorld(objects, (l) => shuffle(l, seed));
      expect(goldenYaml(shuffled)).toBe(goldenYaml(t));
    }), { numRuns: 60 });
  });
});

/** A deterministic shuffle (the pure core has no randomness; neither should its tests). */
function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
