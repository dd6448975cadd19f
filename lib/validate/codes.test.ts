import { describe, expect, it } from "vitest";
import { evaluate } from "./preview";
import { CATALOGUE, MESH_CATALOGUE } from "./catalogue";
import { GATEWAY_FINDING_CATALOGUE } from "../gateways/catalogue";
import { GATEWAY_CODE_MAP } from "./gateway-codes";
import type { KubeObject } from "../model/meta";
import { baseWorld, deploy, dest, istio, net, ns, obj, pol, port, replace, rt, settings, snapshotOf, svc, without, type Item } from "./testdata/world";

/**
 * One case per catalogue code: a world where the check fires, and a near world (one change away) where
 * it does not. Every code of the catalogue must have a case.
 */

const B = baseWorld;
const m = (items: Item[], ...objects: KubeObject[]): Item[] => [...items, ...objects.map((o): Item => ["mgmt", o])];
const c1 = (items: Item[], ...objects: KubeObject[]): Item[] => [...items, ...objects.map((o): Item => ["cluster-1", o])];
const ws = (name: string, clusters: unknown[]) => obj("admin.gloo.solo.io/v2", "Workspace", name, "gloo-mesh", { workloadClusters: clusters });
const R = "resilience", S = "security";
const mesh1 = { name: "istiod-istio-system-cluster-1", namespace: "gloo-mesh" };
const vd = (name: string, host: string, extra: Record<string, unknown> = {}, labels?: Record<string, string>) => net("VirtualDestination", name, "app-config", { hosts: [host], services: [{ labels: { app: "reviews" } }], ports: [{ number: 9080, protocol: "HTTP" }], ...extra }, labels);
const clientRoute = (d: Record<string, unknown>, extra: Record<string, unknown> = {}) => rt("r", "app-config", { hosts: ["x.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "r", forwardTo: { destinations: [d] }, ...extra }] });
const vgw = (listener: Record<string, unknown> = {}, workloads: unknown = [{ selector: { labels: { istio: "ingressgateway" } } }]) => net("VirtualGateway", "vg", "gw-config", { workloads, listeners: [{ port: { number: 80 }, http: {}, ...listener }] });
const gwRt = (host = "www.example.com") => rt("www", "gw-config", { hosts: [host], virtualGateways: [{ name: "vg", namespace: "gw-config", cluster: "mgmt" }], http: [{ name: "h", directResponse: { status: 200 } }] });
const v1 = (kind: string, name: string, spec: Record<string, unknown>) => obj("networking.mesh.gloo.solo.io/v1", kind, name, "gloo-mesh", spec);
const istiod = (name: string, image: string) => obj("apps/v1", "Deployment", name, "istio-system", { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "discovery", image }] } } });
const cm = (name: string, data: Record<string, string>) => obj("v1", "ConfigMap", name, "istio-system", undefined, undefined, { data });
const live = (kind: string, name: string, spec: Record<string, unknown>, namespace = "client") => istio(kind, name, namespace, spec);
const liveVs = (spec: Record<string, unknown>, name = "vs") => live("VirtualService", name, { hosts: ["reviews.app.svc.cluster.local"], ...spec });
const route = (destination: Record<string, unknown>) => ({ http: [{ route: [{ destination }] }] });
const dr = (subsets: unknown[], host = "reviews.app.svc.cluster.local", name = "dr") => live("DestinationRule", name, { host, subsets });

/** The translated output of a world, made live in its cluster (optionally edited). */
function liveCopy(items: Item[], pick: (o: KubeObject) => boolean, edit: (o: KubeObject) => KubeObject = (o) => o): Item[] {
  const e = evaluate(snapshotOf(items));
  const out = e.translation.outputs.find((o) => pick(o.object));
  return out ? [...items, [out.cluster, edit(structuredClone(out.object))]] : items;
}

