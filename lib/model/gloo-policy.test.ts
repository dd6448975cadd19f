import { describe, expect, it } from "vitest";
import { effectiveAuthorizations, type AccessPolicyConfig } from "./gloo-policy";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const reviewsAccess = yamlFixture(`
apiVersion: security.policy.gloo.solo.io/v2
kind: AccessPolicy
metadata: {name: reviews-access, namespace: bookinfo-backends}
spec:
  applyToDestinations:
  - selector:
      labels: {app: reviews}
    port: {number: 9080}
  config:
    authn: {tlsMode: STRICT}
    authzList:
    - allowedClients:
      - serviceAccountSelector:
          name: bookinfo-productpage
          namespace: bookinfo-frontends
          cluster: cluster1
      allowedPaths: ["/reviews*"]
      allowedMethods: [GET]
      match:
        request:
          headers:
            x-team: {values: [bookinfo]}
    - allowedClients:
      - requestIdentityMatcher: {requestPrincipals: ["https://issuer.example.com/*"]}
      dryRun: true
`);

const ratingsWorkloadAccess = yamlFixture(`
apiVersion: security.policy.gloo.solo.io/v2
kind: AccessPolicy
metadata: {name: ratings-access, namespace: bookinfo-backends}
spec:
  applyToWorkloads:
  - selector:
      labels: {app: ratings}
  config:
    authz:
      allowedClients:
      - serviceAccountSelector: {labels: {account: reviews}}
`);

const cors = yamlFixture(`
apiVersion: security.policy.gloo.solo.io/v2
kind: CORSPolicy
metadata: {name: productpage-cors, namespace: bookinfo-frontends}
spec:
  applyToRoutes:
  - route: {labels: {route: productpage}}
  config:
    allowOrigins: [{exact: "https://bookinfo.example.com"}, {regex: "https://.*\\\\.example\\\\.com"}]
    allowMethods: [GET, POST]
    allowCredentials: true
    maxAge: 1h
`);

const retry = yamlFixture(`
apiVersion: resilience.policy.gloo.solo.io/v2
kind: RetryTimeoutPolicy
metadata: {name: ratings-retry, namespace: bookinfo-backends}
spec:
  applyToRoutes:
  - route: {labels: {route: ratings}}
  config:
    requestTimeout: 2s
    retries:
      attempts: 3
      perTryTimeout: 500ms
      retryOn: 5xx,connect-failure
status:
  common: {State: {approval: ACCEPTED}}
  numSelectedRoutes: 1
`);

const fault = yamlFixture(`
apiVersion: resilience.policy.gloo.solo.io/v2
kind: FaultInjectionPolicy
metadata: {name: ratings-fault, namespace: bookinfo-backends}
spec:
  applyToRoutes:
  - withDestinations:
      selector: {name: ratings}
  config:
    delay: {fixedDelay: 2s, percentage: 50}
    abort: {httpStatus: 503, percentage: 0.5}
`);

const failover = yamlFixture(`
apiVersion: resilience.policy.gloo.solo.io/v2
kind: FailoverPolicy
metadata: {name: reviews-failover, namespace: bookinfo-backends}
spec:
  applyToDestinations:
  - kind: VIRTUAL_DESTINATION
    selector: {name: reviews-vd}
  config:
    localityMappings:
    - from: {region: us-east-1}
      to: [{region: us-west-2, weight: 100}]
`);

const outlier = yamlFixture(`
apiVersion: resilience.policy.gloo.solo.io/v2
kind: OutlierDetectionPolicy
metadata: {name: reviews-outlier, namespace: bookinfo-backends}
spec:
  applyToDestinations:
  - kind: VIRTUAL_DESTINATION
    selector: {name: reviews-vd}
  config:
    consecutiveErrors: 2
    interval: 5s
    baseEjectionTime: 30s
    maxEjectionPercent: 100
`);

const headers = yamlFixture(`
apiVersion: trafficcontrol.policy.gloo.solo.io/v2
kind: HeaderManipulationPolicy
metadata: {name: reviews-headers, namespace: bookinfo-backends}
spec:
  applyToRouteDestinations:
  - route: {labels: {route: reviews}}
    onDestinations: [{selector: {name: reviews}, port: {number: 9080}}]
  config:
    appendRequestHeaders: {x-bookinfo: "true"}
    removeResponseHeaders: [x-envoy-upstream-service-time]
`);

