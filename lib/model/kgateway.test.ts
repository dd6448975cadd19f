import { describe, it } from "vitest";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

// Reference §6 and seed 003 (GatewayParameters custom-gw-params).
const trafficPolicy = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: TrafficPolicy
metadata: {name: reviews-policy, namespace: gloo-system, generation: 3}
spec:
  targetRefs:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: reviews}
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: reviews, sectionName: main}
  targetSelectors:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, matchLabels: {team: reviews}}
  timeouts: {request: 10s}
  rateLimit:
    local: {tokenBucket: {maxTokens: 10, tokensPerFill: 1, fillInterval: 1s}}
  extAuth: {extensionRef: {name: basic-auth}}
  headerModifiers: {request: {add: [{name: x-policy, value: reviews}]}}
status:
  ancestors:
  - ancestorRef: {group: gateway.networking.k8s.io, kind: Gateway, name: http, namespace: gloo-system}
    controllerName: kgateway.dev/kgateway
    conditions:
    - {type: Accepted, status: "True", reason: Valid, observedGeneration: 3}
    - {type: Attached, status: "True", reason: Attached, observedGeneration: 3}
`);

const listenerPolicy = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: HTTPListenerPolicy
metadata: {name: access-log, namespace: gloo-system}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: http}]
  accessLog: [{fileSink: {path: /dev/stdout, stringFormat: "%REQ(:METHOD)%"}}]
`);

const listenerPolicy2 = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: ListenerPolicy
metadata: {name: buffers, namespace: gloo-system}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: http, sectionName: http}]
  perConnectionBufferLimitBytes: 32768
`);

const backendConfig = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: BackendConfigPolicy
metadata: {name: reviews-conn, namespace: bookinfo-backends}
spec:
  targetRefs: [{group: "", kind: Service, name: reviews}]
  connectTimeout: 5s
  loadBalancer: {leastRequest: {choiceCount: 3}}
`);

const lambdaBackend = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: {name: hello-lambda, namespace: gloo-system}
spec:
  type: AWS
  aws:
    accountId: "123456789012"
    region: us-east-1
    auth: {type: Secret, secretRef: {name: aws-creds}}
    lambda: {functionName: hello, invocationMode: Sync}
`);

const staticBackend = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: {name: httpbin-static, namespace: gloo-system}
spec:
  type: Static
  static: {hosts: [{host: httpbin.org, port: 80}]}
`);

const params = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: GatewayParameters
metadata: {name: custom-gw-params, namespace: gloo-system}
spec:
  kube:
    istio:
      istioProxyContainer: {istioDiscoveryAddress: istiod-main.istio-system.svc:15012, istioMetaClusterId: cluster-1, istioMetaMeshId: cluster-1}
    sdsContainer:
      image: {registry: cr.kgateway.dev/kgateway-dev, repository: sds, tag: v2.1.0-main}
`);

const extension = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: GatewayExtension
metadata: {name: basic-auth, namespace: gloo-system}
spec:
  type: ExtAuth
  extAuth: {grpcService: {backendRef: {name: ext-auth, port: 4444}}}
`);

const directResponse = yamlFixture(`
apiVersion: gateway.kgateway.dev/v1alpha1
kind: DirectResponse
metadata: {name: teapot, namespace: gloo-system}
spec: {status: 418, body: "I'm a teapot"}
`);

describe("kgateway kinds", () => {
  it("parse realistic manifests of every kind, keeping unknown fields", () => {
    for (const raw of [trafficPolicy, listenerPolicy, listenerPolicy2, backendConfig, lambdaBackend, staticBackend, params, extension, directResponse]) expectParses(raw);
    expectParses(withChange(trafficPolicy, ["spec", "futureFeature"], { on: true }));
  });

  it("rejects what the CRDs forbid, naming the field", () => {
    const retryOnGateway = withChange(trafficPolicy, ["spec", "targetRefs"], [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "http" }]);
    expectRejected(withChange(retryOnGateway, ["spec", "retry"], { attempts: 2 }), "spec.targetRefs[0].sectionName", "retry");
    expectRejected(withChange(retryOnGateway, ["spec", "autoHostRewrite"], true), "spec.autoHostRewrite", "HTTPRoute");
    expectRejected(withChange(trafficPolicy, ["spec", "timeouts", "request"], "1.5s"), "spec.timeouts.request", "Gateway API duration");
    expectRejected(withChange(lambdaBackend, ["spec", "aws", "accountId"], "42"), "spec.aws.accountId", "12-digit");
    expectRejected(withChange(lambdaBackend, ["spec", "static"], { hosts: [{ host: "a", port: 80 }] }), "spec.aws", "must not be set together with static");
    expectRejected(withChange(withChange(lambdaBackend, ["spec", "aws"], undefined), ["spec", "static"], { hosts: [{ host: "a", port: 80 }] }), "spec.aws", "must be set when type is AWS");
    expectRejected(withChange(staticBackend, ["spec", "static", "hosts", 0, "port"], 0), "spec.static.hosts[0].port", "port number");
    expectRejected(withChange(extension, ["spec", "type"], "ExtProc"), "spec.extProc", "must be set when type is ExtProc");
    expectRejected(withChange(directResponse, ["spec", "status"], 700), "spec.status", "between 200 and 599");
    expectRejected(withChange(params, ["spec", "selfManaged"], {}), "spec.selfManaged", "only one of");
  });
});
