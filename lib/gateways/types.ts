import type { ObjectRef } from "../snapshot/ref";

/**
 * Public shapes of the gateway analysis: conditions, status views, routing-table rows, traces. Plain data,
 * deterministic order, safe to serialise. Reference: gateway-api-and-gloo-gateway.md (§ numbers below).
 */

/** A namespaced name; cluster-scoped objects use namespace "". */
export interface NsName {
  namespace: string;
  name: string;
}

/** Condition status values. */
export type ConditionStatus = "True" | "False" | "Unknown";

/** A condition as Meshpane computes it (the shape controllers write, without timestamps). */
export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
}

/**
 * Controller profiles: the behaviours the reference pins per implementation (§2.1 ranking, §2.2 divergence,
 * §2.4 conflicts, §3.1 reporters, §4.3 regex ranking, §7.2 Hostname backends). Chosen by controllerName.
 * `spec` is the plain Gateway API reading, used for classes whose controller is not configured.
 */
export type ProfileId = "gloo-gateway-1" | "kgateway" | "istio" | "spec";

/** §3.2 comparison of one computed condition with the live one. */
export type ComparisonOutcome = "match" | "stale" | "not-reconciled" | "reason-differs" | "mismatch" | "missing-live";

/** One computed-vs-live comparison. `where` names the listener or parent (`listener http`, `parent infra/edge`). */
export interface StatusComparison {
  where: string;
  type: string;
  outcome: ComparisonOutcome;
  computed: { status: string; reason: string } | null;
  live: { status: string; reason: string } | null;
}

/** Overall reading of an object's status for the UI: never "failed" when nobody reconciled it. */
export type StatusSummary = "ok" | "degraded" | "failed" | "not-reconciled";

/** One listener's computed status (§3.1): supported kinds, attachedRoutes, conditions. */
export interface ListenerStatusView {
  name: string;
  port: number;
  protocol: string;
  hostname: string | null;
  supportedKinds: { group: string; kind: string }[];
  attachedRoutes: number;
  conditions: Condition[];
}

/** One Gateway's computed status, its listeners, and the comparison with the live status. */
export interface GatewayStatusView {
  ref: ObjectRef;
  className: string;
  controllerName: string | null;
  profile: ProfileId | null;
  summary: StatusSummary;
  conditions: Condition[];
  listeners: ListenerStatusView[];
  comparisons: StatusComparison[];
}

/** One `status.parents[]` entry as Meshpane expects the route's controller to write it. */
export interface RouteParentStatusView {
  parentRef: { group: string; kind: string; namespace: string; name: string; sectionName?: string; port?: number };
  controllerName: string | null;
  /** False when no status entry is expected (parent missing or not ours, §2.1 step 1). */
  expected: boolean;
  conditions: Condition[];
  /** Listener names the route attached to, with the intersected hostnames (§2.1 step 5). */
  attachedListeners: { listener: string; hostnames: string[] }[];
  /** Route hostnames that intersect no listener of this parent and are silently ignored (GWR004 info). */
  ignoredHostnames: string[];
}

/** One route's computed `status.parents[]` and the comparison with the live entries. */
export interface RouteStatusView {
  ref: ObjectRef;
  summary: StatusSummary;
  parents: RouteParentStatusView[];
  comparisons: StatusComparison[];
}

/** A solo-kit style status (Gloo 1.x options, Gloo Edge objects): §5.3, §8.7. "Unused" = no write expected. */
export type SoloKitExpectation = "Accepted" | "Warning" | "Rejected" | "Unused";

/** A solo-kit state Meshpane expects (Gloo 1.x options, Gloo Edge objects) beside the one Gloo wrote. */
export interface SoloKitStatusView {
  ref: ObjectRef;
  state: SoloKitExpectation;
  reasons: string[];
  live: { state: string | null; reason: string | null };
  outcome: ComparisonOutcome;
}

/** kgateway policy ancestor status (§6). */
export interface PolicyAncestorView {
  ancestorRef: { group: string; kind: string; namespace: string; name: string; sectionName?: string };
  conditions: Condition[];
}

/** A kgateway policy's computed ancestor conditions and their comparison with the live ones. */
export interface PolicyStatusView {
  ref: ObjectRef;
  ancestors: PolicyAncestorView[];
  comparisons: StatusComparison[];
}

/** A backend as a route row or trace shows it. `share` is the percentage of requests (2 decimals). */
export interface BackendView {
  kind: string;
  group: string;
  namespace: string;
  name: string;
  port: number | null;
  weight: number;
  share: number;
  /** Status a request sent to this share gets: 200 when valid, 500 invalid, 503 no endpoints or missing Edge upstream. */
  status: number;
  /** Why the share fails (the ResolvedRefs reason or Edge error), or null when valid. */
  reason: string | null;
  /** Clusters whose workloads serve this backend (Hostname backends through the resolver). */
  clusters: string[];
  /** Extra resolution facts: ServiceEntry, VirtualDestination, function, delegation target … */
  detail: Record<string, string>;
}

/** A policy or option contributing to a row (§5.2, §6): where it comes from and which fields it sets. */
export interface AppliedPolicy {
  kind: string;
  group: string;
  namespace: string;
  name: string;
  /** extensionRef, targetRef, targetRef+sectionName, targetSelector, route-options, delegated … */
  via: string;
  level: "route" | "listener" | "virtualhost" | "gateway";
  fields: string[];
  /** Fields this source set but a higher-priority source won. */
  overridden: string[];
}
