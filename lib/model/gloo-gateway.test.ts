import { describe, expect, it } from "vitest";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";
import { soloKitStateName, soloKitStatuses } from "./solo-kit";

// Reference §10.3 (RouteOption, VirtualHostOption), §5.1 (the rest), seed 003 step 2 (GatewayParameters).
const routeDefaults = yamlFixture(`
apiVersion: gateway.solo.io/v1
kind: RouteOption
metadata: {name: route-defaults, namespace: apps, generation: 1}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]
  options:
    timeout: 5s
    retries: {retryOn: 5xx, numRetries: 2}
    extauth: {configRef: {name: basic-auth, namespace: apps}}
    rateLimitConfigs: {refs: [{name: per-user, namespace: apps}]}
status:
  statuses:
    gloo-system: {state: Accepted, reportedBy: gloo-kube-gateway}
`);

const corsAny = yamlFixture(`
apiVersion: gateway.solo.io/v1
kind: VirtualHostOption
metadata: {name: cors-any, namespace: infra}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: edge, sectionName: any}]
  options: {cors: {allowOrigin: ["https://b.example.com"]}}
`);

const listenerOption = yamlFixture(`
apiVersion: gateway.solo.io/v1
kind: ListenerOption
metadata: {name: access-logs, namespace: infra}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: edge}]
  options: {perConnectionBufferLimitBytes: 65536}
`);

const httpListenerOption = withChange(withChange(listenerOption, ["kind"], "HttpListenerOption"), ["spec", "options"], { gzip: { compressionLevel: "BEST" } });

const params = yamlFixture(`
apiVersion: gateway.gloo.solo.io/v1alpha1
kind: GatewayParameters
metadata: {name: gloo-gateway, namespace: gloo-system}
spec:
  kube:
    deployment: {replicas: 2}
    istio:
      istioProxyContainer: {istioDiscoveryAddress: istiod-main.istio-system.svc:15012, istioMetaClusterId: cluster-1, istioMetaMeshId: cluster-1}
`);

const directResponse = yamlFixture(`
apiVersion: gateway.gloo.solo.io/v1alpha1
kind: DirectResponse
metadata: {name: maintenance, namespace: apps}
spec: {status: 503, body: "down for maintenance"}
`);

const authConfig = yamlFixture(`
apiVersion: enterprise.gloo.solo.io/v1
kind: AuthConfig
metadata: {name: basic-auth, namespace: apps}
spec:
  configs:
  - name: basic
    basicAuth: {realm: gloo, apr: {users: {user: {salt: TYeiuuCq, hashedPassword: 8BvzLUO9IfGPGGsPnAgSu1}}}}
  - name: keys
    apiKeyAuth: {labelSelector: {team: infrastructure}}
  booleanExpr: basic || keys
`);

const rateLimit = yamlFixture(`
apiVersion: ratelimit.solo.io/v1alpha1
kind: RateLimitConfig
metadata: {name: per-user, namespace: apps}
spec:
  raw:
    descriptors: [{key: generic_key, value: counter, rateLimit: {requestsPerUnit: 10, unit: MINUTE}}]
    rateLimits: [{actions: [{genericKey: {descriptorValue: counter}}]}]
status: {state: ACCEPTED, observedGeneration: 1}
`);

describe("Gloo Gateway 1.x kinds", () => {
  it("parse realistic manifests of every kind, keeping unknown fields", () => {
    for (const raw of [routeDefaults, corsAny, listenerOption, httpListenerOption, params, directResponse, authConfig, rateLimit]) expectParses(raw);
    expectParses(withChange(routeDefaults, ["spec", "options", "stagedTransformations"], { regular: {} }));
    expectParses(withChange(withChange(routeDefaults, ["spec", "targetRefs"], undefined), ["spec", "targetRef"], { group: "gateway.networking.k8s.io", kind: "HTTPRoute", name: "web" }));
  });

  it("rejects what the types forbid, naming the field", () => {
    expectRejected(withChange(routeDefaults, ["spec", "options", "timeout"], "five seconds"), "spec.options.timeout", "duration");
    expectRejected(withChange(routeDefaults, ["spec", "targetRefs", 0, "name"], ""), "spec.targetRefs[0].name", "non-empty");
    expectRejected(withChange(routeDefaults, ["spec", "options", "extauth", "configRef", "name"], undefined), "spec.options.extauth.configRef.name", "required");
    expectRejected(withChange(directResponse, ["spec", "status"], 99), "spec.status", "between 200 and 599");
    expectRejected(withChange(params, ["spec", "selfManaged"], {}), "spec.selfManaged", "only one of kube, selfManaged");
    expectRejected(withChange(authConfig, ["spec", "configs"], []), "spec.configs", "at least one");
    expectRejected(withChange(authConfig, ["spec", "configs", 0, "jwt"], {}), "spec.configs[0].jwt", "one auth type per step");
    expectRejected(withChange(routeDefaults, ["apiVersion"], "gateway.solo.io/v2"), "apiVersion", "gateway.solo.io/v1");
  });

  it("reads solo-kit statuses in both forms", () => {
    expect([...soloKitStatuses({ statuses: { "gloo-system": { state: 1 } } }).keys()]).toEqual(["gloo-system"]);
    expect(soloKitStatuses({ state: "Rejected", reason: "bad" }).get("")?.reason).toBe("bad");
    expect(soloKitStateName(3)).toBe("Warning");
    expect(soloKitStateName("accepted")).toBe("Accepted");
  });
});
