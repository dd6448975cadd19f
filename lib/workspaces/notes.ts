/**
 * Behaviour Meshpane had to choose where the reference marks Gloo's behaviour UNKNOWN or leaves it open.
 * The app shows these beside workspace and policy views so nobody mistakes a choice for a documented fact.
 */
export interface WorkspaceNote {
  topic: string;
  behaviour: string;
  reason: string;
}

/** Every choice workspace resolution and policy attachment make, in display order. */
export const WORKSPACE_NOTES: readonly WorkspaceNote[] = [
  {
    topic: "Namespace claimed by two workspaces",
    behaviour: "The namespace is owned by no workspace: its Services and Gloo config belong to none, and WS_NAMESPACE_OVERLAP names every claimant.",
    reason: "Gloo documents that a namespace belongs to one workspace but not the tie-break (reference §3 item 1); the reference says not to assume a winner.",
  },
  {
    topic: "configEnabled set on some siblings only",
    behaviour: "Unset entries count as false once a sibling sets configEnabled; a namespace without its own value inherits its cluster entry's; omitted everywhere means true everywhere.",
    reason: "The API requires all siblings to set it explicitly once one does (reference §2.3); false is the protobuf default for an unset bool.",
  },
  {
    topic: "Empty name in cluster or namespace selectors",
    behaviour: "An empty name means any cluster / any namespace; empty labels are ignored. A cluster entry with neither name nor labels selects every registered cluster.",
    reason: "Empty selector fields mean \"any\" throughout the Gloo common types (reference §2.2).",
  },
  {
    topic: "Which namespaces exist",
    behaviour: "A namespace exists when a Namespace object or any namespaced object in that cluster names it; globs match only existing namespaces.",
    reason: "Gloo matches globs against namespaces present in the cluster; directory sources often omit Namespace objects.",
  },
  {
    topic: "Global WorkspaceSettings",
    behaviour: "`global` in the admin namespace of the management cluster merges its options over every workspace's (deep merge, global values win, lists replaced whole). Its importFrom/exportTo are not applied (WS_GLOBAL_IMPORT_EXPORT).",
    reason: "Global settings override workspace settings where they overlap, but the merge rules are UNKNOWN (reference §2.4).",
  },
  {
    topic: "Several WorkspaceSettings in one workspace",
    behaviour: "The oldest (creationTimestamp, then name) is used; the others are reported with WS_SETTINGS_DUPLICATE.",
    reason: "Exactly one is allowed (reference §2.4); oldest-wins is Gloo's rule for other one-per-target conflicts.",
  },
  {
    topic: "Workspace selectors",
    behaviour: "An import/export entry without `workspaces` selects none; a selector `{}` selects every workspace; a workspace never imports from or exports to itself.",
    reason: "Name and labels are ANDed and empty fields mean any (reference §2.2); an entry with no selectors has nothing to match.",
  },
  {
    topic: "Route policies and imported routes",
    behaviour: "Route policies (applyToRoutes, applyToRouteDestinations) select only routes of RouteTables their own workspace owns; an imported or delegated-to table keeps its owner's route policies.",
    reason: "Reference §3 item 4: route policies follow the route, and the importing workspace's route policies do not apply to imported routes.",
  },
  {
    topic: "Destination and workload policies",
    behaviour: "applyToDestinations and applyToWorkloads select only destinations and workloads their own workspace owns, never imported ones (the VirtualDestinationWorkspacePolicyOverride feature gate is not modelled).",
    reason: "Reference §3 item 4 (2.4 docs): destination and workload policies do not cross workspaces.",
  },
  {
    topic: "Route label selectors",
    behaviour: "`route.labels` matches a route when either the route's labels or its RouteTable's labels contain them.",
    reason: "gloo-api-details §1.2: labels are matched against the labels of the route or of the route table.",
  },
  {
    topic: "Empty selectors",
    behaviour: "No applyToRoutes (and no applyToRouteDestinations) selects every route of the workspace; a `{}` route selector also selects every route. No applyToDestinations selects every destination of the kinds the policy supports (AccessPolicy: Services; FailoverPolicy: Services and VirtualDestinations; OutlierDetectionPolicy: VirtualDestinations and ExternalServices).",
    reason: "Reference §2.9 and gloo-api-details §1.5.1 (empty means all of the workspace); the supported kinds are the 2.6 ones.",
  },
  {
    topic: "One policy per target",
    behaviour: "RetryTimeoutPolicy and FaultInjectionPolicy: one per route, the oldest (creationTimestamp, then name) wins (POLICY_CONFLICT, warning). CORSPolicy per route and FailoverPolicy / OutlierDetectionPolicy per destination are treated the same way (POLICY_CONFLICT, info). AccessPolicy and HeaderManipulationPolicy are additive.",
    reason: "Oldest-wins is documented for RetryTimeout and FaultInjection (reference §3 item 5); CORS, failover and outlier detection each fill one Istio field, so two cannot both apply; access rules are ORed and header edits merge.",
  },
  {
    topic: "Route destinations",
    behaviour: "A forwardTo destination's empty namespace and cluster default to the RouteTable's; it must be owned by or imported into the RouteTable's workspace. Only HTTP routes are resolved.",
    reason: "DestinationReference defaults (reference §2.2) and visibility (reference §3 item 2); TCP/TLS routes take no route policies in this model.",
  },
  {
    topic: "Ports in destination selectors",
    behaviour: "A destination selector's `port` does not narrow which destinations a policy selects (a destination is attached as a whole); in `withDestinations` it must match the port the route forwards to.",
    reason: "Policies act per destination port (gloo-api-details §1.2), but the dashboard attaches per destination; per-port reports are not modelled.",
  },
  {
    topic: "Workloads",
    behaviour: "Workload selectors match discovered workloads that are in the mesh (pod-template labels), in namespaces their workspace owns.",
    reason: "Only injected workloads and gateway proxies are selectable (gloo-api-details §1.2).",
  },
];
