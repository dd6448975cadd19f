import { describe, expect, it } from "vitest";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";
import { upstreamType } from "./gloo-edge-upstream";

// Reference §10.5 (function routing) and §8.1 (Helm default Gateways).
const petstore = yamlFixture(`
apiVersion: gloo.solo.io/v1
kind: Upstream
metadata: {name: default-petstore-8080, namespace: gloo-system, labels: {discovered_by: kubernetesplugin}}
spec:
  discoveryMetadata: {labels: {app: petstore}}
  kube:
    serviceName: petstore
    serviceNamespace: default
    servicePort: 8080
    selector: {app: petstore}
    serviceSpec:
      rest:
        swaggerInfo: {url: "http://petstore.default.svc.cluster.local:8080/swagger.json"}
        transformations:
          findPetById: {headers: {":method": {text: GET}, ":path": {text: "/api/pets/{{ default(id, \\"\\") }}"}}}
status:
  statuses:
    gloo-system: {state: 1, reportedBy: gloo}
`);

const lambdas = yamlFixture(`
apiVersion: gloo.solo.io/v1
kind: Upstream
metadata: {name: lambdas, namespace: gloo-system}
spec:
  aws: {region: us-east-1, secretRef: {name: aws-creds, namespace: gloo-system},
        lambdaFunctions: [{logicalName: hello, lambdaFunctionName: hello, qualifier: "$LATEST"}]}
`);

const grpcUpstream = yamlFixture(`
apiVersion: gloo.solo.io/v1
kind: Upstream
metadata: {name: default-bookstore-8080, namespace: gloo-system}
spec:
  static:
    hosts: [{addr: bookstore.default.svc.cluster.local, port: 8080}]
    serviceSpec:
      grpcJsonTranscoder:
        protoDescriptorBin: Q3FRRENnbGhibk5wWW1ScGJtY3VjSEp2ZEc4U0JXRm4=
        services: [main.Bookstore]
`);

const group = yamlFixture(`
apiVersion: gloo.solo.io/v1
kind: UpstreamGroup
metadata: {name: petstore-split, namespace: gloo-system}
spec:
  destinations:
  - {weight: 9, destination: {upstream: {name: default-petstore-8080, namespace: gloo-system}}}
  - {weight: 1, destination: {kube: {ref: {name: petstore-v2, namespace: default}, port: 8080}}}
`);

const proxy = yamlFixture(`
apiVersion: gloo.solo.io/v1
kind: Proxy
metadata: {name: gateway-proxy, namespace: gloo-system, labels: {created_by: gloo-gateway}}
spec:
  listeners:
  - name: listener-::-8080
    bindAddress: "::"
    bindPort: 8080
    httpListener: {virtualHosts: [{name: gloo-system_pets, domains: [pets.example.com]}]}
`);

const settings = yamlFixture(`
apiVersion: gloo.solo.io/v1
kind: Settings
metadata: {name: default, namespace: gloo-system}
spec:
  discoveryNamespace: gloo-system
  discovery: {fdsMode: WHITELIST, udsOptions: {enabled: true}}
  gateway: {persistProxySpec: false}
`);

const gateway = yamlFixture(`
apiVersion: gateway.solo.io/v1
kind: Gateway
metadata: {name: gateway-proxy, namespace: gloo-system}
spec:
  bindAddress: "::"
  bindPort: 8080
  proxyNames: [gateway-proxy]
  ssl: false
  httpGateway: {virtualServiceNamespaces: ["*"]}
`);

const virtualService = yamlFixture(`
apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata: {name: pets, namespace: gloo-system}
spec:
  virtualHost:
    domains: [pets.example.com]
    routes:
    - matchers: [{prefix: /fn}]
      delegateAction: {ref: {name: fn-routes, namespace: gloo-system}}
    - matchers: [{exact: /pet, methods: [GET], headers: [{name: x-debug}]}]
      routeAction: {single: {upstream: {name: default-petstore-8080, namespace: gloo-system},
                             destinationSpec: {rest: {functionName: findPetById}}}}
    - matchers: [{prefix: /old}]
      redirectAction: {hostRedirect: pets.example.com, prefixRewrite: /new, responseCode: PERMANENT_REDIRECT}
`);