describe("Gloo v2 policies", () => {
  it("parses a realistic manifest of every kind, keeping unknown fields", () => {
    for (const raw of [reviewsAccess, ratingsWorkloadAccess, cors, retry, fault, failover, outlier, headers]) expectParses(raw);
    expectParses(withChange(retry, ["spec", "config", "retries", "backoff"], { baseInterval: "25ms" }));
  });

  it("accepts both authz shapes and the 2.0 workload selector shape", () => {
    expectParses(withChange(ratingsWorkloadAccess, ["spec", "applyToWorkloads"], [{ kube: { labels: { app: "ratings" } } }]));
    const both = withChange(reviewsAccess, ["spec", "config", "authz"], { allowedClients: [{}] });
    expectParses(both);
    const config = (both.spec as { config: AccessPolicyConfig }).config;
    expect(effectiveAuthorizations(config)).toHaveLength(2);
    expect(effectiveAuthorizations((ratingsWorkloadAccess.spec as { config: AccessPolicyConfig }).config)).toHaveLength(1);
    expect(effectiveAuthorizations(undefined)).toEqual([]);
  });

  it("accepts failover priority labels given as keys or as key=value pairs", () => {
    expectParses(withChange(failover, ["spec", "config", "priorityLabels"], { labels: ["topology.kubernetes.io/region", "version"] }));
    expectParses(withChange(failover, ["spec", "config", "priorityLabels"], { labels: ["version=v1", "version=v2"] }));
    expectRejected(withChange(failover, ["spec", "config", "priorityLabels"], { labels: ["version=v1", "region"] }), "spec.config.priorityLabels.labels", "not a mix");
  });

  it("rejects retry and timeout settings that cannot hold", () => {
    expectRejected(withChange(retry, ["spec", "config"], {}), "spec.config", "at least one of retries or requestTimeout");
    expectRejected(withChange(retry, ["spec", "config", "retries", "attempts"], 0), "spec.config.retries.perTryTimeout", "attempts is 0");
    expectRejected(withChange(retry, ["spec", "config", "retries", "attempts"], -1), "spec.config.retries.attempts", "0 or more");
    expectRejected(withChange(retry, ["spec", "config", "requestTimeout"], "2 seconds"), "spec.config.requestTimeout", "such as 1s, 500ms or 1m30s");
    expectRejected(withChange(retry, ["spec", "config", "retries", "perTryTimeout"], "500us"), "spec.config.retries.perTryTimeout", "h, m, s or ms");
    expectRejected(withChange(retry, ["spec", "config", "requestTimeout"], "0s"), "spec.config.requestTimeout", "at least 1ms");
  });

  it("rejects fault, outlier and CORS values out of range", () => {
    expectRejected(withChange(fault, ["spec", "config", "delay", "percentage"], 150), "spec.config.delay.percentage", "0.0001 and 100");
    expectRejected(withChange(fault, ["spec", "config", "abort", "httpStatus"], 99), "spec.config.abort.httpStatus", "between 200 and 599");
    expectRejected(withChange(fault, ["spec", "config", "delay", "fixedDelay"], undefined), "spec.config.delay.fixedDelay", "required");
    expectRejected(withChange(outlier, ["spec", "config", "maxEjectionPercent"], 120), "spec.config.maxEjectionPercent", "between 0 and 100");
    expectRejected(withChange(outlier, ["spec", "config", "consecutiveErrors"], 0), "spec.config.consecutiveErrors", "between 1 and");
    expectRejected(withChange(cors, ["spec", "config", "allowOrigins", 0, "prefix"], "https://"), "spec.config.allowOrigins[0].prefix", "only one of exact, prefix");
  });

  it("rejects selector and enum mistakes", () => {
    expectRejected(withChange(reviewsAccess, ["spec", "config", "authn", "tlsMode"], "strict"), "spec.config.authn.tlsMode", "STRICT");
    expectRejected(withChange(headers, ["spec", "applyToRoutes"], [{ route: {}, withDestinations: {} }]), "spec.applyToRoutes[0].withDestinations", "only one of route, withDestinations");
    expectRejected(withChange(failover, ["spec", "applyToDestinations", 0, "kind"], "VirtualDestination"), "spec.applyToDestinations[0].kind", "VIRTUAL_DESTINATION");
  });
});
