from base import *
S="security.policy.gloo.solo.io"; R="resilience.policy.gloo.solo.io"; T="trafficcontrol.policy.gloo.solo.io"
VG=lambda name, ns, spec: obj(RT,"VirtualGateway",name,ns,"mgmt",spec)
gw_vg = VG("north-south","gw-config",{"workloads":[{"selector":{"labels":{"istio":"ingressgateway"},"cluster":"cluster-1"}}],"listeners":[
  {"port":{"number":80},"http":{},"httpsRedirect":True},
  {"port":{"number":443},"http":{},"tls":{"mode":"SIMPLE","secretName":"www-cert","parameters":{"minimumProtocolVersion":"TLSv1_2"}},"allowedRouteTables":[{"host":"*.example.com"}]}]})
write("virtual-gateway", base()+[gw_vg,
  rt("www","app-config",{"hosts":["www.example.com"],"virtualGateways":[{"name":"north-south","namespace":"gw-config","cluster":"mgmt"}],"workloadSelectors":[],"http":[{"name":"reviews","forwardTo":{"destinations":[dest("reviews")]}}]}),
  rt("other","app-config",{"hosts":["other.test"],"virtualGateways":[{"name":"north-south","namespace":"gw-config","cluster":"mgmt"}],"http":[{"name":"x","directResponse":{"status":200}}]}),
  rt("missing-gw","app-config",{"hosts":["m.example.com"],"virtualGateways":[{"name":"nope","namespace":"gw-config","cluster":"mgmt"}],"http":[{"name":"x","directResponse":{"status":200}}]}),
  VG("no-workloads","gw-config",{"workloads":[{"selector":{"labels":{"istio":"nothing"}}}],"listeners":[{"port":{"number":80},"http":{}}]}),
  VG("bad-port","gw-config",{"workloads":[{"selector":{"labels":{"istio":"ingressgateway"}}}],"listeners":[{"port":{"number":8081},"http":{}}]}),
], "VirtualGateway -> Gateway: listener ports become target ports, one server per bound host, TLS and https redirect; unknown gateway, selector matching nothing, listener port not on the Service.")

write("route-table-mesh", base()+[
  rt("reviews","app-config",{"hosts":["reviews.app.svc.cluster.local"],"http":[
    {"name":"match-all-kinds","matchers":[{"uri":{"exact":"/exact"},"method":"get"},{"uri":{"prefix":"/pre","ignoreCase":True},"headers":[{"name":"x-user","value":"jason"},{"name":"x-debug","invertMatch":True,"value":"1"},{"name":"x-present"}],"queryParameters":[{"name":"q","value":"^a.*","regex":True}]},{"uri":{"regex":"/re.*"},"port":9080},{"uri":{"suffix":".json"}}],
     "forwardTo":{"destinations":[dest("reviews",subset={"version":"v1"},weight=60),dest("reviews",subset={"version":"v2"}),dest("ratings")],"pathRewrite":"/new","hostRewrite":"reviews.internal"}},
    {"name":"regex-rewrite","forwardTo":{"destinations":[dest("reviews")],"regexRewrite":{"pattern":{"regex":"^/v1/(.*)"},"substitution":"/\\1"}}},
    {"name":"dup","forwardTo":{"destinations":[dest("reviews")]}},{"name":"dup","forwardTo":{"destinations":[{"ref":{"name":"reviews","namespace":"app","cluster":"cluster-1"},"port":{"number":1234}}]}}]}),
  rt("selected","app-config",{"hosts":["ratings.app.svc.cluster.local"],"workloadSelectors":[{"selector":{"labels":{"app":"client"}}}],"http":[{"name":"r","forwardTo":{"destinations":[dest("ratings")]}}]}),
  rt("child-only","app-config",{"http":[{"name":"c","forwardTo":{"destinations":[dest("ratings")]}}]}),
], "RouteTable for sidecars -> per-namespace VirtualService copies (owner app and importer client), every matcher kind, weighted subsets with the remainder split, rewrites, duplicate route names, workloadSelectors, an orphan delegated table.")

