import fc from "fast-check";
import type { KubeObject } from "../../model/meta";
import { parseObject } from "../../model/registry";

/**
 * fast-check generators of small gateway worlds (test helper only): GatewayClasses of every profile, Gateways,
 * HTTPRoutes/GRPCRoutes with every match, filter and backend kind, Services, grants, ServiceEntries, options,
 * policies and Gloo Edge objects. Names come from small pools so references hit and miss; objects that fail
 * their schema are dropped, so the world is always schema-valid.
 */
const NS = ["apps", "infra", "other"];
const HOSTS = ["a.example.com", "*.example.com", "b.a.example.com", "*.a.example.com", "other.com"];
const PATHS = ["/", "/a", "/a/", "/a/b", "/api", "/x"];
const CLASSES = [
  { name: "spec", controller: "example.net/conformant" },
  { name: "gloo", controller: "solo.io/gloo-gateway" },
  { name: "kg", controller: "kgateway.dev/kgateway" },
  { name: "istio", controller: "istio.io/gateway-controller" },
  { name: "unknown", controller: "example.com/nobody" },
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const listener = (i: number) => fc.record({
  name: fc.constant(`l${i}`),
  port: pick([80, 8080]),
  protocol: pick(["HTTP", "HTTP", "HTTP", "TCP"]),
  hostname: opt(pick(HOSTS)),
  allowedRoutes: opt(fc.record({ namespaces: fc.record({ from: pick(["All", "All", "Same", "Selector"]), selector: fc.constant({ matchLabels: { team: "a" } }) }) })),
}).map((l) => (l.protocol === "TCP" ? { ...l, hostname: undefined } : l));

const gateway = (i: number) => fc.record({
  ns: pick(["infra", "infra", "apps"]), cls: pick(CLASSES.map((c) => c.name)), listeners: fc.tuple(listener(0), listener(1), listener(2)).chain((ls) => fc.integer({ min: 1, max: 3 }).map((n) => ls.slice(0, n))),
}).map(({ ns, cls, listeners }) => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: `gw${i}`, namespace: ns }, spec: { gatewayClassName: cls, listeners } }));

const match = fc.record({
  path: opt(fc.record({ type: pick(["Exact", "PathPrefix", "RegularExpression"]), value: pick([...PATHS, "/re/.*", "/(bad"]) })),
  headers: opt(fc.array(fc.record({ name: pick(["x-a", "X-B"]), value: pick(["1", "2"]), type: opt(pick(["Exact", "RegularExpression"])) }), { maxLength: 2 })),
  queryParams: opt(fc.array(fc.record({ name: pick(["q", "Q"]), value: pick(["1", "v.*"]), type: opt(pick(["Exact", "RegularExpression"])) }), { maxLength: 1 })),
  method: opt(pick(["GET", "POST"])),
});

const backendRef = fc.oneof(
  fc.record({ name: pick(["svc", "missing"]), namespace: opt(pick(NS)), port: pick([80, 81]), weight: opt(fc.integer({ min: 0, max: 3 })) }),
  fc.record({ group: fc.constant("networking.istio.io"), kind: fc.constant("Hostname"), name: pick(["reviews.mesh.internal.com", "nope.mesh"]), port: pick([9080, 8080]) }),
  fc.record({ group: fc.constant("gloo.solo.io"), kind: fc.constant("Upstream"), name: pick(["lambdas", "gone"]), filters: opt(fc.constant([{ type: "ExtensionRef", extensionRef: { group: "gloo.solo.io", kind: "Parameter", name: "hello" } }])) }),
  fc.record({ group: fc.constant("gateway.kgateway.dev"), kind: fc.constant("Backend"), name: pick(["lambda", "gone"]) }),
  fc.record({ group: fc.constant("gateway.networking.k8s.io"), kind: fc.constant("HTTPRoute"), name: pick(["*", "r0", "r1"]), namespace: opt(pick(NS)) }),
);

const filter = fc.oneof(
  fc.constant({ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "x-s", value: "1" }], remove: ["x-a"] } }),
  fc.constant({ type: "URLRewrite", urlRewrite: { hostname: "in.svc" } }),
  fc.constant({ type: "ExtensionRef", extensionRef: { group: "gateway.solo.io", kind: "RouteOption", name: "opts" } }),
  fc.constant({ type: "ExtensionRef", extensionRef: { group: "gateway.kgateway.dev", kind: "TrafficPolicy", name: "tp" } }),
  fc.constant({ type: "ExtensionRef", extensionRef: { group: "gateway.gloo.solo.io", kind: "DirectResponse", name: "dr" } }),
);

