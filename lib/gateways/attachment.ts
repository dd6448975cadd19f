import type { GRPCRoute, HTTPRoute, ParentReference } from "../model/gateway-api";
import { matchesLabelSelector } from "../snapshot/labels";
import type { ClusterIndex } from "./cluster-index";
import type { GatewayModel } from "./gateways";
import { intersectHostnames, strictIntersectionDiffers } from "./hostnames";
import type { ListenerModel } from "./listeners";

/** The route kinds the analysis routes with. */
export type RouteKind = "HTTPRoute" | "GRPCRoute";
/** A route object of either routed kind. */
export type AnyRoute = HTTPRoute | GRPCRoute;

/** A parentRef with the defaults applied (§1.3). */
export interface NormalizedParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
}

/** The outcome of attaching one parentRef: Accepted or the §2.1 failure reason. */
export type AttachReason = "Accepted" | "NoMatchingParent" | "NotAllowedByListeners" | "NoMatchingListenerHostname";

/** The attachment of one parentRef (reference §2.1). */
export interface ParentAttachment {
  index: number;
  parentRef: NormalizedParentRef;
  /** The parent Gateway when the ref names an existing Gateway. */
  gateway: GatewayModel | undefined;
  reason: AttachReason;
  message: string;
  listeners: { listener: ListenerModel; hostnames: string[] }[];
  ignoredHostnames: string[];
  /** Route hostnames whose intersection the spec allows and Gloo Gateway 1.x rejects (GLX007). */
  strictDiffers: string[];
}

/** Applies parentRef defaults: group gateway.networking.k8s.io, kind Gateway, namespace the route's. */
export function normalizeParentRef(ref: ParentReference, routeNamespace: string): NormalizedParentRef {
  return {
    group: ref.group ?? "gateway.networking.k8s.io",
    kind: ref.kind ?? "Gateway",
    namespace: ref.namespace ?? routeNamespace,
    name: ref.name,
    ...(ref.sectionName !== undefined ? { sectionName: ref.sectionName } : {}),
    ...(ref.port !== undefined ? { port: ref.port } : {}),
  };
}

/** The key of a normalized parentRef, for comparing with live `status.parents[]` entries. */
export function parentRefKey(ref: NormalizedParentRef): string {
  return `${ref.group}|${ref.kind}|${ref.namespace}|${ref.name}|${ref.sectionName ?? ""}|${ref.port ?? ""}`;
}

function allows(index: ClusterIndex, gw: GatewayModel, l: ListenerModel, kind: RouteKind, routeNs: string): boolean {
  if (!l.supportedKinds.some((k) => k.group === "gateway.networking.k8s.io" && k.kind === kind)) return false;
  if (l.allowedFrom === "All") return true;
  if (l.allowedFrom === "Same") return routeNs === (gw.obj.metadata.namespace ?? "");
  return matchesLabelSelector(l.selector, index.namespaceLabels(routeNs));
}

/** Intersected hostnames of one listener (deduplicated); marks the route hostnames that intersected in `used`. */
function intersections(l: ListenerModel, hostnames: readonly string[], strict: boolean, used: Set<string>): string[] {
  const out: string[] = [];
  for (const h of hostnames) {
    const x = intersectHostnames(l.hostname, h, strict);
    if (x === null) continue;
    used.add(h);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** Picks the failure reason when nothing attached, per controller profile (§2.1 last paragraph). */
function failureReason(gw: GatewayModel, relevant: ListenerModel[], allowedAll: ListenerModel[], relevantAllowed: ListenerModel[]): AttachReason {
  switch (gw.profile.attachmentOrder) {
    case "kind-namespace-first":
      // Gloo/kgateway processRoute: allowed kinds+namespaces over all listeners, then sectionName/port, then hostnames.
      if (allowedAll.length === 0) return "NotAllowedByListeners";
      return relevantAllowed.length === 0 ? "NoMatchingParent" : "NoMatchingListenerHostname";
    case "istio":
      if (relevant.length === 0) return "NoMatchingParent";
      return relevantAllowed.length < relevant.length ? "NotAllowedByListeners" : "NoMatchingListenerHostname";
    default:
      if (relevant.length === 0) return "NoMatchingParent";
      return relevantAllowed.length === 0 ? "NotAllowedByListeners" : "NoMatchingListenerHostname";
  }
}

function failureMessage(reason: AttachReason, gw: GatewayModel, parent: NormalizedParentRef, kind: RouteKind, routeNs: string): string {
  const where = `Gateway ${gw.key}`;
  if (reason === "NoMatchingParent") {
    const sel = [parent.sectionName !== undefined ? `sectionName ${parent.sectionName}` : "", parent.port !== undefined ? `port ${parent.port}` : ""].filter(Boolean).join(" and ");
    return `a listener of ${where} must match ${sel || "the parentRef"}`;
  }
  if (reason === "NotAllowedByListeners") return `a selected listener of ${where} must allow ${kind} routes from namespace ${routeNs}`;
  return `a route hostname must intersect the hostname of an allowed listener of ${where}`;
}

/**
 * Listeners of a Gateway that admit a route kind from a namespace; most routes share a few namespaces, so the
 * answer is memoised per Gateway (weakly: it never outlives the model).
 */
const ALLOWED = new WeakMap<GatewayModel, Map<string, ListenerModel[]>>();

function allowedListeners(index: ClusterIndex, gw: GatewayModel, kind: RouteKind, routeNs: string): ListenerModel[] {
  let perGw = ALLOWED.get(gw);
  if (!perGw) ALLOWED.set(gw, (perGw = new Map()));
  const key = `${kind}|${routeNs}`;
  let list = perGw.get(key);
  if (!list) perGw.set(key, (list = gw.listeners.filter((l) => allows(index, gw, l, kind, routeNs))));
  return list;
}

/** Attaches one parentRef of a route to its Gateway (§2.1 steps 2–5); the parent must already be resolved. */
export function attachToGateway(index: ClusterIndex, gw: GatewayModel, parent: NormalizedParentRef, parentIdx: number, kind: RouteKind, route: AnyRoute): ParentAttachment {
  const routeNs = route.metadata.namespace ?? "";
  const explicit = route.spec.hostnames ?? [];
  const hostnames = explicit.length > 0 ? explicit : ["*"];
  const strict = gw.profile.strictWildcardIntersection;
  const relevant = gw.listeners.filter((l) => (parent.sectionName === undefined || l.name === parent.sectionName) && (parent.port === undefined || l.port === parent.port));
  const allowedAll = allowedListeners(index, gw, kind, routeNs);
  const relevantAllowed = relevant.filter((l) => allowedAll.includes(l));
  const used = new Set<string>();
  const attached = relevantAllowed.map((listener) => ({ listener, hostnames: intersections(listener, hostnames, strict, used) })).filter((a) => a.hostnames.length > 0);
  // Only Gloo Gateway 1.x diverges from the spec on wildcard × wildcard; skip the work for other profiles.
  const strictDiffers = strict ? explicit.filter((h) => relevantAllowed.some((l) => strictIntersectionDiffers(l.hostname, h))) : [];
  const base = { index: parentIdx, parentRef: parent, gateway: gw, strictDiffers };
  if (attached.length > 0) {
    const ignored = explicit.length === 0 ? [] : explicit.filter((h) => !used.has(h));
    return { ...base, reason: "Accepted", message: "", listeners: attached, ignoredHostnames: ignored };
  }
  const reason = failureReason(gw, relevant, allowedAll, relevantAllowed);
  return { ...base, reason, message: failureMessage(reason, gw, parent, kind, routeNs), listeners: [], ignoredHostnames: [] };
}
