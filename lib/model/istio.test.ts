import { describe, it } from "vitest";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const parentLabels = `
  labels:
    gloo.solo.io/parent_cluster: cluster1
    gloo.solo.io/parent_group: networking.gloo.solo.io
    gloo.solo.io/parent_kind: VirtualDestination
    gloo.solo.io/parent_name: reviews-vd
    gloo.solo.io/parent_namespace: bookinfo`;

const serviceEntry = yamlFixture(`
apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: vd-reviews.mesh.internal.com-bookinfo
  namespace: bookinfo${parentLabels}
spec:
  hosts: [reviews.mesh.internal.com]
  addresses: [243.21.204.125]
  ports: [{name: http-9080, number: 9080, protocol: HTTP, targetPort: 9080}]
  location: MESH_INTERNAL
  resolution: STATIC
  workloadSelector: {labels: {app: reviews}}
  exportTo: [bookinfo, istio-gateways]
`);

const workloadEntry = yamlFixture(`
apiVersion: networking.istio.io/v1beta1
kind: WorkloadEntry
metadata: {name: vd-reviews-bookinfo-app-reviews-172-23-0-6, namespace: bookinfo}
spec:
  address: 172.23.0.6
  ports: {http-9080: 15443}
  labels: {app: reviews}
  locality: us-east-1
  network: cluster2
`);

const virtualService = yamlFixture(`
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: routetable-productpage-bookinfo-cluster1-gateways, namespace: istio-gateways}
spec:
  hosts: ["*"]
  gateways: [virtualgateway-north-south-gw-istio-gateways]
  exportTo: ["."]
  http:
  - name: productpage-productpage
    match:
    - uri: {exact: /productpage}
      sourceLabels: {app: istio-ingressgateway, istio: ingressgateway}
    - uri: {prefix: /static}
      headers: {end-user: {exact: jason}}
    route:
    - destination: {host: reviews.mesh.internal.com, port: {number: 9080}, subset: version-v1}
      weight: 75
    - destination: {host: reviews.bookinfo.svc.cluster.local, port: {number: 9080}}
      weight: 25
    timeout: 2s
    retries: {attempts: 3, perTryTimeout: 500ms, retryOn: 5xx}
    fault: {abort: {httpStatus: 503, percentage: {value: 10}}}
    headers: {request: {add: {x-bookinfo: "true"}, remove: [x-debug]}}
  - name: legacy
    match: [{uri: {prefix: /legacy}}]
    redirect: {uri: /productpage, redirectCode: 301}
  tls:
  - match: [{sniHosts: [reviews.mesh.internal.com], port: 443}]
    route: [{destination: {host: reviews.mesh.internal.com}}]
`);

const destinationRule = yamlFixture(`
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: reviews-global-virtual-dest, namespace: bookinfo}
spec:
  host: reviews.mesh.internal.com
  exportTo: [bookinfo, istio-gateways]
  trafficPolicy:
    loadBalancer:
      localityLbSetting: {enabled: true}
    outlierDetection: {consecutive5xxErrors: 2, interval: 5s, baseEjectionTime: 30s, maxEjectionPercent: 100}
    portLevelSettings:
    - port: {number: 9080}
      tls:
        mode: ISTIO_MUTUAL
        subjectAltNames: [spiffe://cluster1/ns/bookinfo/sa/bookinfo-reviews]
  subsets:
  - name: version-v1
    labels: {version: v1}
`);

const istioGateway = yamlFixture(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio-eastwestgateway-istio-system, namespace: istio-system}
spec:
  selector: {istio: eastwestgateway}
  servers:
  - port: {number: 15443, protocol: TLS, name: tls}
    hosts: ["*.global"]
    tls: {mode: AUTO_PASSTHROUGH}
`);

const sidecar = yamlFixture(`
apiVersion: networking.istio.io/v1beta1
kind: Sidecar
metadata: {name: sidecar-productpage-v1-bookinfo-cluster1-bookinfo, namespace: bookinfo}
spec:
  workloadSelector: {labels: {app: productpage}}
  egress:
  - hosts: ["./*", "istio-system/*", "bookinfo/reviews.mesh.internal.com"]
  outboundTrafficPolicy: {mode: REGISTRY_ONLY}
`);

const authorizationPolicy = yamlFixture(`
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: reviews, namespace: bookinfo}
spec:
  selector: {matchLabels: {app: reviews}}
  action: ALLOW
  rules:
  - from:
    - source: {principals: [cluster1/ns/bookinfo/sa/bookinfo-productpage]}
    to:
    - operation: {paths: ["/reviews*"], methods: [GET], ports: ["9080"]}
    when: [{key: "request.headers[x-team]", values: [bookinfo]}]
