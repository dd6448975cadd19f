import { describe, expect, it } from "vitest";
import { workloadObjectSelector, type DestinationReference, type WorkloadSelector } from "./gloo-common";
import type { HttpRoute, RouteTable } from "./gloo-networking";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const reviewsVd = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: VirtualDestination
metadata:
  name: reviews-vd
  namespace: bookinfo
spec:
  hosts:
  # Arbitrary, internal-only hostname assigned to the endpoint
  - reviews.mesh.internal.com
  ports:
  - number: 9080
    protocol: HTTP
  services:
    - labels:
        app: reviews
`);

const httpbinEs = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: ExternalService
metadata: {name: httpbin, namespace: bookinfo-frontends}
spec:
  hosts: [httpbin.org]
  ports:
  - name: http
    number: 80
    protocol: HTTP
    targetPort: {number: 443}
    clientsideTls: {sni: httpbin.org, mode: SIMPLE}
  - name: https
    number: 443
    protocol: HTTPS
  selector: {external-service: httpbin}
`);

const endpoint = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: ExternalEndpoint
metadata: {name: httpbin-1, namespace: bookinfo-frontends, labels: {external-service: httpbin}}
spec:
  address: 52.1.2.3
  ports: [{name: https, number: 443}]
  locality: {region: us-east-1}
`);

const gateway = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: VirtualGateway
metadata: {name: north-south-gw, namespace: istio-gateways}
spec:
  workloads:
  - selector:
      labels: {istio: ingressgateway}
      cluster: cluster1
  listeners:
  - http: {}
    port: {number: 80}
    httpsRedirect: true
  - http: {}
    port: {number: 443}
    tls:
      mode: SIMPLE
      secretName: tls-secret
    allowedRouteTables:
    - host: "*.bookinfo.com"
      selector: {workspace: bookinfo}
  - tcp: {}
    port: {name: tls}
    tls: {mode: PASSTHROUGH}
    appProtocol: tls
`);

const productpageRoutes = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: RouteTable
metadata: {name: productpage, namespace: bookinfo-frontends, labels: {expose: "true"}}
spec:
  hosts: ["*"]
  virtualGateways:
  - name: north-south-gw
    namespace: istio-gateways
    cluster: cluster1
  workloadSelectors: []
  http:
  - name: productpage
    labels: {waf: "true"}
    matchers:
    - uri: {exact: /productpage}
    - uri: {prefix: /static}
    - uri: {exact: /login}
      method: POST
    - headers:
      - {name: end-user, value: jason}
    forwardTo:
      destinations:
      - ref: {name: productpage, namespace: bookinfo-frontends, cluster: cluster1}
        port: {number: 9080}
        subset: {version: v1}
        weight: 75
      - ref: {name: productpage-vd, namespace: bookinfo-frontends}
        kind: VIRTUAL_DESTINATION
        port: {number: 9080}
        weight: 25
  - name: reviews
    matchers: [{uri: {prefix: /reviews}}]
    delegate:
      routeTables: [{labels: {table: reviews}, workspace: bookinfo}]
      sortMethod: ROUTE_SPECIFICITY
  - name: old
    matchers: [{uri: {prefix: /old}}]
    redirect: {pathRedirect: /productpage, responseCode: PERMANENT_REDIRECT}
  - name: health
    matchers: [{uri: {exact: /healthz}}]
    directResponse: {status: 200, body: ok}
  futureRouteKind: []
`);

const reviewsChild = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: RouteTable
metadata: {name: reviews, namespace: bookinfo-backends, labels: {table: reviews}}
spec:
  weight: 100
  http:
  - name: reviews-v2
    matchers: [{uri: {prefix: /reviews/v2}}]
    forwardTo:
      pathRewrite: /reviews
      destinations:
      - ref: {name: reviews}
        port: {number: 9080}
        subset: {version: v2}
`);