const rule = fc.record({
  matches: opt(fc.array(match, { maxLength: 2 })),
  filters: opt(fc.array(filter, { maxLength: 2 })),
  backendRefs: opt(fc.array(backendRef, { maxLength: 3 })),
  redirect: fc.boolean(),
}).map(({ redirect, ...r }) => (redirect ? { matches: r.matches, filters: [{ type: "RequestRedirect", requestRedirect: { hostname: "r.example.com", statusCode: 301 } }] } : r));

const httpRoute = (i: number) => fc.record({
  ns: pick(NS), created: pick(["2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"]),
  parentRefs: fc.array(fc.record({ name: pick(["gw0", "gw0", "gw1", "gw9"]), namespace: pick(["infra", "infra", "apps"]), sectionName: opt(pick(["l0", "l1", "zz"])) }), { maxLength: 2 }),
  hostnames: opt(fc.uniqueArray(pick(HOSTS), { maxLength: 2 })),
  rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
}).map(({ ns, created, ...spec }) => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: `r${i}`, namespace: ns, creationTimestamp: created }, spec }));

const grpcRoute = (i: number) => fc.record({
  ns: pick(NS),
  hostnames: opt(fc.uniqueArray(pick(HOSTS), { maxLength: 1 })),
  service: pick(["pkg.Svc", "pkg\\..*"]),
}).map(({ ns, hostnames, service }) => ({
  apiVersion: "gateway.networking.k8s.io/v1", kind: "GRPCRoute", metadata: { name: `g${i}`, namespace: ns },
  spec: { parentRefs: [{ name: "gw0", namespace: "infra" }], ...(hostnames ? { hostnames } : {}), rules: [{ matches: [{ method: service.includes("\\") ? { type: "RegularExpression", service } : { service, method: "Get" } }], backendRefs: [{ name: "svc", port: 80 }] }] },
}));

function fixed(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = CLASSES.filter((c) => c.name !== "unknown").map((c) => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "GatewayClass", metadata: { name: c.name }, spec: { controllerName: c.controller } }));
  for (const ns of NS) out.push({ apiVersion: "v1", kind: "Service", metadata: { name: "svc", namespace: ns }, spec: { ports: [{ port: 80 }] } });
  out.push(
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "apps", labels: { team: "a" } } },
    { apiVersion: "gateway.networking.k8s.io/v1beta1", kind: "ReferenceGrant", metadata: { name: "g", namespace: "other" }, spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "apps" }], to: [{ group: "", kind: "Service" }] } },
    { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "se", namespace: "apps" }, spec: { hosts: ["reviews.mesh.internal.com"], ports: [{ number: 9080, name: "http-9080", protocol: "HTTP" }], resolution: "STATIC" } },
    { apiVersion: "gloo.solo.io/v1", kind: "Upstream", metadata: { name: "lambdas", namespace: "apps" }, spec: { aws: { region: "us-east-1", lambdaFunctions: [{ logicalName: "hello", lambdaFunctionName: "hello" }] } } },
    { apiVersion: "gateway.solo.io/v1", kind: "RouteOption", metadata: { name: "opts", namespace: "apps" }, spec: { targetRefs: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", name: "r0" }], options: { timeout: "1s", prefixRewrite: "/p" } } },
    { apiVersion: "gateway.solo.io/v1", kind: "VirtualHostOption", metadata: { name: "vho", namespace: "infra" }, spec: { targetRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "gw0" }], options: { cors: {} } } },
    { apiVersion: "gateway.kgateway.dev/v1alpha1", kind: "TrafficPolicy", metadata: { name: "tp", namespace: "apps" }, spec: { targetRefs: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", name: "r1" }], timeouts: { request: "2s" }, headerModifiers: { request: { set: [{ name: "x-tp", value: "1" }] } } } },
    { apiVersion: "gateway.kgateway.dev/v1alpha1", kind: "Backend", metadata: { name: "lambda", namespace: "apps" }, spec: { type: "AWS", aws: { accountId: "123456789012", lambda: { functionName: "hello" } } } },
    { apiVersion: "gateway.gloo.solo.io/v1alpha1", kind: "DirectResponse", metadata: { name: "dr", namespace: "apps" }, spec: { status: 418 } },
  );
  return out;
}

