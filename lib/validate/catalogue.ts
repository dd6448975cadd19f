import type { DiscoveryCode } from "../discovery/types";
import type { TranslationIssueKey } from "../translate/types";
import type { FindingCode } from "../workspaces/findings";
import { GATEWAY_CATALOGUE, GATEWAY_CODE_MAP } from "./gateway-codes";
import type { CatalogueEntry, DiagnosticSeverity } from "./types";

/**
 * Meshpane's one catalogue of semantic checks. Codes are `MP` + four digits and never change meaning:
 * MP1xxx workspaces and settings, MP2xxx route tables and routes, MP3xxx policies, MP4xxx destinations
 * (VirtualDestinations, ExternalServices, Services), MP5xxx gateways, MP6xxx Istio-level checks on
 * translated and live Istio objects and Services, MP7xxx discovery, MP8xxx drift between translation and
 * live objects, MP9xxx the gateways in front of the mesh (Gateway API, Gloo Gateway, Gloo Edge). Workspace
 * findings, policy-attachment findings, translation issues, discovery diagnostics and gateway findings are
 * mapped onto it (FINDING_CODE_MAP, ISSUE_CODE_MAP, DISCOVERY_CODE_MAP, GATEWAY_CODE_MAP), so there is one list.
 */

const e = (code: string, severity: DiagnosticSeverity, title: string, explanation: string, example: string): CatalogueEntry => ({ code, severity, title, explanation, example });

