/**
 * Behaviour the translator had to choose where the reference marks Gloo's translation UNKNOWN or only
 * inferred. The app lists these on its "Translation notes" page so nobody mistakes a prediction for a fact.
 */
export interface TranslationNote {
  topic: string;
  behaviour: string;
  reason: string;
  /** Where the reference discusses it. */
  reference: string;
}

/** Every translation choice, in display order. */
export const TRANSLATION_NOTES: readonly TranslationNote[] = [
  {
    topic: "Hashed output names",
    behaviour: "Names follow the observed short patterns (routetable-…, vd-…, externalservice-…, settings-…, sidecar-…, accesspolicy-…) and go through SanitizeNameV2; names past 63 characters get Meshpane's own MD5 suffix of the pattern string.",
    reason: "The sanitiser is exact, but the string Gloo v2 hashes is UNKNOWN, so hashed names never equal Gloo's. Live objects are joined to inputs by gloo.solo.io/parent_* labels, never by name.",
    reference: "gloo-api-and-translation.md §5.1, §5.3",
  },
  {
    topic: "Virtual IPs",
    behaviour: "ServiceEntry addresses use the v1 FNV-1 function: federation hosts with (service, namespace, cluster, \"kube-service\") exactly as v1; VirtualDestinations with (name, namespace, cluster, \"virtual-destination\"), one VIP for every copy.",
    reason: "v2 allocates VIPs in 240.0.0.0/4 with UNKNOWN inputs (and per namespace copy); the v1 function is exact and stable.",
    reference: "gloo-api-and-translation.md §5.2",
  },
  {
    topic: "Where outputs are written",
    behaviour: "Outputs go only to clusters that run an Istio mesh (discovery), into namespaces owned by exactly one workspace. Config namespaces on a management cluster without a mesh get nothing.",
    reason: "Gloo writes translated objects to workload clusters; the placement rules per kind are only partly observed.",
    reference: "gloo-api-and-translation.md §3 item 3, gloo-api-details.md §3.5",
  },
  {
    topic: "Copies vs namespace lists",
    behaviour: "ServiceEntries and DestinationRules of shared destinations (VirtualDestinations, ExternalServices, federated Services) are one object per cluster, in the backing Service's namespace (else the owner's or first consumer's), with exportTo listing the owner's and importers' namespaces there. VirtualServices of route tables are per-namespace copies with exportTo [\".\"]; client-side subset DestinationRules likewise.",
    reason: "Which pattern Gloo uses per kind is UNKNOWN; this is the reference's recommended default. A ServiceEntry's workloadSelector only selects pods in its own namespace, hence the backing Service's namespace.",
    reference: "gloo-api-and-translation.md §3 item 3, §9 question 4",
  },
  {
    topic: "Sidecar route tables",
    behaviour: "A RouteTable for sidecars gets a VirtualService copy in every namespace of its owner and importers where at least one mesh workload matches its workloadSelectors (any mesh workload when none are given).",
    reason: "Per-namespace placement is [INFER]; namespaces without matching clients gain nothing from a copy.",
    reference: "gloo-api-and-translation.md §6.2",
  },
  {
    topic: "Delegation",
    behaviour: "Child routes are merged into the root's VirtualService; child matchers are ANDed with the delegating route's (a child path must lie under the parent's); unreachable child routes are dropped with a warning. Route names: <route>-<table> for root routes, <route>-<child>.<ns>.<cluster>--<parent>.<ns>.<cluster> for delegated ones. A delegated route inherits, per policy kind, the delegating route's policies when it has none of its own.",
    reason: "The merge semantics and the delegated route name split are [OBS]/UNKNOWN; inheriting parent route policies matches how Gloo documents delegation.",
    reference: "gloo-api-and-translation.md §2.7, §5.3",
  },
  {
    topic: "Invalid routes",
    behaviour: "With failureMode ROUTE_REPLACEMENT (default) a route Meshpane cannot translate becomes a 500 direct response whose body says why; with FREEZE_CONFIG the table produces no output at all (Gloo keeps the last good config, which Meshpane cannot know).",
    reason: "Documented failure modes; the last good config of a frozen table is not in any snapshot.",
    reference: "gloo-api-and-translation.md §2.7",
  },
  {
    topic: "Matchers",
    behaviour: "ignoreCase becomes ignoreUriCase; a header or query parameter without a value becomes a presence check (regex .*); a suffix URI match becomes the equivalent regex.",
    reason: "Whether ignoreCase maps to ignoreUriCase and how presence is encoded is UNKNOWN; suffix is documented as unsupported.",
    reference: "gloo-api-and-translation.md §9 question 5",
  },
  {
    topic: "Federated hostname",
    behaviour: "<svc>.<ns>.svc.<cluster>.<hostSuffix>, hostSuffix defaulting to global.",
    reason: "The proto comment says <svc>.<ns>.<cluster>.<suffix> but observed 2.0 output (and the demo) use the .svc. form; the default suffix is not documented (v1 used global).",
    reference: "gloo-api-details.md §3.7, §7 item 3",
  },
  {
    topic: "Failover mapping",
    behaviour: "Region-to-region localityMappings become localityLbSetting.failover pairs; mappings with zones, sub-zones or weights become distribute entries (unweighted targets share 100 equally); priorityLabels become failoverPriority; enabled is always true.",
    reason: "The exact v2 mapping of localityMappings and priorityLabels is UNKNOWN.",
    reference: "gloo-api-and-translation.md §6.4, §9 question 3",
  },
  {
    topic: "AccessPolicy mTLS",
    behaviour: "authn.tlsMode becomes a PeerAuthentication named like the AuthorizationPolicy (port-level for destinations, workload-wide for workload selectors); none is emitted when the workspace's service isolation already enforces STRICT.",
    reason: "Whether Gloo emits its own PeerAuthentication for tlsMode, and its name, is UNKNOWN.",
    reference: "gloo-api-and-translation.md §6.7, §9 question 7",
  },
  {
    topic: "Service isolation principals",
    behaviour: "The second source of a settings-… AuthorizationPolicy lists the service accounts of every workspace that imports anything from the isolated workspace; ports match the Service's target port.",
    reason: "Observed examples list 'importing workspaces'; whether only importers of that Service count is UNKNOWN. Istio matches the container port.",
    reference: "gloo-api-and-translation.md §6.8",
  },
  {
    topic: "Gateway selection",
    behaviour: "VirtualGateway workload selector labels match the gateway Service's selector or its own labels, among Services the VirtualGateway's workspace can see; an allowedRouteTables entry without a selector admits any table whose host matches.",
    reason: "The reference says labels are the Service selector's; both are accepted so either spelling selects. A nil selector 'matching none' would contradict the common host-only examples.",
    reference: "gloo-api-and-translation.md §2.8",
  },
  {
    topic: "Not translated",
    behaviour: "TCP/TLS routes, GraphQL and AWS Lambda destinations, VirtualDestinations backed by ExternalServices or ExternalWorkloads, trimAllProxyConfig, gateway-only filter policies (ext auth, JWT, rate limit, transformation) and v1 federated VirtualService/DestinationRule copies are not translated; they are reported where they occur.",
    reason: "Their Istio shapes (often EnvoyFilters) are only partly observed; a wrong preview is worse than none.",
    reference: "gloo-api-and-translation.md §6.3, §4.5",
  },
  {
    topic: "Istio API versions",
    behaviour: "Outputs use networking.istio.io/v1beta1 and security.istio.io/v1beta1.",
    reason: "Served by every Istio release Gloo 2.x supports (v1 only from Istio 1.22); the schemas are the same.",
    reference: "STACK.md (@kubernetes-models/istio)",
  },
  {
    topic: "Gloo Mesh v1 DestinationRules",
    behaviour: "The v1 preview emits a DestinationRule only for Destinations a TrafficPolicy applies to, not for every Destination.",
    reason: "v1 writes one for every Istio Destination; in a mixed v1/v2 preview that would bury the v2 outputs under defaults.",
    reference: "gloo-api-and-translation.md §4.3.2",
  },
  {
    topic: "Statuses",
    behaviour: "ACCEPTED, WARNING (applied in part: replaced routes, skipped targets, ignored objects), INVALID (nothing applied), FAILED (a one-per-target policy that lost every target). Config Gloo does not read is WARNING with the reason. A policy that selects nothing stays ACCEPTED, as Gloo reports it.",
    reason: "Gloo would show PENDING for unread config; Meshpane's states are predictions, and PENDING would say nothing about why.",
    reference: "gloo-api-and-translation.md §8.3",
  },
];
