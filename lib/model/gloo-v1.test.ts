import { describe, expect, it } from "vitest";
import { v1MatcherUri } from "./gloo-v1";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const virtualMesh = yamlFixture(`
apiVersion: networking.mesh.gloo.solo.io/v1
kind: VirtualMesh
metadata: {name: virtual-mesh, namespace: gloo-mesh}
spec:
  mtlsConfig:
    autoRestartPods: true
    shared:
      rootCertificateAuthority:
        generated: {}
  federation:
    selectors:
    - {}
    hostnameSuffix: global
    ingressGatewaySelectors:
    - portName: tls
      destinationSelectors:
      - kubeServiceMatcher:
          labels: {istio: ingressgateway}
          namespaces: [istio-system]
  globalAccessPolicy: ENABLED
  meshes:
  - name: istiod-istio-system-cluster1
    namespace: gloo-mesh
  - name: istiod-istio-system-cluster2
    namespace: gloo-mesh
status:
  observedGeneration: 1
  state: ACCEPTED
  meshes:
    istiod-istio-system-cluster1.gloo-mesh.: {state: ACCEPTED}
`);

const trafficPolicy = yamlFixture(`
apiVersion: networking.mesh.gloo.solo.io/v1
kind: TrafficPolicy
metadata: {name: reviews-shift, namespace: gloo-mesh}
spec:
  sourceSelector:
  - kubeWorkloadMatcher:
      labels: {app: productpage}
      namespaces: [bookinfo]
  destinationSelector:
  - kubeServiceRefs:
      services:
      - {name: reviews, namespace: bookinfo, clusterName: cluster1}
  httpRequestMatchers:
  - uri: {prefix: /reviews}
    headers: [{name: end-user, value: jason}]
  policy:
    requestTimeout: 2s
    retries: {attempts: 3, perTryTimeout: 1s}
    trafficShift:
      destinations:
      - kubeService: {name: reviews, namespace: bookinfo, clusterName: cluster2, subset: {version: v3}, port: 9080}
        weight: 75
      - virtualDestination: {name: reviews-global, namespace: gloo-mesh}
        weight: 25
    faultInjection:
      abort: {httpStatus: 503}
      percentage: 10
    mirror:
      kubeService: {name: ratings, namespace: bookinfo, clusterName: cluster1}
      percentage: 50
    outlierDetection: {consecutiveErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 100}
    mtls: {istio: {tlsMode: ISTIO_MUTUAL}}
status:
  observedGeneration: 1
  state: ACCEPTED
  destinations:
    reviews-bookinfo-cluster1.gloo-mesh.: {acceptanceOrder: 0, state: ACCEPTED}
  workloads: [productpage-v1-bookinfo-cluster1-deployment.gloo-mesh.]
`);

const accessPolicy = yamlFixture(`
apiVersion: networking.mesh.gloo.solo.io/v1
kind: AccessPolicy
metadata: {name: productpage-to-reviews, namespace: gloo-mesh}
spec:
  sourceSelector:
  - kubeServiceAccountRefs:
      serviceAccounts:
      - {name: bookinfo-productpage, namespace: bookinfo, clusterName: cluster1}
  - requestIdentityMatcher: {requestPrincipals: ["issuer/subject"]}
  destinationSelector:
  - kubeServiceMatcher:
      labels: {app: reviews}
      namespaces: [bookinfo]
  allowedPaths: ["/reviews*"]
  allowedMethods: [GET]
  allowedPorts: [9080]
`);

describe("networking.mesh.gloo.solo.io/v1", () => {
  it("parses a realistic manifest of every kind, keeping unknown fields", () => {
    for (const raw of [virtualMesh, trafficPolicy, accessPolicy]) expectParses(raw);
    expectParses(withChange(trafficPolicy, ["spec", "policy", "futureDecorator"], { enabled: true }));
  });

  it("accepts the deprecated matcher-level prefix/exact/regex and reads either shape", () => {
    const deprecated = withChange(trafficPolicy, ["spec", "httpRequestMatchers", 0], { prefix: "/reviews", method: "GET" });
    expectParses(deprecated);
    expect(v1MatcherUri({ prefix: "/reviews" })).toEqual({ prefix: "/reviews" });
    expect(v1MatcherUri({ uri: { exact: "/reviews/1" } })).toEqual({ exact: "/reviews/1" });
    expect(v1MatcherUri({ method: "GET" })).toBeUndefined();
  });

  it("accepts both federation gateway selector spellings and deprecated permissive mode", () => {
    const older = withChange(virtualMesh, ["spec", "federation"], {
      permissive: {},
      eastWestIngressGatewaySelectors: [{ destinationSelectors: [{ kubeServiceMatcher: { labels: { istio: "ingressgateway" } } }] }],
    });
    expectParses(older);
  });

  it("rejects oneof violations", () => {
    expectRejected(withChange(trafficPolicy, ["spec", "httpRequestMatchers", 0], { prefix: "/a", exact: "/b" }), "spec.httpRequestMatchers[0].exact", "only one of prefix, exact, regex");
    expectRejected(withChange(trafficPolicy, ["spec", "policy", "faultInjection", "fixedDelay"], "1s"), "spec.policy.faultInjection.abort", "fixedDelay");
    const both = withChange(trafficPolicy, ["spec", "policy", "trafficShift", "destinations", 1, "kubeService"], { name: "reviews" });
    expectRejected(both, "spec.policy.trafficShift.destinations[1].virtualDestination", "only one of kubeService");
    expectRejected(withChange(virtualMesh, ["spec", "mtlsConfig", "limited"], {}), "spec.mtlsConfig.limited", "shared");
    expectRejected(withChange(virtualMesh, ["spec", "mtlsConfig", "shared", "rootCertificateAuthority", "secret"], { name: "root" }), "spec.mtlsConfig.shared.rootCertificateAuthority.secret", "generated");
  });

  it("rejects malformed values", () => {
    expectRejected(withChange(trafficPolicy, ["spec", "policy", "requestTimeout"], "2 seconds"), "spec.policy.requestTimeout", "duration");
    expectRejected(withChange(virtualMesh, ["spec", "globalAccessPolicy"], "enabled"), "spec.globalAccessPolicy", "ENABLED");
    expectRejected(withChange(accessPolicy, ["spec", "allowedPorts"], [0]), "spec.allowedPorts[0]", "between 1 and 65535");
    expectRejected(withChange(trafficPolicy, ["spec", "policy", "mirror", "percentage"], 101), "spec.policy.mirror.percentage", "between 0 and 100");
    expectRejected(withChange(trafficPolicy, ["spec", "policy", "mtls", "istio", "tlsMode"], "MUTUAL"), "spec.policy.mtls.istio.tlsMode", "ISTIO_MUTUAL");
  });
});