write("delegation", base()+[gw_vg,
  rt("root","gw-config",{"hosts":["www.example.com"],"virtualGateways":[{"name":"north-south","namespace":"gw-config","cluster":"mgmt"}],"http":[
    {"name":"by-weight","matchers":[{"uri":{"prefix":"/api"}}],"delegate":{"routeTables":[{"labels":{"team":"app"}}]}},
    {"name":"by-specificity","matchers":[{"uri":{"prefix":"/"}}],"delegate":{"routeTables":[{"labels":{"team":"app"}}],"sortMethod":"ROUTE_SPECIFICITY"}}]}),
  rt("child-a","app-config",{"weight":10,"http":[{"name":"a-prefix","matchers":[{"uri":{"prefix":"/api/a"}}],"forwardTo":{"destinations":[dest("reviews")]}},{"name":"a-exact","matchers":[{"uri":{"exact":"/api/a/exact"}}],"directResponse":{"status":204}}]},labels={"team":"app"},created="2025-01-01T00:00:00Z"),
  rt("child-b","app-config",{"weight":20,"http":[{"name":"b-conflict","matchers":[{"uri":{"exact":"/other"}}],"forwardTo":{"destinations":[dest("ratings")]}},{"name":"b-long-prefix","matchers":[{"uri":{"prefix":"/api/bbbbbb"}}],"forwardTo":{"destinations":[dest("ratings")]}}]},labels={"team":"app"},created="2025-01-02T00:00:00Z"),
  pol(R,"RetryTimeoutPolicy","parent-timeout","gw-config",{"applyToRoutes":[{"route":{"labels":{"route":"parent"}}}],"config":{"requestTimeout":"3s"}}),
], "Delegation: TABLE_WEIGHT (heavier table first) and ROUTE_SPECIFICITY (exact, then longer prefixes), child matchers ANDed with the parent's, a child route outside the parent's prefix dropped, delegated route names.")

write("redirect-direct-response", base()+[
  rt("actions","app-config",{"hosts":["actions.example.com"],"workloadSelectors":[{"selector":{"labels":{"app":"client"}}}],"http":[
    {"name":"moved","matchers":[{"uri":{"exact":"/old"}}],"redirect":{"hostRedirect":"new.example.com","pathRedirect":"/new","responseCode":"PERMANENT_REDIRECT"}},
    {"name":"default-code","matchers":[{"uri":{"exact":"/x"}}],"redirect":{"pathRedirect":"/y"}},
    {"name":"ok","matchers":[{"uri":{"exact":"/healthz"}}],"directResponse":{"status":200,"body":"ok"}},
    {"name":"gone","directResponse":{"status":410}},
    {"name":"broken","forwardTo":{"destinations":[dest("nope")]}}]}),
  rt("frozen","app-config",{"hosts":["frozen.example.com"],"failureMode":"FREEZE_CONFIG","http":[{"name":"broken","forwardTo":{"destinations":[dest("reviews",port={"number":1})]}}]}),
  rt("graphql","app-config",{"hosts":["g.example.com"],"http":[{"name":"gql","graphql":{}}]}),
], "Redirects (codes), direct responses, a route to a missing Service replaced by a 500 (ROUTE_REPLACEMENT), a FREEZE_CONFIG table producing nothing, an untranslated graphql route.")