/** The mesh codes (MP1xxx–MP8xxx), in code order; each has a firing case in codes.test.ts. */
export const MESH_CATALOGUE: readonly CatalogueEntry[] = [
  e("MP1001", "error", "Duplicate workspace name", "Workspace names must be unique across management clusters; the first (by cluster, namespace) is used.", "Two Workspaces named team-a in gloo-mesh and gloo-mesh-2."),
  e("MP1002", "error", "Cluster entry without namespaces", "Every workloadClusters entry must select at least one namespace.", "workloadClusters: [{name: cluster-1}]"),
  e("MP1003", "error", "configEnabled set on some siblings only", "Once configEnabled is set on one cluster (or namespace) entry it must be set on all siblings.", "configEnabled: true on mgmt, unset on cluster-*."),
  e("MP1004", "info", "Cluster entry selects nothing", "A workloadClusters entry should match at least one namespace of a registered cluster.", "namespaces: [{name: web-*}] with no web-* namespace."),
  e("MP1005", "error", "Namespace claimed by two workspaces", "A namespace must belong to one workspace only; Meshpane assigns a contested one to none.", "Workspaces a and b both select cluster-1/shared."),
  e("MP1006", "warning", "Workspace without settings", "Every workspace must have one WorkspaceSettings in a config-enabled namespace, else it imports and exports nothing.", "Workspace team-b with no WorkspaceSettings."),
  e("MP1007", "error", "More than one WorkspaceSettings", "A workspace must have exactly one WorkspaceSettings; the oldest is used.", "Two WorkspaceSettings in team-a-config."),
  e("MP1008", "warning", "WorkspaceSettings outside its workspace", "A WorkspaceSettings must live in a config-enabled namespace of its workspace.", "WorkspaceSettings in a namespace no workspace owns."),
  e("MP1009", "info", "Global settings with import/export", "The global WorkspaceSettings should carry options only.", "global WorkspaceSettings with exportTo."),
  e("MP1010", "warning", "Config in a namespace that is not config-enabled", "Gloo config must live in a config-enabled namespace of its workspace, or Gloo ignores it.", "RouteTable in cluster-1/app where configEnabled is false."),
  e("MP1011", "warning", "Config outside every workspace", "Gloo config must live in a namespace exactly one workspace owns, or Gloo ignores it.", "RouteTable in default, which no workspace selects."),
  e("MP1012", "warning", "Export nobody imports", "An exportTo entry should let at least one object through: some selected workspace must import it.", "exportTo: [{workspaces: [{name: b}]}] while b imports nothing from a."),
  e("MP1013", "warning", "Import that brings nothing", "An importFrom entry should bring at least one object: the selected workspace must export to it.", "importFrom a, while a exports only to c."),
  e("MP1014", "warning", "Admin object outside the management cluster", "Workspaces and KubernetesClusters must live in the admin namespace of a management cluster.", "Workspace in a workload cluster."),
  e("MP2001", "error", "Route destination not visible", "A route must forward to a destination its workspace owns or imports (export and import both agree).", "web-team route to Service details that bookinfo-backends does not export to web-team."),
  e("MP2002", "error", "Route destination not found", "A route must forward to a destination that exists.", "forwardTo Service reviewz."),
  e("MP2003", "warning", "Delegation selects no table", "A delegate action should select at least one route table its workspace owns or imports.", "delegate.routeTables: [{labels: {expose: yes}}] matching nothing."),
  e("MP2004", "error", "Cross-cluster destination without federation", "A destination in another cluster must be reached through workspace federation or a VirtualDestination.", "forwardTo Service reviews in cluster-2 from clients in cluster-1, federation off."),
  e("MP2005", "error", "Route destination port", "A route destination must name a port when the target has several, and the port must exist on it.", "forwardTo reviews port 1234, which reviews does not expose."),
  e("MP2006", "error", "Subset matches no workload", "A route destination subset must match the labels of at least one workload behind the Service.", "subset {version: v9} on reviews."),
  e("MP2007", "error", "VirtualGateway missing or not allowed", "A RouteTable must bind to an existing VirtualGateway whose workspace owns or imports the table.", "virtualGateways: [{name: nope}]"),
  e("MP2008", "error", "Host not allowed by the listener", "A gateway-bound RouteTable must have a host some listener's allowedRouteTables admits.", "host shop.test on a listener allowing *.example.com."),
  e("MP2009", "warning", "Duplicate host", "Two root RouteTables should not claim the same host on the same VirtualGateway or for the same sidecars.", "Two RouteTables for www.example.com on north-south-gw."),
  e("MP2010", "warning", "Duplicate route name", "Route names must be unique within a RouteTable; duplicates are renamed.", "Two routes named api."),
  e("MP2011", "warning", "Delegated route outside its parent", "A delegated route's matchers must fall within the delegating route's; otherwise it is dropped.", "Parent prefix /api, child exact /other."),
  e("MP2012", "warning", "Route not translated", "Routes should use actions and destinations Meshpane translates (forwardTo to refs, delegate, redirect, directResponse).", "A graphql route or an AWS Lambda destination."),
  e("MP2013", "error", "Delegation cycle", "Delegation must not come back to a table already on the path.", "Table a delegates to b, b delegates to a."),
  e("MP3001", "warning", "Policy selects nothing", "A policy's selectors must match at least one route, destination or workload of its workspace.", "applyToRoutes labels route.example.com/name: checkout with no such route."),
  e("MP3002", "warning", "Policy conflict", "A target must carry only one policy of a one-per-target kind (RetryTimeout, FaultInjection, CORS, Failover, OutlierDetection); the oldest wins and the others are skipped there.", "Two RetryTimeoutPolicies on one route."),
  e("MP3003", "info", "Policy selector ignored", "An AccessPolicy should set only one of applyToWorkloads and applyToDestinations.", "Both set: destinations are ignored."),
  e("MP3004", "warning", "Unsupported destination kind", "A policy must select destination kinds it supports.", "OutlierDetectionPolicy selecting a Service."),
  e("MP3005", "error", "Workload AccessPolicy under service isolation", "With service isolation on, AccessPolicies must select destinations, not workloads.", "applyToWorkloads in an isolated workspace."),
  e("MP3006", "warning", "Failover without outlier detection", "A destination with a FailoverPolicy needs an OutlierDetectionPolicy too: Istio fails over only when endpoints are ejected.", "FailoverPolicy on reviews-vd and no OutlierDetectionPolicy."),
  e("MP3007", "warning", "Client selector matches no service account", "An allowedClients service-account selector should match at least one service account.", "serviceAccountSelector labels {team: none}."),
  e("MP3008", "error", "Mesh in two VirtualMeshes", "A Mesh must be grouped in at most one Gloo Mesh v1 VirtualMesh; the later VirtualMesh is invalid.", "VirtualMeshes vm-a and vm-b both list istiod-istio-system-cluster-1."),
  e("MP3009", "error", "Trust domain not found", "A v1 AccessPolicy identity in a cluster needs that cluster's mesh trust domain.", "kubeIdentityMatcher clusters [cluster-9] without a mesh."),
  e("MP4001", "error", "Host collision", "A VirtualDestination host must not equal another VirtualDestination, ExternalService or Service host visible in the same workspace.", "Two VirtualDestinations with host reviews.global."),
  e("MP4002", "warning", "Several Services per cluster", "A VirtualDestination must select at most one Service per cluster; the oldest is used.", "services [{labels: {app: reviews}}] matching reviews and reviews-canary."),
  e("MP4003", "warning", "Backing Services differ across clusters", "The Services behind one VirtualDestination should have the same ports and selector in every cluster.", "reviews port 9080 in cluster-1, 8080 in cluster-2."),
  e("MP4004", "warning", "VirtualDestination without backends", "A VirtualDestination's services selector should match at least one Service its workspace can see.", "services [{labels: {app: none}}]."),
  e("MP4005", "error", "Target port not on backing Service", "A VirtualDestination targetPort must exist on every backing Service.", "targetPort 8080 on Services that expose 9080."),
  e("MP4006", "warning", "No east-west gateway", "Remote backends need an east-west gateway the workspace selects in their cluster.", "reviews in cluster-2 and no istio: eastwestgateway Service there."),
  e("MP4007", "info", "Backends not translated", "VirtualDestination backends must be Services for Meshpane to preview them; ExternalService and ExternalWorkload backends are not translated.", "externalServices: [{name: legacy}]."),
  e("MP5001", "warning", "VirtualGateway selects no gateway", "A VirtualGateway must select at least one gateway Service its workspace can see in a cluster with a mesh.", "workloads [{selector: {labels: {istio: nothing}}}]."),
  e("MP5002", "error", "Listener port not on the gateway", "A listener must name a port of the selected gateway Service.", "listener port 8081 on istio-ingressgateway."),
  e("MP5003", "error", "Named target port", "A gateway Service port used by a listener must have a numeric targetPort.", "targetPort: http2."),
  e("MP5004", "error", "Hostname backend unresolved", "An HTTPRoute Hostname backendRef must name the host and a port of a VirtualDestination visible to the route's namespace.", "backendRef kind Hostname name unknown.global."),
  e("MP6001", "error", "Route host not found", "A VirtualService route destination host must be in the cluster's registry (a Service, or a ServiceEntry host).", "destination host ratingz.app.svc.cluster.local."),
  e("MP6002", "error", "Subset not found", "A route destination subset must be defined by a DestinationRule for that host.", "subset version-v4 with no such subset."),
  e("MP6003", "error", "DestinationRule host not found", "A DestinationRule host must be in the cluster's registry.", "host reviews.global with no ServiceEntry."),
  e("MP6004", "error", "Subset labels match no workload", "A DestinationRule subset's labels must match at least one endpoint of the host.", "subset labels {version: v9}."),
  e("MP6005", "warning", "Duplicate VirtualService host", "Two VirtualServices visible to the same clients should not claim the same host on the same gateway.", "Two mesh VirtualServices for reviews in one namespace."),
  e("MP6006", "warning", "Duplicate ServiceEntry host and port", "Two ServiceEntries visible in one namespace should not declare the same host and port.", "Two ServiceEntries for httpbin.org:443."),
  e("MP6007", "warning", "Duplicate DestinationRule subset", "Only one DestinationRule per namespace should define a subset of a host.", "Two DestinationRules with subset version-v1 for reviews."),
  e("MP6008", "warning", "Selector matches no workload", "The workload selector of an AuthorizationPolicy, PeerAuthentication, Sidecar or Gateway should match at least one workload.", "selector.matchLabels {app: ghost}."),
  e("MP6009", "warning", "Port name breaks Istio's convention", "A Service port name must be <protocol>[-suffix] (http, http2, https, grpc, tcp, tls, …) or set appProtocol; otherwise Istio sniffs the protocol.", "port name web-api without appProtocol."),
  e("MP6010", "error", "Gateway not found", "A VirtualService must name Gateways that exist.", "gateways: [missing-gw]."),
  e("MP7001", "info", "Mesh image without version", "An istiod image must carry a tag or digest for the Mesh to be discovered.", "image: istio/pilot"),
  e("MP7002", "info", "Not an istiod image", "A Deployment named istiod* must run an istio pilot image to be a Mesh.", "istiod running nginx."),
  e("MP7003", "warning", "Mesh ConfigMap missing", "An istiod needs its istio[-revision] ConfigMap.", "istiod-1-22 without ConfigMap istio-1-22."),
  e("MP7004", "warning", "Mesh config key missing", "The mesh ConfigMap must have a mesh key.", "ConfigMap istio without data.mesh."),
  e("MP7005", "warning", "Mesh config unreadable", "The mesh config must parse as YAML.", "data.mesh: '{'"),
  e("MP7006", "info", "Second mesh in a cluster", "A cluster should run one Istio mesh: workloads are attributed to the first one only.", "Two istiod revisions in one cluster."),
  e("MP7007", "warning", "Injector config unreadable", "The sidecar injector config must parse.", "istio-sidecar-injector data.config: '{'"),
  e("MP7008", "info", "Ingress gateway skipped", "A deprecated ingress gateway entry needs a TLS port and an address.", "Gateway Service without a tls port."),
  e("MP7009", "info", "Annotated Service without a mesh", "A Service annotated for discovery needs a mesh in its cluster.", "discovery.mesh.gloo.solo.io/enabled on a cluster without istiod."),
  e("MP7010", "info", "Service without mesh workload", "A Service must be backed by a mesh workload to be a mesh destination.", "Service selecting pods without sidecars."),
  e("MP7011", "info", "Endpoints missing", "A destination's Endpoints object should exist.", "Service without Endpoints."),
  e("MP8001", "warning", "Generated object differs", "A generated Istio object must equal what the translator produces now; someone edited it or the inputs changed since.", "VirtualService routetable-… with a hand-edited timeout."),
  e("MP8002", "info", "Generated object missing", "Every translated object should exist in its cluster once Gloo writes there.", "The ServiceEntry of a new VirtualDestination not written yet."),
  e("MP8003", "warning", "Orphaned generated object", "A live object carrying Gloo parent labels must come from a current input.", "A VirtualService whose RouteTable was deleted."),
];

