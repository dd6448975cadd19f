import { describe, it } from "vitest";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const gatewayClass = yamlFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gloo-gateway-v2}
spec:
  controllerName: kgateway.dev/kgateway
  parametersRef: {group: gateway.kgateway.dev, kind: GatewayParameters, name: custom-gw-params, namespace: gloo-system}
status:
  conditions:
  - {type: Accepted, status: "True", reason: Accepted, lastTransitionTime: "2025-01-01T00:00:00Z", observedGeneration: 1}
`);

const gateway = yamlFixture(`
kind: Gateway
apiVersion: gateway.networking.k8s.io/v1
metadata:
  name: http
  namespace: gloo-system
spec:
  gatewayClassName: gloo-gateway-v2
  infrastructure:
    parametersRef:
      name: custom-gw-params
      group: gateway.kgateway.dev
      kind: GatewayParameters
  listeners:
  - protocol: HTTP
    port: 8080
    name: http
    allowedRoutes:
      namespaces:
        from: All
  - protocol: HTTPS
    port: 8443
    name: https
    hostname: "*.bookinfo.example.com"
    tls:
      mode: Terminate
      certificateRefs: [{name: bookinfo-cert}]
    allowedRoutes:
      namespaces:
        from: Selector
        selector: {matchLabels: {gateway-access: "true"}}
      kinds: [{kind: HTTPRoute}]
`);

const productpageRoute = yamlFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: productpage
  namespace: bookinfo
spec:
  parentRefs:
    - name: http
      namespace: gloo-system
  rules:
    - matches:
      - path:
          type: Exact
          value: /productpage
      - path: 
          type: PathPrefix
          value: /static
      backendRefs: 
        - name: productpage
          port: 9080
          namespace: bookinfo
`);

const reviewsRoute = yamlFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: reviews
  namespace: gloo-system
spec:
  parentRefs:
    - name: http
      namespace: gloo-system
      sectionName: http
  hostnames: [bookinfo.example.com]
  rules:
    - name: reviews
      matches:
      - path: 
          type: PathPrefix
          value: /reviews
        headers: [{name: end-user, value: jason}]
        method: GET
      filters:
      - type: RequestHeaderModifier
        requestHeaderModifier: {add: [{name: x-route, value: reviews}]}
      backendRefs: 
        - name: reviews.mesh.internal.com 
          port: 9080
          kind: Hostname
          group: networking.istio.io
          weight: 90
        - name: reviews.mesh.internal.com
          port: 9080
          kind: Hostname
          group: networking.gloo.solo.io
          weight: 10
      timeouts: {request: 10s}
    - matches: [{path: {type: PathPrefix, value: /old-reviews}}]
      filters:
      - type: RequestRedirect
        requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /reviews}, statusCode: 301}
status:
  parents:
  - parentRef: {name: http, namespace: gloo-system}
    controllerName: kgateway.dev/kgateway
    conditions: [{type: Accepted, status: "True", reason: Accepted}]
`);

describe("gateway.networking.k8s.io", () => {
  it("parses a realistic manifest of every kind, keeping unknown fields", () => {
    for (const raw of [gatewayClass, gateway, productpageRoute, reviewsRoute]) expectParses(raw);
    expectParses(withChange(reviewsRoute, ["spec", "rules", 0, "futureField"], { x: 1 }));
  });

  it("serves v1beta1 with the same schema and accepts non-Service backends without a port", () => {
    expectParses(withChange(productpageRoute, ["apiVersion"], "gateway.networking.k8s.io/v1beta1"));
    expectParses(withChange(productpageRoute, ["spec", "rules", 0, "backendRefs", 0], { group: "gateway.kgateway.dev", kind: "Backend", name: "httpbin" }));
    expectRejected(withChange(productpageRoute, ["apiVersion"], "gateway.networking.k8s.io/v1alpha2"), "apiVersion", "gateway.networking.k8s.io/v1");
  });

  it("rejects HTTPRoute rules the CRD rejects", () => {
    expectRejected(withChange(productpageRoute, ["spec", "rules", 0, "backendRefs", 0, "port"], undefined), "spec.rules[0].backendRefs[0].port", "Service backend");
    expectRejected(withChange(productpageRoute, ["spec", "rules", 0, "matches", 1, "path", "type"], "Prefix"), "spec.rules[0].matches[1].path.type", "PathPrefix");
    expectRejected(withChange(productpageRoute, ["spec", "rules", 0, "matches", 0, "path", "value"], "productpage"), "spec.rules[0].matches[0].path.value", "absolute path");
    expectRejected(withChange(reviewsRoute, ["spec", "rules", 0, "matches", 0, "method"], "get"), "spec.rules[0].matches[0].method", "GET");
    expectRejected(withChange(reviewsRoute, ["spec", "rules", 0, "backendRefs", 1, "weight"], -1), "spec.rules[0].backendRefs[1].weight", "between 0 and 1000000");
    expectRejected(withChange(reviewsRoute, ["spec", "rules", 0, "timeouts", "request"], "1.5s"), "spec.rules[0].timeouts.request", "Gateway API duration");
    const redirectWithBackends = withChange(reviewsRoute, ["spec", "rules", 1, "backendRefs"], [{ name: "reviews", port: 9080 }]);
    expectRejected(redirectWithBackends, "spec.rules[1].backendRefs", "RequestRedirect");
    const twoMatches = withChange(reviewsRoute, ["spec", "rules", 1, "matches", 1], { path: { type: "Exact", value: "/x" } });
    expectRejected(twoMatches, "spec.rules[1].matches", "ReplacePrefixMatch");
    expectRejected(withChange(reviewsRoute, ["spec", "rules", 0, "filters", 0, "type"], "ResponseHeaderModifier"), "spec.rules[0].filters[0].requestHeaderModifier", "must not be set");
    expectRejected(withChange(reviewsRoute, ["spec", "rules", 1, "filters", 0, "requestRedirect", "statusCode"], 304), "spec.rules[1].filters[0].requestRedirect.statusCode", "301");
  });

  it("rejects Gateway listeners the CRD rejects", () => {
    expectRejected(withChange(gateway, ["spec", "listeners", 1, "name"], "http"), "spec.listeners[1].name", "unique");
    expectRejected(withChange(gateway, ["spec", "listeners", 1, "tls"], undefined), "spec.listeners[1].tls", "must be set for protocol HTTPS");
    expectRejected(withChange(gateway, ["spec", "listeners", 0, "tls"], { mode: "Terminate" }), "spec.listeners[0].tls", "must not be set for protocol HTTP");
    expectRejected(withChange(gateway, ["spec", "listeners", 1, "tls", "mode"], "Passthrough"), "spec.listeners[1].tls.mode", "Terminate");
    expectRejected(withChange(withChange(gateway, ["spec", "listeners", 0, "protocol"], "TCP"), ["spec", "listeners", 0, "hostname"], "a.example.com"), "spec.listeners[0].hostname", "TCP");
    expectRejected(withChange(gateway, ["spec", "listeners", 0, "allowedRoutes", "namespaces", "from"], "Any"), "spec.listeners[0].allowedRoutes.namespaces.from", "All");
    expectRejected(withChange(gateway, ["spec", "gatewayClassName"], undefined), "spec.gatewayClassName", "required");
    expectRejected(withChange(gatewayClass, ["spec", "controllerName"], ""), "spec.controllerName", "controller");
  });
});