write("route-policies", base()+[
  rt("reviews","app-config",{"hosts":["reviews.app.svc.cluster.local"],"workloadSelectors":[{"selector":{"labels":{"app":"client"}}}],"http":[
    {"name":"main","labels":{"route":"main"},"forwardTo":{"destinations":[dest("reviews",weight=80),dest("ratings",weight=20)]}},
    {"name":"other","labels":{"route":"other"},"forwardTo":{"destinations":[dest("reviews")]}}]}),
  pol(R,"RetryTimeoutPolicy","retry","app-config",{"applyToRoutes":[{"route":{"labels":{"route":"main"}}}],"config":{"requestTimeout":"5s","retries":{"perTryTimeout":"1s","retryOn":"5xx","retryRemoteLocalities":True}}}),
  pol(R,"FaultInjectionPolicy","fault-old","app-config",{"applyToRoutes":[{"route":{"labels":{"route":"main"}}}],"config":{"delay":{"fixedDelay":"2s"},"abort":{"httpStatus":503,"percentage":10}}},created="2025-01-01T00:00:00Z"),
  pol(R,"FaultInjectionPolicy","fault-new","app-config",{"applyToRoutes":[{"route":{"labels":{"route":"main"}}}],"config":{"abort":{"httpStatus":500}}},created="2025-02-01T00:00:00Z"),
  pol(S,"CORSPolicy","cors","app-config",{"applyToRoutes":[{"route":{"labels":{"route":"other"}}}],"config":{"allowOrigins":[{"prefix":"https://"},{"suffix":".example.com"}],"allowMethods":["GET"],"maxAge":"10m","allowCredentials":False}}),
  pol(T,"HeaderManipulationPolicy","headers","app-config",{"applyToRoutes":[{"route":{"labels":{"route":"main"}}}],"config":{"appendRequestHeaders":{"x-a":"1"},"removeRequestHeaders":["x-b"]}}),
  pol(T,"HeaderManipulationPolicy","dest-headers","app-config",{"applyToRouteDestinations":[{"route":{"labels":{"route":"main"}},"onDestinations":[{"selector":{"name":"ratings"}}]}],"config":{"appendResponseHeaders":{"x-from":"ratings"}}}),
  pol(R,"RetryTimeoutPolicy","nothing","app-config",{"applyToRoutes":[{"route":{"labels":{"route":"none"}}}],"config":{"requestTimeout":"1s"}}),
], "Route policies: RetryTimeout (default attempts), FaultInjection (omitted percentage = 100; a newer one on the same route FAILED), CORS (suffix origin as regex), HeaderManipulation on the route and on one route destination, a policy selecting nothing.")

vd = obj(RT,"VirtualDestination","reviews-vd","app-config","mgmt",{"hosts":["reviews.global"],"services":[{"labels":{"app":"reviews"}}],"ports":[{"number":9080,"protocol":"HTTP"}]},labels={"failover":"true"})
write("virtual-destination", base()+[vd,
  obj(RT,"VirtualDestination","no-backends","app-config","mgmt",{"hosts":["api.internal"],"ports":[{"number":80,"protocol":"http"}]}),
  obj(RT,"VirtualDestination","nothing-matches","app-config","mgmt",{"hosts":["none.internal"],"services":[{"labels":{"app":"none"}}],"ports":[{"number":80,"protocol":"HTTP","targetPort":{"number":9080}}]}),
  pol(R,"FailoverPolicy","failover","app-config",{"applyToDestinations":[{"kind":"VIRTUAL_DESTINATION","selector":{"labels":{"failover":"true"}}}],"config":{"localityMappings":[{"from":{"region":"region-cluster-1"},"to":[{"region":"region-cluster-2"}]},{"from":{"region":"region-cluster-2","zone":"a"},"to":[{"region":"region-cluster-1","zone":"b"},{"region":"region-cluster-1","zone":"c","weight":30}]}]}}),
  pol(R,"OutlierDetectionPolicy","outlier","app-config",{"applyToDestinations":[{"kind":"VIRTUAL_DESTINATION","selector":{"labels":{"failover":"true"}}}],"config":{"consecutiveErrors":2,"interval":"5s","maxEjectionPercent":0}}),
  rt("via-vd","app-config",{"hosts":["front.app.svc.cluster.local"],"workloadSelectors":[{"selector":{"labels":{"app":"client"}}}],"http":[{"name":"vd","forwardTo":{"destinations":[{"kind":"VIRTUAL_DESTINATION","ref":{"name":"reviews-vd","namespace":"app-config","cluster":"mgmt"},"port":{"number":9080}}]}}]}),
], "VirtualDestination -> ServiceEntry (local backing pods), WorkloadEntry (remote backend through the east-west gateway), DestinationRule (ISTIO_MUTUAL + SANs, failover and outlier detection); one with no backing Services; one whose selector matches nothing; a route to the VirtualDestination host.")

