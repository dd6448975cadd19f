import { ADMIN, base, deploy, http, mesh, ns, obj, RT, svc, type Feature, type Obj } from "./fixtures";

const v1 = (kind: string, name: string, spec: unknown): Obj => obj("networking.mesh.gloo.solo.io/v1", kind, name, "gloo-mesh", "mgmt", spec);
const reviewsFromClient = () => ({
  destinationSelector: [{ kubeServiceMatcher: { labels: { app: "reviews" }, namespaces: ["app"], clusters: ["cluster-1"] } }],
  sourceSelector: [{ kubeWorkloadMatcher: { labels: { app: "client" }, namespaces: ["client"] } }],
  httpRequestMatchers: [{ uri: { prefix: "/v2" } }, { headers: [{ name: "x-canary", value: "true" }] }],
});

/** The petstore Service of the Gloo Mesh v1 docs' TrafficPolicy example, in namespace default of cluster-1. */
function petstore(): Obj[] {
  return [
    obj("v1", "Service", "petstore", "default", "cluster-1", { selector: { app: "petstore" }, ports: [{ name: "http", port: 8080, targetPort: 8080, protocol: "TCP" }] }, { labels: { app: "petstore" }, annotations: { "example.com/owner": "pets" } }),
    deploy("petstore", "default", "cluster-1", { app: "petstore" }), ns("default", "cluster-1"),
  ];
}

/**
 * Public example (reference §7 item 5, jameshbarton/acme README): a gateway-bound RouteTable with 70/30
 * subsets on a single cluster `gloo` that is the management cluster too.
 */
function acme(): Obj[] {
  const ingress = { app: "istio-ingressgateway", istio: "ingressgateway" };
  const acme2 = (version: string, weight: number) => ({ ref: { name: "acme2management", namespace: "acme2-istio-test" }, subset: { version }, weight });
  return [
    obj(ADMIN, "KubernetesCluster", "gloo", "gloo-mesh", "gloo", {}),
    obj(ADMIN, "Workspace", "ops-team", "gloo-mesh", "gloo", { workloadClusters: [{ name: "gloo", namespaces: [{ name: "ops-team" }, { name: "istio-gateways" }] }] }),
    obj(ADMIN, "Workspace", "acme2-team", "gloo-mesh", "gloo", { workloadClusters: [{ name: "gloo", namespaces: [{ name: "acme2-istio-test" }] }] }),
    obj(ADMIN, "WorkspaceSettings", "ops-team", "ops-team", "gloo", { importFrom: [{ workspaces: [{ name: "acme2-team" }] }] }),
    obj(ADMIN, "WorkspaceSettings", "acme2-team", "acme2-istio-test", "gloo", { exportTo: [{ workspaces: [{ name: "ops-team" }] }] }),
    obj(RT, "VirtualGateway", "acme-gateway", "ops-team", "gloo", { workloads: [{ selector: { labels: { istio: "ingressgateway" }, cluster: "gloo" } }], listeners: [{ http: {}, port: { number: 80 }, allowedRouteTables: [{ host: "*" }] }] }),
    obj(RT, "RouteTable", "acme2management", "acme2-istio-test", "gloo", { hosts: ["acme2management.btcloudentitypoc.net"], virtualGateways: [{ name: "acme-gateway", namespace: "ops-team" }], workloadSelectors: [], http: [{
      name: "acme2management-routes", labels: { policy: "timeout-10s" }, matchers: [{ uri: { prefix: "/v1/acme2s" } }, { uri: { prefix: "/v1/somemessage" } }],
      forwardTo: { destinations: [acme2("primary", 70), acme2("canary", 30)] } }] }),
    ns("ops-team", "gloo"), ns("istio-gateways", "gloo"), ns("acme2-istio-test", "gloo"), ns("gloo-mesh", "gloo"),
    ...mesh("gloo", "cluster.local").slice(0, 2),
    deploy("istio-ingressgateway", "istio-gateways", "gloo", { ...ingress }),
    svc("istio-ingressgateway", "istio-gateways", "gloo", { ...ingress }, [http(80, "http2", 8080)], { labels: { istio: "ingressgateway" } }),
    deploy("acme2management-primary", "acme2-istio-test", "gloo", { app: "acme2management", version: "primary" }, "acme2management"),
    deploy("acme2management-canary", "acme2-istio-test", "gloo", { app: "acme2management", version: "canary" }, "acme2management"),
    svc("acme2management", "acme2-istio-test", "gloo", { app: "acme2management" }, [http(8080)]),
  ];
}