/** Every code, in code order: the mesh codes, then the gateway codes (lib/gateways tests each of those). */
export const CATALOGUE: readonly CatalogueEntry[] = [...MESH_CATALOGUE, ...GATEWAY_CATALOGUE];

const byCode = new Map(CATALOGUE.map((c) => [c.code, c] as const));

/** The catalogue entry of a code. */
export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return byCode.get(code);
}

/** Workspace and policy-attachment finding codes → catalogue codes. */
export const FINDING_CODE_MAP: Readonly<Record<FindingCode, string>> = {
  WS_DUPLICATE_NAME: "MP1001", WS_CLUSTER_NO_NAMESPACES: "MP1002", WS_CONFIG_ENABLED_INCONSISTENT: "MP1003", WS_ENTRY_UNMATCHED: "MP1004",
  WS_NAMESPACE_OVERLAP: "MP1005", WS_SETTINGS_MISSING: "MP1006", WS_SETTINGS_DUPLICATE: "MP1007", WS_SETTINGS_OUTSIDE: "MP1008",
  WS_GLOBAL_IMPORT_EXPORT: "MP1009", WS_CONFIG_NOT_ENABLED: "MP1010", WS_OBJECT_UNOWNED: "MP1011", WS_EXPORT_UNUSED: "MP1012", WS_IMPORT_EMPTY: "MP1013",
  POLICY_SELECTS_NOTHING: "MP3001", POLICY_CONFLICT: "MP3002", POLICY_SELECTOR_IGNORED: "MP3003", POLICY_TARGET_KIND_UNSUPPORTED: "MP3004",
  ROUTE_DESTINATION_NOT_VISIBLE: "MP2001", ROUTE_DESTINATION_NOT_FOUND: "MP2002", ROUTE_DELEGATE_UNMATCHED: "MP2003",
};