fedset = obj("admin.gloo.solo.io/v2","WorkspaceSettings","app","app-config","mgmt",{"exportTo":[{"workspaces":[{"name":"client"},{"name":"gw"}]}],"options":{"federation":{"enabled":True,"serviceSelector":[{"labels":{"app":"reviews"}}]},"eastWestGateways":[{"selector":{"labels":{"istio":"eastwestgateway"}}}]}})
b = [o for o in base() if not (o["kind"]=="WorkspaceSettings" and o["metadata"]["name"]=="app")]
write("federation", b+[fedset,
  rt("split","app-config",{"hosts":["reviews.app.svc.cluster.local"],"http":[{"name":"split","forwardTo":{"destinations":[dest("reviews",subset={"version":"v1"},weight=50),dest("reviews",cluster="cluster-2",subset={"version":"v3"},weight=50)]}}]}),
  rt("no-fed","app-config",{"hosts":["ratings.app.svc.cluster.local"],"http":[{"name":"ratings","forwardTo":{"destinations":[dest("ratings")]}}]}),
], "Workspace federation: <svc>.<ns>.svc.<cluster>.global ServiceEntries (local pods in the Service's cluster, the remote east-west gateway elsewhere) and ISTIO_MUTUAL DestinationRules merged with route subsets; a cross-cluster route without federation replaced by a 500.")

write("external-service", base()+[
  obj(RT,"ExternalService","httpbin","app-config","mgmt",{"hosts":["httpbin.org"],"ports":[{"name":"https","number":443,"protocol":"HTTPS","clientsideTls":{}},{"number":80,"protocol":"HTTP"}]},labels={"ext":"true"}),
  obj(RT,"ExternalService","wild","app-config","mgmt",{"hosts":["*.example.org"],"ports":[{"number":443,"protocol":"TLS","clientsideTls":{"mode":"MUTUAL","credentialName":"client-cert","sni":"api.example.org"}}]}),
  obj(RT,"ExternalService","db","app-config","mgmt",{"addresses":["10.1.0.0/16"],"selector":{"db":"true"},"ports":[{"name":"tcp-db","number":5432,"protocol":"TCP"}]}),
  obj(RT,"ExternalEndpoint","db-1","app-config","mgmt",{"address":"10.1.2.3","ports":[{"name":"tcp-db","number":5432}],"locality":{"region":"eu","zone":"eu-1"}},labels={"db":"true"}),
  pol(R,"OutlierDetectionPolicy","ext-outlier","app-config",{"applyToDestinations":[{"kind":"EXTERNAL_SERVICE","selector":{"labels":{"ext":"true"}}}],"config":{}}),
  rt("egress","client-config",{"hosts":["httpbin.org"],"http":[{"name":"bin","forwardTo":{"destinations":[{"kind":"EXTERNAL_SERVICE","ref":{"name":"httpbin","namespace":"app-config","cluster":"mgmt"},"port":{"number":443}}],"pathRewrite":"/"}}]}),
], "ExternalService -> ServiceEntry (DNS, NONE for wildcards, STATIC with ExternalEndpoints or addresses) and DestinationRule (TLS origination, outlier detection defaults), used from an importing workspace's route.")