const CASES: Record<string, [fires: () => Item[], near: () => Item[]]> = {
  MP1001: [() => m(B(), obj("admin.gloo.solo.io/v2", "Workspace", "app", "other", { workloadClusters: [] })), () => m(B(), obj("admin.gloo.solo.io/v2", "Workspace", "app2", "gloo-mesh", { workloadClusters: [] }))],
  MP1002: [() => m(B(), ws("x", [{ name: "cluster-1" }])), () => m(B(), ws("x", [{ name: "cluster-1", namespaces: [{ name: "x" }] }]))],
  MP1003: [() => m(B(), ws("x", [{ name: "mgmt", configEnabled: true, namespaces: [{ name: "x-config" }] }, { name: "cluster-1", namespaces: [{ name: "x" }] }])), () => m(B(), ws("x", [{ name: "mgmt", configEnabled: true, namespaces: [{ name: "x-config" }] }, { name: "cluster-1", configEnabled: false, namespaces: [{ name: "x" }] }]))],
  MP1004: [() => m(B(), ws("x", [{ name: "cluster-1", namespaces: [{ name: "web-*" }] }])), () => m(c1(B(), ns("web-1")), ws("x", [{ name: "cluster-1", namespaces: [{ name: "web-*" }] }]))],
  MP1005: [() => m(B(), ws("x", [{ name: "cluster-1", namespaces: [{ name: "client" }] }])), () => m(c1(B(), ns("x")), ws("x", [{ name: "cluster-1", namespaces: [{ name: "x" }] }]))],
  MP1006: [() => without(B(), (_, o) => o.kind === "WorkspaceSettings" && o.metadata.name === "gw"), B],
  MP1007: [() => m(B(), settings("second", {}, "client-config", "2030-01-01T00:00:00Z")), B],
  MP1008: [() => m(B(), settings("stray", {}, "default")), B],
  MP1009: [() => m(B(), settings("global", { exportTo: [{ workspaces: [{ name: "*" }] }] }, "gloo-mesh")), () => m(B(), settings("global", { options: { trimAllProxyConfig: false } }, "gloo-mesh"))],
  MP1010: [() => c1(B(), rt("x", "app", { hosts: ["x.example.com"], http: [{ name: "x", directResponse: { status: 200 } }] })), () => m(B(), rt("x", "app-config", { hosts: ["x.example.com"], http: [{ name: "x", directResponse: { status: 200 } }] }))],
  MP1011: [() => m(B(), rt("x", "default", { hosts: ["x.example.com"], http: [{ name: "x", directResponse: { status: 200 } }] })), () => m(B(), rt("x", "app-config", { hosts: ["x.example.com"], http: [{ name: "x", directResponse: { status: 200 } }] }))],
  MP1012: [() => replace(B(), "mgmt", settings("app", { exportTo: [{ workspaces: [{ name: "client" }] }, { workspaces: [{ name: "nobody" }] }] })), B],
  MP1013: [() => replace(B(), "mgmt", settings("client", { importFrom: [{ workspaces: [{ name: "app" }] }, { workspaces: [{ name: "gw" }] }] })), B],
  MP1014: [() => c1(B(), obj("admin.gloo.solo.io/v2", "KubernetesCluster", "stray", "gloo-mesh", {})), () => m(B(), obj("admin.gloo.solo.io/v2", "KubernetesCluster", "stray", "gloo-mesh", {}))],
  MP2001: [() => m(replace(B(), "mgmt", settings("app", { exportTo: [{ workspaces: [{ name: "client" }], resources: [{ kind: "SERVICE", labels: { app: "reviews" } }] }] })), rt("c", "client-config", { hosts: ["c.example"], http: [{ name: "c", forwardTo: { destinations: [dest("ratings")] } }] })),
    () => m(replace(B(), "mgmt", settings("app", { exportTo: [{ workspaces: [{ name: "client" }], resources: [{ kind: "SERVICE", labels: { app: "reviews" } }] }] })), rt("c", "client-config", { hosts: ["c.example"], http: [{ name: "c", forwardTo: { destinations: [dest("reviews")] } }] }))],
  MP2002: [() => m(B(), clientRoute(dest("nope"))), () => m(B(), clientRoute(dest("reviews")))],
  MP2003: [() => m(B(), rt("p", "app-config", { hosts: ["p.example"], http: [{ name: "d", delegate: { routeTables: [{ labels: { t: "none" } }] } }] }), rt("c", "app-config", { http: [{ name: "c", directResponse: { status: 200 } }] }, { t: "c" })),
    () => m(B(), rt("p", "app-config", { hosts: ["p.example"], http: [{ name: "d", delegate: { routeTables: [{ labels: { t: "c" } }] } }] }), rt("c", "app-config", { http: [{ name: "c", directResponse: { status: 200 } }] }, { t: "c" }))],
  MP2004: [() => m(B(), rt("x", "app-config", { hosts: ["x.app"], http: [{ name: "x", forwardTo: { destinations: [dest("ratings")] } }] })), () => m(B(), rt("x", "app-config", { hosts: ["x.app"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "x", forwardTo: { destinations: [dest("ratings")] } }] }))],
  MP2005: [() => m(B(), clientRoute({ ...dest("reviews"), port: { number: 1234 } })), () => m(B(), clientRoute(dest("reviews")))],
  MP2006: [() => m(B(), clientRoute(dest("reviews", { subset: { version: "v9" } }))), () => m(B(), clientRoute(dest("reviews", { subset: { version: "v1" } })))],
  MP2007: [() => m(B(), gwRt()), () => m(B(), vgw(), gwRt())],
  MP2008: [() => m(B(), vgw({ allowedRouteTables: [{ host: "*.example.com" }] }), gwRt("x.test")), () => m(B(), vgw({ allowedRouteTables: [{ host: "*.example.com" }] }), gwRt())],
  MP2009: [() => m(B(), clientRoute(dest("reviews")), rt("r2", "app-config", { hosts: ["x.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "r", directResponse: { status: 200 } }] })),
    () => m(B(), clientRoute(dest("reviews")), rt("r2", "app-config", { hosts: ["y.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "r", directResponse: { status: 200 } }] }))],
  MP2010: [() => m(B(), rt("d", "app-config", { hosts: ["d.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "a", directResponse: { status: 200 } }, { name: "a", directResponse: { status: 201 } }] })), () => m(B(), rt("d", "app-config", { hosts: ["d.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "a", directResponse: { status: 200 } }, { name: "b", directResponse: { status: 201 } }] }))],
  MP2011: [() => m(B(), rt("p", "app-config", { hosts: ["p.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "d", matchers: [{ uri: { prefix: "/api" } }], delegate: { routeTables: [{ labels: { t: "c" } }] } }] }), rt("c", "app-config", { http: [{ name: "c", matchers: [{ uri: { exact: "/other" } }], directResponse: { status: 200 } }] }, { t: "c" })),
    () => m(B(), rt("p", "app-config", { hosts: ["p.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "d", matchers: [{ uri: { prefix: "/api" } }], delegate: { routeTables: [{ labels: { t: "c" } }] } }] }), rt("c", "app-config", { http: [{ name: "c", matchers: [{ uri: { exact: "/api/x" } }], directResponse: { status: 200 } }] }, { t: "c" }))],
  MP2012: [() => m(B(), rt("g", "app-config", { hosts: ["g.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "g", graphql: {} }] })), () => m(B(), rt("g", "app-config", { hosts: ["g.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "g", directResponse: { status: 200 } }] }))],
  MP2013: [() => m(B(), rt("a", "app-config", { hosts: ["a.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "d", delegate: { routeTables: [{ labels: { t: "b" } }] } }] }, { t: "a" }), rt("b", "app-config", { http: [{ name: "d", delegate: { routeTables: [{ labels: { t: "a" } }] } }] }, { t: "b" })),
    () => m(B(), rt("a", "app-config", { hosts: ["a.x"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "d", delegate: { routeTables: [{ labels: { t: "b" } }] } }] }, { t: "a" }), rt("b", "app-config", { http: [{ name: "d", directResponse: { status: 200 } }] }, { t: "b" }))],
  MP3001: [() => m(B(), clientRoute(dest("reviews")), pol(R, "RetryTimeoutPolicy", "p", "app-config", { applyToRoutes: [{ route: { labels: { x: "none" } } }], config: { requestTimeout: "1s" } })), () => m(B(), clientRoute(dest("reviews")), pol(R, "RetryTimeoutPolicy", "p", "app-config", { config: { requestTimeout: "1s" } }))],
  MP3002: [() => m(B(), clientRoute(dest("reviews")), pol(R, "RetryTimeoutPolicy", "p1", "app-config", { config: { requestTimeout: "1s" } }, "2025-01-01T00:00:00Z"), pol(R, "RetryTimeoutPolicy", "p2", "app-config", { config: { requestTimeout: "2s" } }, "2025-02-01T00:00:00Z")), () => m(B(), clientRoute(dest("reviews")), pol(R, "RetryTimeoutPolicy", "p1", "app-config", { config: { requestTimeout: "1s" } }))],
  MP3003: [() => m(B(), pol(S, "AccessPolicy", "a", "app-config", { applyToWorkloads: [{ selector: { labels: { app: "ratings" } } }], applyToDestinations: [{ selector: { name: "reviews" } }], config: {} })), () => m(B(), pol(S, "AccessPolicy", "a", "app-config", { applyToWorkloads: [{ selector: { labels: { app: "ratings" } } }], config: {} }))],
  MP3004: [() => m(B(), pol(R, "OutlierDetectionPolicy", "o", "app-config", { applyToDestinations: [{ selector: { name: "reviews" } }], config: {} })), () => m(B(), vd("v", "v.global"), pol(R, "OutlierDetectionPolicy", "o", "app-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION", selector: { name: "v" } }], config: {} }))],
  MP3005: [() => m(replace(B(), "mgmt", settings("app", { exportTo: [{ workspaces: [{ name: "client" }] }], options: { serviceIsolation: { enabled: true } } })), pol(S, "AccessPolicy", "a", "app-config", { applyToWorkloads: [{ selector: { labels: { app: "ratings" } } }], config: {} })), () => m(B(), pol(S, "AccessPolicy", "a", "app-config", { applyToWorkloads: [{ selector: { labels: { app: "ratings" } } }], config: {} }))],
  MP3006: [() => m(B(), vd("v", "v.global"), pol(R, "FailoverPolicy", "f", "app-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION" }], config: {} })), () => m(B(), vd("v", "v.global"), pol(R, "FailoverPolicy", "f", "app-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION" }], config: {} }), pol(R, "OutlierDetectionPolicy", "o", "app-config", { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION" }], config: {} }))],
  MP3007: [() => m(B(), pol(S, "AccessPolicy", "a", "app-config", { applyToDestinations: [{ selector: { name: "reviews" } }], config: { authzList: [{ allowedClients: [{ serviceAccountSelector: { labels: { team: "none" } } }] }] } })), () => m(B(), pol(S, "AccessPolicy", "a", "app-config", { applyToDestinations: [{ selector: { name: "reviews" } }], config: { authzList: [{ allowedClients: [{ serviceAccountSelector: { name: "client" } }] }] } }))],
  MP3008: [() => m(B(), v1("VirtualMesh", "a", { meshes: [mesh1] }), v1("VirtualMesh", "b", { meshes: [mesh1] })), () => m(B(), v1("VirtualMesh", "a", { meshes: [mesh1] }))],
  MP3009: [() => m(B(), v1("AccessPolicy", "a", { sourceSelector: [{ kubeIdentityMatcher: { clusters: ["cluster-9"] } }], destinationSelector: [{ kubeServiceMatcher: { labels: { app: "ratings" } } }] })), () => m(B(), v1("AccessPolicy", "a", { sourceSelector: [{ kubeIdentityMatcher: { clusters: ["cluster-1"] } }], destinationSelector: [{ kubeServiceMatcher: { labels: { app: "ratings" } } }] }))],
  MP4001: [() => m(B(), vd("v1", "same.global"), vd("v2", "same.global")), () => m(B(), vd("v1", "same.global"), vd("v2", "other.global"))],
  MP4002: [() => m(c1(B(), svc("reviews-canary", "app", { app: "reviews" }, [port(9080)], { app: "reviews" })), vd("v", "v.global")), () => m(c1(B(), svc("reviews-canary", "app", { app: "reviews" }, [port(9080)], { app: "canary" })), vd("v", "v.global"))],
  MP4003: [() => m(replace(B(), "cluster-2", svc("reviews", "app", { app: "reviews" }, [port(8080)])), vd("v", "v.global")), () => m(B(), vd("v", "v.global"))],
  MP4004: [() => m(B(), vd("v", "v.global", { services: [{ labels: { app: "none" } }] })), () => m(B(), vd("v", "v.global"))],
  MP4005: [() => m(B(), vd("v", "v.global", { ports: [{ number: 80, protocol: "HTTP", targetPort: { number: 8080 } }] })), () => m(B(), vd("v", "v.global", { ports: [{ number: 80, protocol: "HTTP", targetPort: { number: 9080 } }] }))],
  MP4006: [() => m(without(B(), (c, o) => c === "cluster-2" && o.metadata.name === "istio-eastwestgateway"), vd("v", "v.global")), () => m(B(), vd("v", "v.global"))],
  MP4007: [() => m(B(), vd("v", "v.global", { externalServices: [{ name: "legacy" }] })), () => m(B(), vd("v", "v.global"))],
  MP5001: [() => m(B(), vgw({}, [{ selector: { labels: { istio: "nothing" } } }])), () => m(B(), vgw())],
  MP5002: [() => m(B(), vgw({ port: { number: 8081 } })), () => m(B(), vgw())],
  MP5003: [() => m(replace(B(), "cluster-1", svc("istio-ingressgateway", "istio-gateways", { app: "istio-ingressgateway", istio: "ingressgateway" }, [port(80, "http2", "http")], { istio: "ingressgateway" })), vgw()), () => m(B(), vgw())],
  MP5004: [() => m(c1(B(), obj("gateway.networking.k8s.io/v1", "HTTPRoute", "h", "istio-gateways", { parentRefs: [{ name: "g" }], rules: [{ backendRefs: [{ group: "networking.istio.io", kind: "Hostname", name: "nope.global", port: 9080 }] }] })), vd("v", "v.global")),
    () => m(c1(B(), obj("gateway.networking.k8s.io/v1", "HTTPRoute", "h", "istio-gateways", { parentRefs: [{ name: "g" }], rules: [{ backendRefs: [{ group: "networking.istio.io", kind: "Hostname", name: "v.global", port: 9080 }] }] })), vd("v", "v.global"))],
  MP6001: [() => c1(B(), liveVs(route({ host: "ghost.app.svc.cluster.local" }))), () => c1(B(), liveVs(route({ host: "reviews.app.svc.cluster.local" })))],
  MP6002: [() => c1(B(), liveVs(route({ host: "reviews.app.svc.cluster.local", subset: "v1" }))), () => c1(B(), liveVs(route({ host: "reviews.app.svc.cluster.local", subset: "v1" })), dr([{ name: "v1", labels: { version: "v1" } }]))],
  MP6003: [() => c1(B(), dr([], "ghost.app.svc.cluster.local")), () => c1(B(), dr([]))],
  MP6004: [() => c1(B(), dr([{ name: "v9", labels: { version: "v9" } }])), () => c1(B(), dr([{ name: "v1", labels: { version: "v1" } }]))],
  MP6005: [() => c1(B(), liveVs(route({ host: "reviews.app.svc.cluster.local" }), "a"), liveVs(route({ host: "reviews.app.svc.cluster.local" }), "b")), () => c1(B(), liveVs(route({ host: "reviews.app.svc.cluster.local" }), "a"))],
  MP6006: [() => c1(B(), live("ServiceEntry", "a", { hosts: ["ext.example"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" }), live("ServiceEntry", "b", { hosts: ["ext.example"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" })),
    () => c1(B(), live("ServiceEntry", "a", { hosts: ["ext.example"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" }), live("ServiceEntry", "b", { hosts: ["ext2.example"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" }))],
  MP6007: [() => c1(B(), dr([{ name: "v1", labels: { version: "v1" } }], undefined, "a"), dr([{ name: "v1", labels: { version: "v1" } }], undefined, "b")), () => c1(B(), dr([{ name: "v1", labels: { version: "v1" } }], undefined, "a"), dr([{ name: "v2", labels: { version: "v2" } }], undefined, "b"))],
  MP6008: [() => c1(B(), live("AuthorizationPolicy", "a", { selector: { matchLabels: { app: "ghost" } } }, "app")), () => c1(B(), live("AuthorizationPolicy", "a", { selector: { matchLabels: { app: "reviews" } } }, "app"))],
  MP6009: [() => replace(B(), "cluster-1", svc("ratings", "app", { app: "ratings" }, [port(9080, "web-api")])), () => replace(B(), "cluster-1", svc("ratings", "app", { app: "ratings" }, [{ ...port(9080, "web-api"), appProtocol: "http" }]))],
  MP6010: [() => c1(B(), liveVs({ gateways: ["ghost"], ...route({ host: "reviews.app.svc.cluster.local" }) })), () => c1(B(), liveVs({ gateways: ["mesh"], ...route({ host: "reviews.app.svc.cluster.local" }) }))],
  MP7001: [() => c1(B(), istiod("istiod-x", "docker.io/istio/pilot")), () => B()],
  MP7002: [() => c1(B(), istiod("istiod-x", "nginx:1")), () => B()],
  MP7003: [() => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3")), () => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3"), cm("istio-x", { mesh: "trustDomain: cluster-1\n" }))],
  MP7004: [() => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3"), cm("istio-x", {})), () => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3"), cm("istio-x", { mesh: "{}\n" }))],
  MP7005: [() => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3"), cm("istio-x", { mesh: "trustDomain: [" })), () => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3"), cm("istio-x", { mesh: "trustDomain: x\n" }))],
  MP7006: [() => c1(B(), istiod("istiod-x", "docker.io/istio/pilot:1.22.3"), cm("istio-x", { mesh: "trustDomain: x\n" })), () => B()],
  MP7007: [() => c1(B(), cm("istio-sidecar-injector", { config: "policy: [" })), () => c1(B(), cm("istio-sidecar-injector", { config: "policy: enabled\n" }))],
  MP7008: [() => c1(B(), svc("gw", "istio-system", { istio: "ingressgateway" }, [port(80, "http2")])), () => c1(B(), svc("gw", "istio-system", { istio: "other" }, [port(80, "http2")]))],
  MP7009: [() => [...B(), ["cluster-3", obj("v1", "Service", "s", "default", { selector: { app: "s" }, ports: [port(80)] }, undefined, { metadata: { annotations: { "discovery.mesh.gloo.solo.io/enabled": "true" } } })]], () => [...B(), ["cluster-3", obj("v1", "Service", "s", "default", { selector: { app: "s" }, ports: [port(80)] })]]],
  MP7010: [() => c1(B(), deploy("plain", "app", { app: "plain" }, "plain", false), svc("plain", "app", { app: "plain" }, [port(80)])), () => c1(B(), deploy("plain", "app", { app: "plain" }, "plain", true), svc("plain", "app", { app: "plain" }, [port(80)]), obj("v1", "Endpoints", "plain", "app", undefined, undefined, { subsets: [] }))],
  MP7011: [() => withEndpoints(B(), "ratings"), () => withEndpoints(B())],
  MP8001: [() => liveCopy(m(B(), clientRoute(dest("reviews"))), (o) => o.kind === "VirtualService", (o) => ({ ...o, spec: { ...(o.spec as object), hosts: ["edited.example"] } })), () => liveCopy(m(B(), clientRoute(dest("reviews"))), (o) => o.kind === "VirtualService")],
  MP8002: [() => liveCopy(m(B(), clientRoute(dest("reviews")), clientRouteNamed("r2")), (o) => o.kind === "VirtualService" && o.metadata.name.includes("-r-")), () => liveCopy(liveCopy(m(B(), clientRoute(dest("reviews")), clientRouteNamed("r2")), (o) => o.metadata.name.includes("-r-")), (o) => o.metadata.name.includes("-r2-"))],
  MP8003: [() => c1(B(), istio("VirtualService", "orphan", "client", { hosts: ["o.x"], http: [{ directResponse: { status: 200 } }] }, { "gloo.solo.io/parent_kind": "RouteTable", "gloo.solo.io/parent_name": "gone" })), () => c1(B(), istio("VirtualService", "mine", "client", { hosts: ["o.x"], http: [{ directResponse: { status: 200 } }] }))],
};

/** The world with an Endpoints object for every Service except `skip`. */
function withEndpoints(items: Item[], skip?: string): Item[] {
  const eps = items.filter(([, o]) => o.kind === "Service" && o.metadata.name !== skip).map(([c, o]): Item => [c, obj("v1", "Endpoints", o.metadata.name, o.metadata.namespace, undefined, undefined, { subsets: [] })]);
  return [...items, ...eps];
}

function clientRouteNamed(name: string): KubeObject {
  return rt(name, "app-config", { hosts: [`${name}.app.svc.cluster.local`], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name, directResponse: { status: 200 } }] });
}

const codesOf = (items: Item[]) => new Set(evaluate(snapshotOf(items)).diagnostics.map((d) => d.code));

describe("validation catalogue", () => {
  it("has a case for every mesh code, and every code is unique", () => {
    expect(Object.keys(CASES).sort()).toEqual(MESH_CATALOGUE.map((c) => c.code).sort());
    expect(new Set(CATALOGUE.map((c) => c.code)).size).toBe(CATALOGUE.length);
  });
  it("gives every gateway finding its own MP9xxx code (lib/gateways tests that each fires)", () => {
    const codes = GATEWAY_FINDING_CATALOGUE.map((g) => GATEWAY_CODE_MAP[g.code]);
    expect(codes.every((c) => /^MP9\d{3}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(GATEWAY_FINDING_CATALOGUE.length);
    expect(CATALOGUE.filter((c) => c.code.startsWith("MP9")).map((c) => c.title)).toHaveLength(GATEWAY_FINDING_CATALOGUE.length);
  });
  it("says what must hold in every mesh explanation", () => {
    for (const c of MESH_CATALOGUE) expect(c.explanation, c.code).toMatch(/must|should|need|needs/);
  });
  for (const [code, [fires, near]] of Object.entries(CASES)) {
    it(`${code} fires, and not on the near case`, () => {
      expect(codesOf(fires()).has(code), "fires").toBe(true);
      expect(codesOf(near()).has(code), "near case").toBe(false);
    });
  }
});
