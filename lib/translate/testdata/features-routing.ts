import { base, dest, obj, pol, R, rt, RT, S, T, type Feature, type Obj } from "./fixtures";

const vg = (name: string, namespace: string, spec: unknown): Obj => obj(RT, "VirtualGateway", name, namespace, "mgmt", spec);
const northSouth = () => vg("north-south", "gw-config", { workloads: [{ selector: { labels: { istio: "ingressgateway" }, cluster: "cluster-1" } }], listeners: [
  { port: { number: 80 }, http: {}, httpsRedirect: true },
  { port: { number: 443 }, http: {}, tls: { mode: "SIMPLE", secretName: "www-cert", parameters: { minimumProtocolVersion: "TLSv1_2" } }, allowedRouteTables: [{ host: "*.example.com" }] }] });
const viaNorthSouth = () => [{ name: "north-south", namespace: "gw-config", cluster: "mgmt" }];

/** Gateways, route tables, delegation, route actions and route policies. */
export const routingFeatures: Feature[] = [{
  name: "virtual-gateway",
  comment: "VirtualGateway -> Gateway: listener ports become target ports, one server per bound host, TLS and https redirect; unknown gateway, selector matching nothing, listener port not on the Service.",
  objects: [...base(), northSouth(),
    rt("www", "app-config", { hosts: ["www.example.com"], virtualGateways: viaNorthSouth(), workloadSelectors: [], http: [{ name: "reviews", forwardTo: { destinations: [dest("reviews")] } }] }),
    rt("other", "app-config", { hosts: ["other.test"], virtualGateways: viaNorthSouth(), http: [{ name: "x", directResponse: { status: 200 } }] }),
    rt("missing-gw", "app-config", { hosts: ["m.example.com"], virtualGateways: [{ name: "nope", namespace: "gw-config", cluster: "mgmt" }], http: [{ name: "x", directResponse: { status: 200 } }] }),
    vg("no-workloads", "gw-config", { workloads: [{ selector: { labels: { istio: "nothing" } } }], listeners: [{ port: { number: 80 }, http: {} }] }),
    vg("bad-port", "gw-config", { workloads: [{ selector: { labels: { istio: "ingressgateway" } } }], listeners: [{ port: { number: 8081 }, http: {} }] }),
  ],
}, {
  name: "route-table-mesh",
  comment: "RouteTable for sidecars -> per-namespace VirtualService copies (owner app and importer client), every matcher kind, weighted subsets with the remainder split, rewrites, duplicate route names, workloadSelectors, an orphan delegated table.",
  objects: [...base(),
    rt("reviews", "app-config", { hosts: ["reviews.app.svc.cluster.local"], http: [
      { name: "match-all-kinds", matchers: [{ uri: { exact: "/exact" }, method: "get" }, { uri: { prefix: "/pre", ignoreCase: true }, headers: [{ name: "x-user", value: "jason" }, { name: "x-debug", invertMatch: true, value: "1" }, { name: "x-present" }], queryParameters: [{ name: "q", value: "^a.*", regex: true }] }, { uri: { regex: "/re.*" }, port: 9080 }, { uri: { suffix: ".json" } }],
        forwardTo: { destinations: [dest("reviews", { subset: { version: "v1" }, weight: 60 }), dest("reviews", { subset: { version: "v2" } }), dest("ratings")], pathRewrite: "/new", hostRewrite: "reviews.internal" } },
      { name: "regex-rewrite", forwardTo: { destinations: [dest("reviews")], regexRewrite: { pattern: { regex: "^/v1/(.*)" }, substitution: "/\\1" } } },
      { name: "dup", forwardTo: { destinations: [dest("reviews")] } }, { name: "dup", forwardTo: { destinations: [dest("reviews", { port: { number: 1234 } })] } }] }),
    rt("selected", "app-config", { hosts: ["ratings.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "r", forwardTo: { destinations: [dest("ratings")] } }] }),
    rt("child-only", "app-config", { http: [{ name: "c", forwardTo: { destinations: [dest("ratings")] } }] }),
  ],
}, {
  name: "delegation",
  comment: "Delegation: TABLE_WEIGHT (heavier table first) and ROUTE_SPECIFICITY (exact, then longer prefixes), child matchers ANDed with the parent's, a child route outside the parent's prefix dropped, delegated route names.",
  objects: [...base(), northSouth(),
    rt("root", "gw-config", { hosts: ["www.example.com"], virtualGateways: viaNorthSouth(), http: [
      { name: "by-weight", matchers: [{ uri: { prefix: "/api" } }], delegate: { routeTables: [{ labels: { team: "app" } }] } },
      { name: "by-specificity", matchers: [{ uri: { prefix: "/" } }], delegate: { routeTables: [{ labels: { team: "app" } }], sortMethod: "ROUTE_SPECIFICITY" } }] }),
    rt("child-a", "app-config", { weight: 10, http: [{ name: "a-prefix", matchers: [{ uri: { prefix: "/api/a" } }], forwardTo: { destinations: [dest("reviews")] } }, { name: "a-exact", matchers: [{ uri: { exact: "/api/a/exact" } }], directResponse: { status: 204 } }] }, { labels: { team: "app" }, created: "2025-01-01T00:00:00Z" }),
    rt("child-b", "app-config", { weight: 20, http: [{ name: "b-conflict", matchers: [{ uri: { exact: "/other" } }], forwardTo: { destinations: [dest("ratings")] } }, { name: "b-long-prefix", matchers: [{ uri: { prefix: "/api/bbbbbb" } }], forwardTo: { destinations: [dest("ratings")] } }] }, { labels: { team: "app" }, created: "2025-01-02T00:00:00Z" }),
    pol(R, "RetryTimeoutPolicy", "parent-timeout", "gw-config", { applyToRoutes: [{ route: { labels: { route: "parent" } } }], config: { requestTimeout: "3s" } }),
  ],
}, {
  name: "redirect-direct-response",
  comment: "Redirects (codes), direct responses, a route to a missing Service replaced by a 500 (ROUTE_REPLACEMENT), a FREEZE_CONFIG table producing nothing, an untranslated graphql route.",
  objects: [...base(),
    rt("actions", "app-config", { hosts: ["actions.example.com"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [
      { name: "moved", matchers: [{ uri: { exact: "/old" } }], redirect: { hostRedirect: "new.example.com", pathRedirect: "/new", responseCode: "PERMANENT_REDIRECT" } },
      { name: "default-code", matchers: [{ uri: { exact: "/x" } }], redirect: { pathRedirect: "/y" } },
      { name: "ok", matchers: [{ uri: { exact: "/healthz" } }], directResponse: { status: 200, body: "ok" } },
      { name: "gone", directResponse: { status: 410 } },
      { name: "broken", forwardTo: { destinations: [dest("nope")] } }] }),
    rt("frozen", "app-config", { hosts: ["frozen.example.com"], failureMode: "FREEZE_CONFIG", http: [{ name: "broken", forwardTo: { destinations: [dest("reviews", { port: { number: 1 } })] } }] }),
    rt("graphql", "app-config", { hosts: ["g.example.com"], http: [{ name: "gql", graphql: {} }] }),
  ],
}, {
  name: "route-policies",
  comment: "Route policies: RetryTimeout (default attempts), FaultInjection (omitted percentage = 100; a newer one on the same route FAILED), CORS (suffix origin as regex), HeaderManipulation on the route and on one route destination, a policy selecting nothing.",
  objects: [...base(),
    rt("reviews", "app-config", { hosts: ["reviews.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [
      { name: "main", labels: { route: "main" }, forwardTo: { destinations: [dest("reviews", { weight: 80 }), dest("ratings", { weight: 20 })] } },
      { name: "other", labels: { route: "other" }, forwardTo: { destinations: [dest("reviews")] } }] }),
    pol(R, "RetryTimeoutPolicy", "retry", "app-config", { applyToRoutes: onRoute("main"), config: { requestTimeout: "5s", retries: { perTryTimeout: "1s", retryOn: "5xx", retryRemoteLocalities: true } } }),
    pol(R, "FaultInjectionPolicy", "fault-old", "app-config", { applyToRoutes: onRoute("main"), config: { delay: { fixedDelay: "2s" }, abort: { httpStatus: 503, percentage: 10 } } }, { created: "2025-01-01T00:00:00Z" }),
    pol(R, "FaultInjectionPolicy", "fault-new", "app-config", { applyToRoutes: onRoute("main"), config: { abort: { httpStatus: 500 } } }, { created: "2025-02-01T00:00:00Z" }),
    pol(S, "CORSPolicy", "cors", "app-config", { applyToRoutes: onRoute("other"), config: { allowOrigins: [{ prefix: "https://" }, { suffix: ".example.com" }], allowMethods: ["GET"], maxAge: "10m", allowCredentials: false } }),
    pol(T, "HeaderManipulationPolicy", "headers", "app-config", { applyToRoutes: onRoute("main"), config: { appendRequestHeaders: { "x-a": "1" }, removeRequestHeaders: ["x-b"] } }),
    pol(T, "HeaderManipulationPolicy", "dest-headers", "app-config", { applyToRouteDestinations: [{ route: { labels: { route: "main" } }, onDestinations: [{ selector: { name: "ratings" } }] }], config: { appendResponseHeaders: { "x-from": "ratings" } } }),
    pol(R, "RetryTimeoutPolicy", "nothing", "app-config", { applyToRoutes: onRoute("none"), config: { requestTimeout: "1s" } }),
  ],
}];

/** applyToRoutes selecting routes labelled `route: <label>`. */
function onRoute(label: string) {
  return [{ route: { labels: { route: label } } }];
}