/** Translation issue keys → catalogue codes. */
export const ISSUE_CODE_MAP: Readonly<Record<TranslationIssueKey, string>> = {
  ROUTE_CROSS_CLUSTER: "MP2004", ROUTE_PORT_REQUIRED: "MP2005", ROUTE_PORT_NOT_FOUND: "MP2005", ROUTE_SUBSET_UNSUPPORTED: "MP2012", ROUTE_UNSUPPORTED_ACTION: "MP2012",
  ROUTE_DUPLICATE_NAME: "MP2010", DELEGATION_MATCHER_CONFLICT: "MP2011", DELEGATION_CYCLE: "MP2013", RT_GATEWAY_NOT_FOUND: "MP2007", RT_HOST_NOT_ALLOWED: "MP2008",
  VG_NO_WORKLOADS: "MP5001", VG_PORT_NOT_FOUND: "MP5002", VG_TARGET_PORT_NAMED: "MP5003",
  VD_MULTIPLE_SERVICES: "MP4002", VD_NO_BACKING_SERVICES: "MP4004", VD_TARGET_PORT_NOT_FOUND: "MP4005", VD_NO_EAST_WEST_GATEWAY: "MP4006", VD_UNSUPPORTED_BACKING: "MP4007",
  AP_WORKLOADS_WITH_ISOLATION: "MP3005", AP_NO_PRINCIPALS: "MP3007",
  HTTPROUTE_HOSTNAME_UNRESOLVED: "MP5004", HTTPROUTE_HOSTNAME_NOT_VISIBLE: "MP5004",
  V1_DESTINATION_NOT_FOUND: "MP2002", V1_MESH_IN_TWO_VIRTUAL_MESHES: "MP3008", V1_NO_EAST_WEST_GATEWAY: "MP4006", V1_FIELD_CONFLICT: "MP3002", V1_TRUST_DOMAIN_MISSING: "MP3009",
  CONFIG_NOT_READ: "MP1011",
};

