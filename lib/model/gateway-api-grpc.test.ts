import { describe, it } from "vitest";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const grpcRoute = yamlFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: ratings-grpc, namespace: bookinfo-backends}
spec:
  parentRefs: [{name: http, namespace: gloo-system, sectionName: http}]
  hostnames: [grpc.bookinfo.example.com]
  rules:
  - matches:
    - method: {service: bookinfo.Ratings, method: Get}
      headers: [{name: x-canary, value: "1"}]
    - method: {type: RegularExpression, service: "bookinfo\\\\..*", method: "List.*"}
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: x-route, value: grpc}]}
    backendRefs: [{name: ratings, port: 9090, weight: 1}]
status:
  parents:
  - parentRef: {name: http, namespace: gloo-system}
    controllerName: kgateway.dev/kgateway
    conditions: [{type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}]
`);

const grant = yamlFixture(`
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-apps, namespace: other}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]
  to: [{group: "", kind: Service, name: v2}]
`);

describe("GRPCRoute and ReferenceGrant", () => {
  it("parse realistic manifests (reference §1.4, §10.2), in every served version, keeping unknown fields", () => {
    expectParses(grpcRoute);
    expectParses(grant);
    expectParses(withChange(grant, ["apiVersion"], "gateway.networking.k8s.io/v1"));
    expectParses(withChange(grpcRoute, ["apiVersion"], "gateway.networking.k8s.io/v1alpha2"));
    expectParses(withChange(grant, ["spec", "to", 0, "name"], undefined));
    expectParses(withChange(grpcRoute, ["spec", "rules", 0, "futureField"], true));
  });

  it("rejects GRPCRoutes the CRD rejects, naming the field", () => {
    expectRejected(withChange(grpcRoute, ["spec", "rules", 0, "matches", 0, "method"], { type: "Exact" }), "spec.rules[0].matches[0].method", "service or method");
    expectRejected(withChange(grpcRoute, ["spec", "rules", 0, "matches", 0, "method", "service"], "a/b"), "spec.rules[0].matches[0].method.service", "must not contain /");
    expectRejected(withChange(grpcRoute, ["spec", "rules", 0, "filters", 0, "type"], "RequestRedirect"), "spec.rules[0].filters[0].type", "RequestHeaderModifier");
    expectRejected(withChange(grpcRoute, ["spec", "rules", 0, "backendRefs", 0, "port"], undefined), "spec.rules[0].backendRefs[0].port", "Service backend");
    expectRejected(withChange(grpcRoute, ["spec", "hostnames", 0], "10.0.0.1"), "spec.hostnames[0]", "IP");
    expectRejected(withChange(grpcRoute, ["spec", "hostnames", 0], "Grpc.Example.com"), "spec.hostnames[0]", "lower-case");
  });

  it("rejects grants without from or to entries", () => {
    expectRejected(withChange(grant, ["spec", "from"], []), "spec.from", "at least one");
    expectRejected(withChange(grant, ["spec", "to", 0, "kind"], ""), "spec.to[0].kind", "must name a kind");
    expectRejected(withChange(grant, ["spec", "from", 0, "namespace"], undefined), "spec.from[0].namespace", "required");
  });
});