write("access-policy", base()+[
  pol(S,"AccessPolicy","reviews-access","app-config",{"applyToDestinations":[{"selector":{"labels":{"app":"reviews"}}}],"config":{"authn":{"tlsMode":"STRICT"},"authzList":[
    {"allowedClients":[{"serviceAccountSelector":{"name":"client","namespace":"client","cluster":"cluster-1"}},{"serviceAccountSelector":{"name":"future","namespace":"client","cluster":"cluster-1"}}],"allowedMethods":["GET"],"allowedPaths":["/reviews*"],"match":{"request":{"headers":{"x-team":{"values":["a"],"notValues":["b"]}}}}},
    {"allowedClients":[{"requestIdentityMatcher":{"requestPrincipals":["issuer/sub"]}}],"allowedIpBlocks":["10.0.0.0/8"],"dryRun":True},
    {"allowedClients":[{"serviceAccountSelector":{"labels":{"none":"x"}}}]}]}}),
  pol(S,"AccessPolicy","ratings-workloads","app-config",{"applyToWorkloads":[{"selector":{"labels":{"app":"ratings"}}}],"applyToDestinations":[{"selector":{"name":"reviews"}}],"config":{"authn":{"tlsMode":"PERMISSIVE"},"authzList":[{"allowedClients":[{"serviceAccountSelector":{"namespace":"client"}}]},{}]}}),
], "AccessPolicy -> AuthorizationPolicy per Service port (target port, principals without spiffe://, pre-authorised account, request principals, IP blocks, header conditions, a dry-run policy) and PeerAuthentication; workload selectors (destinations ignored, an empty entry allows nothing).")

isoset = obj("admin.gloo.solo.io/v2","WorkspaceSettings","app","app-config","mgmt",{"exportTo":[{"workspaces":[{"name":"client"},{"name":"gw"}]}],"options":{"serviceIsolation":{"enabled":True,"trimProxyConfig":True}}})
write("service-isolation", b+[isoset,
  pol(S,"AccessPolicy","workloads-under-isolation","app-config",{"applyToWorkloads":[{"selector":{"labels":{"app":"ratings"}}}],"config":{"authzList":[{}]}}),
  obj(RT,"VirtualDestination","reviews-vd","app-config","mgmt",{"hosts":["reviews.global"],"services":[{"labels":{"app":"reviews"}}],"ports":[{"number":9080,"protocol":"HTTP"}]}),
], "Service isolation: settings-<svc>-<port>-<workspace> AuthorizationPolicies (own and importers' service accounts) and STRICT PeerAuthentications per Service port, trimProxyConfig Sidecars; an AccessPolicy with workload selectors under isolation INVALID.")

def v1(kind, name, spec): return obj("networking.mesh.gloo.solo.io/v1",kind,name,"gloo-mesh","mgmt",spec)
pet = base()+[obj("v1","Service","petstore","default","cluster-1",{"selector":{"app":"petstore"},"ports":[{"name":"http","port":8080,"targetPort":8080,"protocol":"TCP"}]},labels={"app":"petstore"},annotations={"example.com/owner":"pets"}), deploy("petstore","default","cluster-1",{"app":"petstore"}), ns("default","cluster-1")]
write("v1-traffic-policy", pet+[
  v1("TrafficPolicy","petstore",{"destinationSelector":[{"kubeServiceRefs":{"services":[{"name":"petstore","namespace":"default","clusterName":"cluster-1"}]}}],"policy":{"requestTimeout":"0.1s","retries":{"attempts":5,"perTryTimeout":"0.005s"}}}),
  v1("TrafficPolicy","reviews-shift",{"destinationSelector":[{"kubeServiceMatcher":{"labels":{"app":"reviews"},"namespaces":["app"],"clusters":["cluster-1"]}}],"sourceSelector":[{"kubeWorkloadMatcher":{"labels":{"app":"client"},"namespaces":["client"]}}],"httpRequestMatchers":[{"uri":{"prefix":"/v2"}},{"headers":[{"name":"x-canary","value":"true"}]}],"policy":{"trafficShift":{"destinations":[{"kubeService":{"name":"reviews","namespace":"app","clusterName":"cluster-1","subset":{"version":"v2"}},"weight":100}]},"faultInjection":{"abort":{"httpStatus":500},"percentage":5},"outlierDetection":{"consecutiveErrors":3}}}),
  v1("TrafficPolicy","conflicting",{"destinationSelector":[{"kubeServiceMatcher":{"labels":{"app":"reviews"},"namespaces":["app"],"clusters":["cluster-1"]}}],"sourceSelector":[{"kubeWorkloadMatcher":{"labels":{"app":"client"},"namespaces":["client"]}}],"httpRequestMatchers":[{"uri":{"prefix":"/v2"}},{"headers":[{"name":"x-canary","value":"true"}]}],"policy":{"faultInjection":{"fixedDelay":"1s","percentage":50}}}),
  v1("TrafficPolicy","missing-ref",{"destinationSelector":[{"kubeServiceRefs":{"services":[{"name":"nope","namespace":"default","clusterName":"cluster-1"}]}}],"policy":{"requestTimeout":"1s"}}),
], "Gloo Mesh v1 TrafficPolicy -> VirtualService and DestinationRule named after the Service (reference §7 item 1, the petstore timeout/retries example, here with the per-port matches the 2021-2022 code adds), source x request matchers, traffic shift with subset, field-ownership conflict, missing Destination ref.")