const edgeRoute = fc.oneof(
  fc.record({ matchers: fc.constant([{ prefix: "/fn" }]), delegateAction: fc.constant({ ref: { name: "rt0" } }) }),
  fc.record({ matchers: fc.constant([{ prefix: "/fn/x" }]), delegateAction: fc.constant({ selector: { labels: { t: "x" } } }) }),
  fc.record({ matchers: fc.constant([{ exact: "/pet", headers: [{ name: "x-a" }] }]), routeAction: fc.constant({ single: { upstream: { name: "lambdas" }, destinationSpec: { aws: { logicalName: "hello" } } } }) }),
  fc.record({ matchers: fc.constant([{ prefix: "/", caseSensitive: false }]), directResponseAction: fc.constant({ status: 200 }) }),
  fc.record({ matchers: fc.constant([{ regex: "/r[0-9]+" }]), redirectAction: fc.constant({ hostRedirect: "x.example.com", responseCode: 1 }) }),
);

const edge = fc.record({
  vsRoutes: fc.array(edgeRoute, { maxLength: 4 }),
  rt0: fc.array(edgeRoute, { maxLength: 3 }),
  rt1: fc.array(edgeRoute, { maxLength: 3 }),
  domains: opt(fc.uniqueArray(pick(["pets.example.com", "*.example.com", "*"]), { maxLength: 2 })),
}).map(({ vsRoutes, rt0, rt1, domains }) => [
  { apiVersion: "gateway.solo.io/v1", kind: "Gateway", metadata: { name: "gateway-proxy", namespace: "apps" }, spec: { bindPort: 8081, httpGateway: {} } },
  { apiVersion: "gateway.solo.io/v1", kind: "VirtualService", metadata: { name: "vs", namespace: "apps" }, spec: { virtualHost: { ...(domains ? { domains } : {}), routes: vsRoutes } } },
  { apiVersion: "gateway.solo.io/v1", kind: "RouteTable", metadata: { name: "rt0", namespace: "apps", labels: { t: "x" } }, spec: { routes: rt0 } },
  { apiVersion: "gateway.solo.io/v1", kind: "RouteTable", metadata: { name: "rt1", namespace: "apps", labels: { t: "x" } }, spec: { routes: rt1 } },
]);

/** A schema-valid world: objects that fail their schema are dropped. */
export const worldArbitrary: fc.Arbitrary<KubeObject[]> = fc
  .tuple(fc.tuple(gateway(0), gateway(1)), fc.tuple(httpRoute(0), httpRoute(1), httpRoute(2), httpRoute(3)), fc.tuple(grpcRoute(0)), edge)
  .map(([gws, routes, grpc, edgeObjs]) => [...fixed(), ...gws, ...routes, ...grpc, ...edgeObjs].flatMap((o) => {
    const clean = JSON.parse(JSON.stringify(o)) as unknown;
    const r = parseObject(clean);
    return r.ok ? [r.object] : [];
  }));

/** A request against the generated world (hosts and paths from the same pools, plus odd ones). */
export const requestArbitrary = fc.record({
  host: fc.oneof(pick(["a.example.com", "b.a.example.com", "x.a.example.com", "other.com", "pets.example.com", "A.EXAMPLE.COM:8080", "", "[::1]:80"]), fc.string({ maxLength: 12 })),
  path: fc.oneof(pick(["/", "/a", "/a/b", "/api/x", "/fn/x/y", "/pet", "/R12", "/pkg.Svc/Get", "/a?q=1&q=2"]), fc.string({ maxLength: 12 })),
  method: opt(pick(["GET", "POST", "get"])),
  port: opt(pick([80, 8080, 8081, 9])),
  headers: opt(fc.dictionary(pick(["x-a", "X-B", "host"]), pick(["1", "2", ""]), { maxKeys: 2 })),
  gateway: opt(fc.record({ namespace: pick(NS), name: pick(["gw0", "gw1", "gateway-proxy"]) })),
});