/** Discovery diagnostic codes → catalogue codes. */
export const DISCOVERY_CODE_MAP: Readonly<Record<DiscoveryCode, string>> = {
  MESH_IMAGE_NO_VERSION: "MP7001", MESH_IMAGE_NOT_PILOT: "MP7002", MESH_CONFIGMAP_MISSING: "MP7003", MESH_CONFIG_KEY_MISSING: "MP7004",
  MESH_CONFIG_INVALID: "MP7005", MESH_NOT_FIRST_IN_CLUSTER: "MP7006", INJECTOR_CONFIG_INVALID: "MP7007", INGRESS_GATEWAY_SKIPPED: "MP7008",
  ANNOTATED_SERVICE_NO_MESH: "MP7009", SERVICE_NO_MESH_WORKLOAD: "MP7010", ENDPOINTS_MISSING: "MP7011",
};

const INTERNAL_CODES: Readonly<Record<string, string>> = { ...FINDING_CODE_MAP, ...GATEWAY_CODE_MAP };

/** The catalogue code (MPxxxx) of a workspace, attachment or gateway finding code; undefined for others. */
export function catalogueCodeOf(findingCode: string): string | undefined {
  return Object.hasOwn(INTERNAL_CODES, findingCode) ? INTERNAL_CODES[findingCode] : undefined;
}