write("v1-access-virtual-mesh", base()+[
  v1("AccessPolicy","client-to-reviews",{"sourceSelector":[{"kubeServiceAccountRefs":{"serviceAccounts":[{"name":"client","namespace":"client","clusterName":"cluster-1"}]}},{"kubeIdentityMatcher":{"namespaces":["app"],"clusters":["cluster-2"]}},{"kubeIdentityMatcher":{"namespaces":["client"]}}],"destinationSelector":[{"kubeServiceMatcher":{"labels":{"app":"reviews"}}}],"allowedMethods":["GET"],"allowedPorts":[9080]}),
  v1("VirtualMesh","vm",{"meshes":[{"name":"istiod-istio-system-cluster-1","namespace":"gloo-mesh"},{"name":"istiod-istio-system-cluster-2","namespace":"gloo-mesh"}],"globalAccessPolicy":"ENABLED","federation":{"eastWestIngressGatewaySelectors":[{"destinationSelectors":[{"kubeServiceMatcher":{"labels":{"istio":"eastwestgateway"}}}]}],"selectors":[{"destinationSelectors":[{"kubeServiceMatcher":{"labels":{"app":"ratings"}}}]}]},"mtlsConfig":{"shared":{"rootCertificateAuthority":{"generated":{}}}}}),
  v1("VirtualMesh","zz-dup",{"meshes":[{"name":"istiod-istio-system-cluster-1","namespace":"gloo-mesh"},{"name":"missing-mesh","namespace":"gloo-mesh"}]}),
], "Gloo Mesh v1 AccessPolicy -> AuthorizationPolicy per Destination; VirtualMesh federation (AUTO_PASSTHROUGH Gateway per east-west gateway, remote and local ServiceEntries), globalAccessPolicy ENABLED, a Mesh in two VirtualMeshes, a missing Mesh.")

write("hostname-backend", base()+[vd,
  ns("gateway-ns","cluster-1"),
  obj("gateway.networking.k8s.io/v1","HTTPRoute","to-vd","istio-gateways","cluster-1",{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"group":"networking.istio.io","kind":"Hostname","name":"reviews.global","port":9080}]},{"backendRefs":[{"group":"networking.gloo.solo.io","kind":"Hostname","name":"unknown.global","port":80},{"group":"networking.istio.io","kind":"Hostname","name":"reviews.global","port":1}]}]}),
  obj("gateway.networking.k8s.io/v1","HTTPRoute","outside","gateway-ns","cluster-1",{"parentRefs":[{"name":"gw"}],"rules":[{"backendRefs":[{"group":"networking.istio.io","kind":"Hostname","name":"reviews.global","port":9080}]}]}),
], "Gateway API HTTPRoute Hostname backendRefs resolve to the VirtualDestination with that host: visible (gw imports app), unknown host, wrong port, and a namespace in no workspace.")

dup_settings = obj("admin.gloo.solo.io/v2","WorkspaceSettings","second","app-config","mgmt",{},created="2025-05-01T00:00:00Z")
first_settings = [o for o in b]
write("status-unread-config", b+[
  obj("admin.gloo.solo.io/v2","WorkspaceSettings","app","app-config","mgmt",{"exportTo":[{"workspaces":[{"name":"client"}]}]},created="2025-01-01T00:00:00Z"), dup_settings,
  obj(RT,"RouteTable","outside","default","mgmt",{"hosts":["x.example.com"],"http":[{"name":"x","directResponse":{"status":200}}]}),
  obj(RT,"RouteTable","not-config","app","cluster-1",{"hosts":["y.example.com"],"http":[{"name":"y","directResponse":{"status":200}}]}),
  pol(S,"CSRFPolicy","untranslated","app-config",{"config":{}}),
], "Statuses: a second WorkspaceSettings INVALID, config outside any workspace and in a namespace that is not config-enabled WARNING, an untranslated policy kind.")