const eastWest = yamlFixture(`
apiVersion: networking.gloo.solo.io/v2
kind: RouteTable
metadata: {name: reviews-east-west, namespace: bookinfo-backends}
spec:
  hosts: [reviews.bookinfo-backends.svc.cluster.local]
  workloadSelectors:
  - kube:
      labels: {app: productpage}
  - selector:
      labels: {app: ratings}
  defaultDestination:
    ref: {name: reviews, namespace: bookinfo-backends, cluster: cluster2}
    port: {number: 9080}
  http:
  - name: reviews
    forwardTo:
      destinations: []
  tcp:
  - matchers: [{port: 3306}]
    forwardTo:
      destinations: [{ref: {name: mysql}, port: {number: 3306}}]
  tls:
  - matchers: [{sniHosts: [reviews.mesh.internal.com], port: 443}]
    forwardTo:
      destinations: [{ref: {name: reviews-vd}, kind: VIRTUAL_DESTINATION, port: {number: 9080}}]
`);

describe("networking.gloo.solo.io/v2", () => {
  it("parses a realistic manifest of every kind, keeping unknown fields", () => {
    for (const raw of [reviewsVd, httpbinEs, endpoint, gateway, productpageRoutes, reviewsChild, eastWest]) expectParses(raw);
    expectParses(withChange(reviewsVd, ["spec", "ports", 0, "futureOption"], { enabled: true }));
  });

  it("accepts VirtualDestination protocols in any case and VDs backed only by ExternalServices", () => {
    expectParses(withChange(reviewsVd, ["spec", "ports", 0, "protocol"], "http"));
    const backed = withChange(withChange(reviewsVd, ["spec", "services"], undefined), ["spec", "externalServices"], [{ name: "httpbin" }]);
    expectParses(withChange(backed, ["spec", "clientMode"], { sniRouting: {} }));
  });

  it("accepts the 2.0-era workload selector shape and maps it onto an object selector", () => {
    const legacy: WorkloadSelector = { kube: { labels: { app: "productpage" } } };
    expect(workloadObjectSelector(legacy)).toEqual({ labels: { app: "productpage" } });
    expect(workloadObjectSelector({ selector: { labels: { app: "ratings" } } })).toEqual({ labels: { app: "ratings" } });
    expectParses(withChange(gateway, ["spec", "workloads"], [{ kube: { labels: { istio: "ingressgateway" } } }]));
  });

  it("rejects VirtualDestinations the CRD rejects", () => {
    const bare = withChange(withChange(reviewsVd, ["spec", "hosts"], undefined), ["spec", "services"], undefined);
    expectRejected(bare, "spec", "at least one of hosts, services");
    expectParses(withChange(bare, ["spec", "hosts"], ["reviews.mesh.internal.com"]));
    const target = withChange(withChange(reviewsVd, ["spec", "services"], undefined), ["spec", "ports", 0, "targetPort"], { name: "http" });
    expectRejected(target, "spec.ports[0].targetPort", "must be empty");
    expectRejected(withChange(reviewsVd, ["spec", "ports", 0, "protocol"], "SCTP"), "spec.ports[0].protocol", "case-insensitive");
    expectRejected(withChange(reviewsVd, ["spec", "ports", 0, "number"], 70000), "spec.ports[0].number", "between 1 and 65535");
    expectRejected(withChange(reviewsVd, ["spec", "ports"], []), "spec.ports", "at least one port");
  });

  it("rejects ExternalServices with both hosts and addresses", () => {
    expectRejected(withChange(httpbinEs, ["spec", "addresses"], ["52.1.2.3"]), "spec.addresses", "mutually exclusive");
    expectRejected(withChange(httpbinEs, ["spec", "ports", 0, "clientsideTls", "mode"], "TLS"), "spec.ports[0].clientsideTls.mode", "SIMPLE");
  });

  it("rejects VirtualGateway listeners the CRD rejects", () => {
    expectRejected(withChange(gateway, ["spec", "listeners"], []), "spec.listeners", "at least one listener");
    expectRejected(withChange(gateway, ["spec", "listeners", 0, "tls"], { mode: "SIMPLE", secretName: "x" }), "spec.listeners[0].httpsRedirect", "only one of tls, httpsRedirect");
    expectRejected(withChange(gateway, ["spec", "listeners", 1, "tls", "secretName"], undefined), "spec.listeners[1].tls", "secretName or both files.serverCert");
    expectRejected(withChange(gateway, ["spec", "listeners", 1, "tls", "mode"], "ISTIO_MUTUAL"), "spec.listeners[1].tls.secretName", "ISTIO_MUTUAL");
    expectRejected(withChange(gateway, ["spec", "listeners", 2, "appProtocol"], "HTTP"), "spec.listeners[2].appProtocol", "TLS");
    expectRejected(withChange(gateway, ["spec", "listeners", 2, "httpsRedirect"], false), "spec.listeners[2].httpsRedirect");
    expectRejected(withChange(gateway, ["spec", "listeners", 0, "port"], {}), "spec.listeners[0].port", "number or name");
  });

  it("rejects forwardTo weights that cannot add up to 100", () => {
    const dests = ["spec", "http", 0, "forwardTo", "destinations"];
    expectRejected(withChange(productpageRoutes, [...dests, 1, "weight"], 35), "spec.http[0].forwardTo.destinations", "sum to 100 (they sum to 110)");
    const third = withChange(productpageRoutes, [...dests, 2], { ref: { name: "productpage-v2" }, port: { number: 9080 } });
    expectRejected(third, "spec.http[0].forwardTo.destinations", "at least 1 of 100");
    expectParses(withChange(third, [...dests, 1, "weight"], 20));
  });

  it("rejects routes without exactly one action", () => {
    expectRejected(withChange(productpageRoutes, ["spec", "http", 1, "delegate"], undefined), "spec.http[1]", "exactly one of forwardTo, delegate");
    expectRejected(withChange(productpageRoutes, ["spec", "http", 3, "redirect"], { hostRedirect: "x" }), "spec.http[3].directResponse", "only one of");
    expectRejected(withChange(productpageRoutes, ["spec", "http", 2, "redirect", "responseCode"], 301), "spec.http[2].redirect.responseCode", "MOVED_PERMANENTLY");
    expectRejected(withChange(productpageRoutes, ["spec", "http", 3, "directResponse", "status"], 700), "spec.http[3].directResponse.status", "between 100 and 599");
  });

  it("rejects RouteTable specs that break the 2.6 CEL rules", () => {
    expectRejected(withChange(reviewsChild, ["spec", "virtualGateways"], [{ name: "north-south-gw" }]), "spec.virtualGateways", "delegated");
    expectRejected(withChange(reviewsChild, ["spec", "failureMode"], "FREEZE_CONFIG"), "spec.failureMode", "delegated");
    expectRejected(withChange(reviewsChild, ["spec", "http"], undefined), "spec", "at least one of http, tcp or tls");
    expectRejected(withChange(eastWest, ["spec", "defaultDestination"], undefined), "spec.http[0].forwardTo.destinations", "defaultDestination");
    const redirectOnly = withChange(reviewsChild, ["spec", "http", 0], { name: "moved", redirect: { pathRedirect: "/reviews" } });
    expectRejected(withChange(redirectOnly, ["spec", "defaultDestination"], { ref: { name: "reviews" } }), "spec.defaultDestination", "forwardTo");
    expectRejected(withChange(reviewsChild, ["spec", "http", 0, "forwardTo", "destinations", 0, "subset"], {}), "spec.http[0].forwardTo.destinations[0].subset", "empty map");
    expectRejected(withChange(eastWest, ["spec", "workloadSelectors", 1, "selector", "namespace"], "bookinfo"), "spec.workloadSelectors[1].selector", "labels only");
    expectRejected(withChange(eastWest, ["spec", "workloadSelectors", 1, "kind"], "VM"), "spec.workloadSelectors[1].kind", "KUBE");
    expectRejected(withChange(eastWest, ["spec", "tcp", 0, "forwardTo", "destinations"], []), "spec.tcp[0].forwardTo.destinations", "between 1 and 100");
    expectRejected(withChange(eastWest, ["spec", "tls", 0, "forwardTo"], undefined), "spec.tls[0].forwardTo", "required");
    expectRejected(withChange(reviewsChild, ["spec", "http", 0, "forwardTo", "regexRewrite"], { pattern: { regex: "^/r" }, substitution: "/" }), "spec.http[0].forwardTo.regexRewrite", "pathRewrite");
  });
});

describe("RouteTable types", () => {
  it("exposes the parsed spec with its route and destination types", () => {
    const table = productpageRoutes as unknown as RouteTable;
    const route: HttpRoute | undefined = table.spec?.http?.[0];
    const destination: DestinationReference | undefined = route?.forwardTo?.destinations?.[1];
    expect(route?.name).toBe("productpage");
    expect(destination?.kind).toBe("VIRTUAL_DESTINATION");
  });
});
