import type { DestinationKind } from "../model/gloo-common";
import type { ObjectRef } from "../snapshot/ref";
import type { Finding } from "../workspaces/findings";

/** Plain-data results of policy attachment (reference §2.9, §3 item 4), shaped for the API and the graph. */

/** Points at one HTTP route: its table, its index in `spec.http`, and its name. */
export interface RouteRef {
  /** `<refKey(table)>#<index>`, the route's stable key. */
  key: string;
  table: ObjectRef;
  index: number;
  name: string;
}

/** What an HTTP route does. */
export type RouteAction = "forwardTo" | "delegate" | "redirect" | "directResponse" | "graphql" | "none";

/** One forwardTo destination of a route, resolved against the route's workspace. */
export interface RouteDestination {
  ref: ObjectRef;
  kind: DestinationKind;
  /** The port as written (`9080` or a name), empty when not given. */
  port: string;
  /** Subset labels (Kubernetes destinations), empty when not given. */
  subset: Record<string, string>;
  /** Relative weight, null when not given. */
  weight: number | null;
  /** True when the object exists in the snapshot. */
  found: boolean;
  /** True when the route's workspace owns or imports it. */
  visible: boolean;
  /** Owning workspace of the destination, if any. */
  owner: string | null;
}

/** One HTTP route of a RouteTable owned by a workspace. */
export interface RouteInfo extends RouteRef {
  workspace: string;
  labels: Record<string, string>;
  tableLabels: Record<string, string>;
  action: RouteAction;
  destinations: RouteDestination[];
  /** Route tables a delegate action selects (own or imported), sorted. */
  delegates: ObjectRef[];
}

/** A route a policy selects; `effective` is false when an older policy of a one-per-route kind wins. */
export interface RouteTarget {
  route: RouteRef;
  effective: boolean;
}

/** A (route, destination) pair a HeaderManipulationPolicy selects through applyToRouteDestinations. */
export interface RouteDestinationTarget {
  route: RouteRef;
  destination: ObjectRef;
}

/** A destination a policy selects; `effective` is false when an older policy of a one-per-target kind wins. */
export interface DestinationTarget {
  destination: ObjectRef;
  effective: boolean;
}

/** What one policy selects within its workspace. */
export interface PolicyAttachment {
  policy: ObjectRef;
  /** The policy's group-kind. */
  gk: string;
  workspace: string;
  routes: RouteTarget[];
  routeDestinations: RouteDestinationTarget[];
  destinations: DestinationTarget[];
  /** Workload controllers (Deployment, StatefulSet, DaemonSet). */
  workloads: ObjectRef[];
}

/** A policy as seen from a target: whether it is in effect there, and if not, which policy wins. */
export interface AttachedPolicy {
  policy: ObjectRef;
  gk: string;
  effective: boolean;
  overriddenBy: ObjectRef | null;
  /** For route-destination attachments: the destination the policy applies to on this route. */
  destination?: ObjectRef;
}

/** Policy attachment for one snapshot, with Map-backed lookups in both directions. */
export interface AttachmentIndex {
  /** Every policy owned by a workspace, by ref. */
  policies: readonly PolicyAttachment[];
  /** Every HTTP route of every owned RouteTable, by table then index. */
  routes: readonly RouteInfo[];
  /** Selection, conflict and route-destination findings, sorted. */
  findings: readonly Finding[];
  policy(ref: ObjectRef): PolicyAttachment | undefined;
  route(key: string): RouteInfo | undefined;
  routesOf(table: ObjectRef): readonly RouteInfo[];
  /** Policies on a route (route and route-destination selectors), by kind, oldest first. */
  onRoute(routeKey: string): readonly AttachedPolicy[];
  /** Policies on a destination (Service per cluster, VirtualDestination, ExternalService). */
  onDestination(ref: ObjectRef): readonly AttachedPolicy[];
  /** Policies on a workload controller. */
  onWorkload(ref: ObjectRef): readonly AttachedPolicy[];
  findingsOf(workspace: string): readonly Finding[];
}

/** The route key of a table ref and index. */
export function routeKey(tableKey: string, index: number): string {
  return `${tableKey}#${index}`;
}