# Public example (reference §7 item 5, jameshbarton/acme README): gateway-bound RouteTable with 70/30 subsets.
acme = [obj("admin.gloo.solo.io/v2","KubernetesCluster","gloo","gloo-mesh","gloo",{}),
  obj("admin.gloo.solo.io/v2","Workspace","ops-team","gloo-mesh","gloo",{"workloadClusters":[{"name":"gloo","namespaces":[{"name":"ops-team"},{"name":"istio-gateways"}]}]}),
  obj("admin.gloo.solo.io/v2","Workspace","acme2-team","gloo-mesh","gloo",{"workloadClusters":[{"name":"gloo","namespaces":[{"name":"acme2-istio-test"}]}]}),
  obj("admin.gloo.solo.io/v2","WorkspaceSettings","ops-team","ops-team","gloo",{"importFrom":[{"workspaces":[{"name":"acme2-team"}]}]}),
  obj("admin.gloo.solo.io/v2","WorkspaceSettings","acme2-team","acme2-istio-test","gloo",{"exportTo":[{"workspaces":[{"name":"ops-team"}]}]}),
  obj(RT,"VirtualGateway","acme-gateway","ops-team","gloo",{"workloads":[{"selector":{"labels":{"istio":"ingressgateway"},"cluster":"gloo"}}],"listeners":[{"http":{},"port":{"number":80},"allowedRouteTables":[{"host":"*"}]}]}),
  obj(RT,"RouteTable","acme2management","acme2-istio-test","gloo",{"hosts":["acme2management.btcloudentitypoc.net"],"virtualGateways":[{"name":"acme-gateway","namespace":"ops-team"}],"workloadSelectors":[],"http":[{"name":"acme2management-routes","labels":{"policy":"timeout-10s"},"matchers":[{"uri":{"prefix":"/v1/acme2s"}},{"uri":{"prefix":"/v1/somemessage"}}],"forwardTo":{"destinations":[{"ref":{"name":"acme2management","namespace":"acme2-istio-test"},"subset":{"version":"primary"},"weight":70},{"ref":{"name":"acme2management","namespace":"acme2-istio-test"},"subset":{"version":"canary"},"weight":30}]}}]}),
  ns("ops-team","gloo"), ns("istio-gateways","gloo"), ns("acme2-istio-test","gloo"), ns("gloo-mesh","gloo")] + mesh("gloo","cluster.local")[:2] + [
  deploy("istio-ingressgateway","istio-gateways","gloo",{"app":"istio-ingressgateway","istio":"ingressgateway"}),
  svc("istio-ingressgateway","istio-gateways","gloo",{"app":"istio-ingressgateway","istio":"ingressgateway"},[http(80,"http2",8080)],labels={"istio":"ingressgateway"}),
  deploy("acme2management-primary","acme2-istio-test","gloo",{"app":"acme2management","version":"primary"},"acme2management"),
  deploy("acme2management-canary","acme2-istio-test","gloo",{"app":"acme2management","version":"canary"},"acme2management"),
  svc("acme2management","acme2-istio-test","gloo",{"app":"acme2management"},[http(8080)])]
for o in acme:
    o["metadata"].setdefault("annotations",{})[C]="gloo"
write("public-acme-canary", acme, "Public example (reference §7 item 5, jameshbarton/acme README, Gloo 2.3.4): RouteTable acme2management with a 70/30 primary/canary split. Expected (golden.expected.yaml): the DestinationRule in acme2-istio-test with exportTo [.], host acme2management.acme2-istio-test.svc.cluster.local, subsets version-primary and version-canary, parent labels naming the Service. Single cluster `gloo` acts as management cluster too.")
