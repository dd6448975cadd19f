import { ADMIN, base, dest, ns, obj, pol, R, rt, RT, S, type Feature, type Obj } from "./fixtures";

/** base() without the app WorkspaceSettings, for features that replace it. */
const baseWithoutAppSettings = (): Obj[] => base().filter((o) => !(o.kind === "WorkspaceSettings" && o.metadata.name === "app"));
const reviewsVd = () => obj(RT, "VirtualDestination", "reviews-vd", "app-config", "mgmt", { hosts: ["reviews.global"], services: [{ labels: { app: "reviews" } }], ports: [{ number: 9080, protocol: "HTTP" }] }, { labels: { failover: "true" } });
const exportToClientAndGw = () => [{ workspaces: [{ name: "client" }, { name: "gw" }] }];
const onFailoverVd = () => [{ kind: "VIRTUAL_DESTINATION", selector: { labels: { failover: "true" } } }];

/** VirtualDestinations, federation, ExternalServices, AccessPolicies and service isolation. */
export const meshFeatures: Feature[] = [{
  name: "virtual-destination",
  comment: "VirtualDestination -> ServiceEntry (local backing pods), WorkloadEntry (remote backend through the east-west gateway), DestinationRule (ISTIO_MUTUAL + SANs, failover and outlier detection); one with no backing Services; one whose selector matches nothing; a route to the VirtualDestination host.",
  objects: [...base(), reviewsVd(),
    obj(RT, "VirtualDestination", "no-backends", "app-config", "mgmt", { hosts: ["api.internal"], ports: [{ number: 80, protocol: "http" }] }),
    obj(RT, "VirtualDestination", "nothing-matches", "app-config", "mgmt", { hosts: ["none.internal"], services: [{ labels: { app: "none" } }], ports: [{ number: 80, protocol: "HTTP", targetPort: { number: 9080 } }] }),
    pol(R, "FailoverPolicy", "failover", "app-config", { applyToDestinations: onFailoverVd(), config: { localityMappings: [{ from: { region: "region-cluster-1" }, to: [{ region: "region-cluster-2" }] }, { from: { region: "region-cluster-2", zone: "a" }, to: [{ region: "region-cluster-1", zone: "b" }, { region: "region-cluster-1", zone: "c", weight: 30 }] }] } }),
    pol(R, "OutlierDetectionPolicy", "outlier", "app-config", { applyToDestinations: onFailoverVd(), config: { consecutiveErrors: 2, interval: "5s", maxEjectionPercent: 0 } }),
    rt("via-vd", "app-config", { hosts: ["front.app.svc.cluster.local"], workloadSelectors: [{ selector: { labels: { app: "client" } } }], http: [{ name: "vd", forwardTo: { destinations: [{ kind: "VIRTUAL_DESTINATION", ref: { name: "reviews-vd", namespace: "app-config", cluster: "mgmt" }, port: { number: 9080 } }] } }] }),
  ],
}, {
  name: "federation",
  comment: "Workspace federation: <svc>.<ns>.svc.<cluster>.global ServiceEntries (local pods in the Service's cluster, the remote east-west gateway elsewhere) and ISTIO_MUTUAL DestinationRules merged with route subsets; a cross-cluster route without federation replaced by a 500.",
  objects: [...baseWithoutAppSettings(),
    obj(ADMIN, "WorkspaceSettings", "app", "app-config", "mgmt", { exportTo: exportToClientAndGw(), options: { federation: { enabled: true, serviceSelector: [{ labels: { app: "reviews" } }] }, eastWestGateways: [{ selector: { labels: { istio: "eastwestgateway" } } }] } }),
    rt("split", "app-config", { hosts: ["reviews.app.svc.cluster.local"], http: [{ name: "split", forwardTo: { destinations: [dest("reviews", { subset: { version: "v1" }, weight: 50 }), dest("reviews", { cluster: "cluster-2", subset: { version: "v3" }, weight: 50 })] } }] }),
    rt("no-fed", "app-config", { hosts: ["ratings.app.svc.cluster.local"], http: [{ name: "ratings", forwardTo: { destinations: [dest("ratings")] } }] }),
  ],
}, {
  name: "external-service",
  comment: "ExternalService -> ServiceEntry (DNS, NONE for wildcards, STATIC with ExternalEndpoints or addresses) and DestinationRule (TLS origination, outlier detection defaults), used from an importing workspace's route.",
  objects: [...base(),
    obj(RT, "ExternalService", "httpbin", "app-config", "mgmt", { hosts: ["httpbin.org"], ports: [{ name: "https", number: 443, protocol: "HTTPS", clientsideTls: {} }, { number: 80, protocol: "HTTP" }] }, { labels: { ext: "true" } }),
    obj(RT, "ExternalService", "wild", "app-config", "mgmt", { hosts: ["*.example.org"], ports: [{ number: 443, protocol: "TLS", clientsideTls: { mode: "MUTUAL", credentialName: "client-cert", sni: "api.example.org" } }] }),
    obj(RT, "ExternalService", "db", "app-config", "mgmt", { addresses: ["10.1.0.0/16"], selector: { db: "true" }, ports: [{ name: "tcp-db", number: 5432, protocol: "TCP" }] }),
    obj(RT, "ExternalEndpoint", "db-1", "app-config", "mgmt", { address: "10.1.2.3", ports: [{ name: "tcp-db", number: 5432 }], locality: { region: "eu", zone: "eu-1" } }, { labels: { db: "true" } }),
    pol(R, "OutlierDetectionPolicy", "ext-outlier", "app-config", { applyToDestinations: [{ kind: "EXTERNAL_SERVICE", selector: { labels: { ext: "true" } } }], config: {} }),
    rt("egress", "client-config", { hosts: ["httpbin.org"], http: [{ name: "bin", forwardTo: { destinations: [{ kind: "EXTERNAL_SERVICE", ref: { name: "httpbin", namespace: "app-config", cluster: "mgmt" }, port: { number: 443 } }], pathRewrite: "/" } }] }),
  ],
}, {
  name: "access-policy",
  comment: "AccessPolicy -> AuthorizationPolicy per Service port (target port, principals without spiffe://, pre-authorised account, request principals, IP blocks, header conditions, a dry-run policy) and PeerAuthentication; workload selectors (destinations ignored, an empty entry allows nothing).",
  objects: [...base(),
    pol(S, "AccessPolicy", "reviews-access", "app-config", { applyToDestinations: [{ selector: { labels: { app: "reviews" } } }], config: { authn: { tlsMode: "STRICT" }, authzList: [
      { allowedClients: [{ serviceAccountSelector: { name: "client", namespace: "client", cluster: "cluster-1" } }, { serviceAccountSelector: { name: "future", namespace: "client", cluster: "cluster-1" } }], allowedMethods: ["GET"], allowedPaths: ["/reviews*"], match: { request: { headers: { "x-team": { values: ["a"], notValues: ["b"] } } } } },
      { allowedClients: [{ requestIdentityMatcher: { requestPrincipals: ["issuer/sub"] } }], allowedIpBlocks: ["10.0.0.0/8"], dryRun: true },
      { allowedClients: [{ serviceAccountSelector: { labels: { none: "x" } } }] }] } }),
    pol(S, "AccessPolicy", "ratings-workloads", "app-config", { applyToWorkloads: [{ selector: { labels: { app: "ratings" } } }], applyToDestinations: [{ selector: { name: "reviews" } }], config: { authn: { tlsMode: "PERMISSIVE" }, authzList: [{ allowedClients: [{ serviceAccountSelector: { namespace: "client" } }] }, {}] } }),
  ],
}, {
  name: "service-isolation",
  comment: "Service isolation: settings-<svc>-<port>-<workspace> AuthorizationPolicies (own and importers' service accounts) and STRICT PeerAuthentications per Service port, trimProxyConfig Sidecars; an AccessPolicy with workload selectors under isolation INVALID.",
  objects: [...baseWithoutAppSettings(),
    obj(ADMIN, "WorkspaceSettings", "app", "app-config", "mgmt", { exportTo: exportToClientAndGw(), options: { serviceIsolation: { enabled: true, trimProxyConfig: true } } }),
    pol(S, "AccessPolicy", "workloads-under-isolation", "app-config", { applyToWorkloads: [{ selector: { labels: { app: "ratings" } } }], config: { authzList: [{}] } }),
    obj(RT, "VirtualDestination", "reviews-vd", "app-config", "mgmt", { hosts: ["reviews.global"], services: [{ labels: { app: "reviews" } }], ports: [{ number: 9080, protocol: "HTTP" }] }),
  ],
}, {
  name: "hostname-backend",
  comment: "Gateway API HTTPRoute Hostname backendRefs resolve to the VirtualDestination with that host: visible (gw imports app), unknown host, wrong port, and a namespace in no workspace.",
  objects: [...base(), reviewsVd(),
    ns("gateway-ns", "cluster-1"),
    obj("gateway.networking.k8s.io/v1", "HTTPRoute", "to-vd", "istio-gateways", "cluster-1", { parentRefs: [{ name: "gw" }], rules: [{ backendRefs: [hostname("networking.istio.io", "reviews.global", 9080)] }, { backendRefs: [hostname("networking.gloo.solo.io", "unknown.global", 80), hostname("networking.istio.io", "reviews.global", 1)] }] }),
    obj("gateway.networking.k8s.io/v1", "HTTPRoute", "outside", "gateway-ns", "cluster-1", { parentRefs: [{ name: "gw" }], rules: [{ backendRefs: [hostname("networking.istio.io", "reviews.global", 9080)] }] }),
  ],
}, {
  name: "status-unread-config",
  comment: "Statuses: a second WorkspaceSettings INVALID, config outside any workspace and in a namespace that is not config-enabled WARNING, an untranslated policy kind.",
  objects: [...baseWithoutAppSettings(),
    obj(ADMIN, "WorkspaceSettings", "app", "app-config", "mgmt", { exportTo: [{ workspaces: [{ name: "client" }] }] }, { created: "2025-01-01T00:00:00Z" }),
    obj(ADMIN, "WorkspaceSettings", "second", "app-config", "mgmt", {}, { created: "2025-05-01T00:00:00Z" }),
    obj(RT, "RouteTable", "outside", "default", "mgmt", { hosts: ["x.example.com"], http: [{ name: "x", directResponse: { status: 200 } }] }),
    obj(RT, "RouteTable", "not-config", "app", "cluster-1", { hosts: ["y.example.com"], http: [{ name: "y", directResponse: { status: 200 } }] }),
    pol(S, "CSRFPolicy", "untranslated", "app-config", { config: {} }),
  ],
}];

/** A Gateway API Hostname backendRef. */
function hostname(group: string, name: string, port: number) {
  return { group, kind: "Hostname", name, port };
}