`);

const peerAuthentication = yamlFixture(`
apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: settings-reviews-9080-bookinfo, namespace: bookinfo}
spec:
  selector: {matchLabels: {app: reviews}}
  mtls: {mode: STRICT}
  portLevelMtls:
    "9080": {mode: STRICT}
`);

describe("Istio outputs", () => {
  it("parses a realistic manifest of every kind in every served version, keeping unknown fields", () => {
    const all = [serviceEntry, workloadEntry, virtualService, destinationRule, istioGateway, sidecar, authorizationPolicy, peerAuthentication];
    for (const raw of all) expectParses(raw);
    for (const version of ["v1", "v1beta1", "v1alpha3"]) expectParses(withChange(serviceEntry, ["apiVersion"], `networking.istio.io/${version}`));
    expectParses(withChange(authorizationPolicy, ["apiVersion"], "security.istio.io/v1beta1"));
    expectParses(withChange(destinationRule, ["spec", "trafficPolicy", "futureSetting"], { on: true }));
  });

  it("accepts the empty deny-all AuthorizationPolicy v1 emits for globalAccessPolicy ENABLED", () => {
    expectParses(yamlFixture("apiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata: {name: global-access-control, namespace: istio-system}\nspec: {}\n"));
  });

  it("rejects networking values Istio rejects (enums are case-sensitive)", () => {
    expectRejected(withChange(serviceEntry, ["spec", "resolution"], "dns"), "spec.resolution", "DNS");
    expectRejected(withChange(serviceEntry, ["spec", "endpoints"], [{ address: "172.23.0.6" }]), "spec.endpoints", "only one of workloadSelector, endpoints");
    expectRejected(withChange(serviceEntry, ["spec", "hosts"], []), "spec.hosts", "at least one host");
    expectRejected(withChange(serviceEntry, ["apiVersion"], "networking.istio.io/v2"), "apiVersion", "networking.istio.io/v1alpha3");
    expectRejected(withChange(virtualService, ["spec", "http", 1, "route"], [{ destination: { host: "x" } }]), "spec.http[1].redirect", "only one of route, redirect");
    expectRejected(withChange(virtualService, ["spec", "http", 0, "match", 0, "uri", "prefix"], "/p"), "spec.http[0].match[0].uri.prefix", "only one of exact, prefix, regex");
    expectRejected(withChange(virtualService, ["spec", "http", 0, "timeout"], "2 seconds"), "spec.http[0].timeout", "duration");
    expectRejected(withChange(virtualService, ["spec", "http", 0, "route", 0, "destination", "host"], ""), "spec.http[0].route[0].destination.host", "non-empty");
    expectRejected(withChange(destinationRule, ["spec", "trafficPolicy", "portLevelSettings", 0, "tls", "mode"], "istio_mutual"), "spec.trafficPolicy.portLevelSettings[0].tls.mode", "ISTIO_MUTUAL");
    const hashed = withChange(destinationRule, ["spec", "trafficPolicy", "loadBalancer", "consistentHash"], { httpHeaderName: "x-user" });
    expectParses(hashed);
    expectRejected(withChange(hashed, ["spec", "trafficPolicy", "loadBalancer", "simple"], "ROUND_ROBIN"), "spec.trafficPolicy.loadBalancer.consistentHash", "only one of simple, consistentHash");
  });

  it("rejects gateway, sidecar and security values Istio rejects", () => {
    expectRejected(withChange(istioGateway, ["spec", "servers", 0, "hosts"], []), "spec.servers[0].hosts", "at least one host");
    expectRejected(withChange(istioGateway, ["spec", "servers", 0, "tls", "mode"], "TERMINATE"), "spec.servers[0].tls.mode", "AUTO_PASSTHROUGH");
    expectRejected(withChange(sidecar, ["spec", "egress", 0, "hosts", 2], "reviews.mesh.internal.com"), "spec.egress[0].hosts[2]", "namespace/dnsName");
    expectRejected(withChange(authorizationPolicy, ["spec", "action"], "CUSTOM"), "spec.provider", "CUSTOM");
    expectRejected(withChange(authorizationPolicy, ["spec", "targetRefs"], [{ kind: "Service", name: "reviews" }]), "spec.targetRefs", "only one of selector");
    expectRejected(withChange(peerAuthentication, ["spec", "selector"], undefined), "spec.portLevelMtls", "selector");
    expectRejected(withChange(peerAuthentication, ["spec", "portLevelMtls"], { http: { mode: "STRICT" } }), "spec.portLevelMtls.http", "port number");
    expectRejected(withChange(peerAuthentication, ["spec", "mtls", "mode"], "strict"), "spec.mtls.mode", "STRICT");
  });
});