/** Gloo Mesh v1 APIs and the public acme example. */
export const v1Features: Feature[] = [{
  name: "v1-traffic-policy",
  comment: "Gloo Mesh v1 TrafficPolicy -> VirtualService and DestinationRule named after the Service (reference §7 item 1, the petstore timeout/retries example, here with the per-port matches the 2021-2022 code adds), source x request matchers, traffic shift with subset, field-ownership conflict, missing Destination ref.",
  objects: [...base(), ...petstore(),
    v1("TrafficPolicy", "petstore", { destinationSelector: [{ kubeServiceRefs: { services: [{ name: "petstore", namespace: "default", clusterName: "cluster-1" }] } }], policy: { requestTimeout: "0.1s", retries: { attempts: 5, perTryTimeout: "0.005s" } } }),
    v1("TrafficPolicy", "reviews-shift", { ...reviewsFromClient(), policy: { trafficShift: { destinations: [{ kubeService: { name: "reviews", namespace: "app", clusterName: "cluster-1", subset: { version: "v2" } }, weight: 100 }] }, faultInjection: { abort: { httpStatus: 500 }, percentage: 5 }, outlierDetection: { consecutiveErrors: 3 } } }),
    v1("TrafficPolicy", "conflicting", { ...reviewsFromClient(), policy: { faultInjection: { fixedDelay: "1s", percentage: 50 } } }),
    v1("TrafficPolicy", "missing-ref", { destinationSelector: [{ kubeServiceRefs: { services: [{ name: "nope", namespace: "default", clusterName: "cluster-1" }] } }], policy: { requestTimeout: "1s" } }),
  ],
}, {
  name: "v1-access-virtual-mesh",
  comment: "Gloo Mesh v1 AccessPolicy -> AuthorizationPolicy per Destination; VirtualMesh federation (AUTO_PASSTHROUGH Gateway per east-west gateway, remote and local ServiceEntries), globalAccessPolicy ENABLED, a Mesh in two VirtualMeshes, a missing Mesh.",
  objects: [...base(),
    v1("AccessPolicy", "client-to-reviews", { sourceSelector: [{ kubeServiceAccountRefs: { serviceAccounts: [{ name: "client", namespace: "client", clusterName: "cluster-1" }] } }, { kubeIdentityMatcher: { namespaces: ["app"], clusters: ["cluster-2"] } }, { kubeIdentityMatcher: { namespaces: ["client"] } }], destinationSelector: [{ kubeServiceMatcher: { labels: { app: "reviews" } } }], allowedMethods: ["GET"], allowedPorts: [9080] }),
    v1("VirtualMesh", "vm", { meshes: [{ name: "istiod-istio-system-cluster-1", namespace: "gloo-mesh" }, { name: "istiod-istio-system-cluster-2", namespace: "gloo-mesh" }], globalAccessPolicy: "ENABLED", federation: { eastWestIngressGatewaySelectors: [{ destinationSelectors: [{ kubeServiceMatcher: { labels: { istio: "eastwestgateway" } } }] }], selectors: [{ destinationSelectors: [{ kubeServiceMatcher: { labels: { app: "ratings" } } }] }] }, mtlsConfig: { shared: { rootCertificateAuthority: { generated: {} } } } }),
    v1("VirtualMesh", "zz-dup", { meshes: [{ name: "istiod-istio-system-cluster-1", namespace: "gloo-mesh" }, { name: "missing-mesh", namespace: "gloo-mesh" }] }),
  ],
}, {
  name: "public-acme-canary",
  comment: "Public example (reference §7 item 5, jameshbarton/acme README, Gloo 2.3.4): RouteTable acme2management with a 70/30 primary/canary split. Expected (published.yaml, checked by demo.test.ts): the DestinationRule in acme2-istio-test with exportTo [.], host acme2management.acme2-istio-test.svc.cluster.local, subsets version-primary and version-canary, parent labels naming the Service. Single cluster `gloo` acts as management cluster too.",
  objects: acme(),
}];