const routeTable = yamlFixture(`
apiVersion: gateway.solo.io/v1
kind: RouteTable
metadata: {name: fn-routes, namespace: gloo-system, labels: {team: fn}}
spec:
  weight: 10
  routes:
  - matchers: [{prefix: /fn/hello}]
    routeAction: {single: {upstream: {name: lambdas, namespace: gloo-system}, destinationSpec: {aws: {logicalName: hello, invocationStyle: SYNC}}}}
  - matchers: [{prefix: /other}]
    directResponseAction: {status: 200}
  - matchers: [{prefix: /fn/more}]
    delegateAction: {selector: {labels: {team: fn-more}, namespaces: ["*"], expressions: [{key: tier, operator: In, values: [gold]}]}}
`);

describe("Gloo Edge kinds", () => {
  it("parse the reference's function-gateway manifests, keeping unknown fields", () => {
    for (const raw of [petstore, lambdas, grpcUpstream, group, proxy, settings, gateway, virtualService, routeTable]) expectParses(raw);
    expectParses(withChange(petstore, ["spec", "circuitBreakers"], { maxConnections: 10 }));
    expect(upstreamType((lambdas as { spec: never }).spec)).toBe("aws");
  });

  it("rejects Upstreams that are not exactly one type, or have bad function specs", () => {
    expectRejected(withChange(lambdas, ["spec", "static"], { hosts: [{ addr: "x", port: 80 }] }), "spec.aws", "only one of");
    expectRejected(withChange(lambdas, ["spec", "aws"], undefined), "spec", "exactly one of kube");
    expectRejected(withChange(lambdas, ["spec", "aws", "lambdaFunctions", 0, "lambdaFunctionName"], ""), "spec.aws.lambdaFunctions[0].lambdaFunctionName", "Lambda function");
    expectRejected(withChange(petstore, ["spec", "kube", "servicePort"], 70000), "spec.kube.servicePort", "port number");
    expectRejected(withChange(grpcUpstream, ["spec", "static", "serviceSpec", "rest"], {}), "spec.static.serviceSpec.grpcJsonTranscoder", "must not be set together with rest");
  });

  it("rejects routes and gateways the types forbid, naming the field", () => {
    const route0 = ["spec", "virtualHost", "routes", 0];
    expectRejected(withChange(virtualService, [...route0, "directResponseAction"], { status: 200 }), "spec.virtualHost.routes[0].delegateAction", "must not be set together with directResponseAction");
    expectRejected(withChange(virtualService, [...route0, "matchers", 0, "exact"], "/fn"), "spec.virtualHost.routes[0].matchers[0].exact", "only one of");
    expectRejected(withChange(virtualService, [...route0, "delegateAction"], {}), "spec.virtualHost.routes[0].delegateAction", "ref or selector");
    expectRejected(withChange(virtualService, ["spec", "virtualHost", "routes", 1, "routeAction"], {}), "spec.virtualHost.routes[1].routeAction", "exactly one of single");
    expectRejected(withChange(routeTable, ["spec", "routes", 0, "routeAction", "single", "destinationSpec", "rest"], { functionName: "x" }), "spec.routes[0].routeAction.single.destinationSpec.aws", "only one of");
    expectRejected(withChange(routeTable, ["spec", "routes", 2, "delegateAction", "selector", "expressions", 0, "operator"], "Like"), "spec.routes[2].delegateAction.selector.expressions[0].operator", "In");
    expectRejected(withChange(gateway, ["spec", "bindPort"], undefined), "spec.bindPort", "required");
    expectRejected(withChange(gateway, ["spec", "tcpGateway"], {}), "spec.tcpGateway", "only one of");
    expectRejected(withChange(group, ["spec", "destinations"], []), "spec.destinations", "at least one");
  });
});
