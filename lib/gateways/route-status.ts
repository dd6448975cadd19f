import type { ParentAttachment } from "./attachment";
import { cond } from "./conditions";
import { report, type FindingSink } from "./findings";
import type { RouteModel } from "./routes";
import { ruleRefFailure, type RuleModel } from "./rules";
import type { Condition, RouteParentStatusView } from "./types";

/**
 * Route `status.parents[]` as the parent's controller should write it (reference §2.1, §3.1), and the route
 * findings (§9 GWR001–GWR014, GLX007). Entries are expected only for parents whose controller Meshpane knows,
 * except that Gloo Gateway 1.x rebuilds entries for every parentRef of a route it processed.
 */
export interface ParentStatus {
  att: ParentAttachment;
  view: RouteParentStatusView;
  accepted: boolean;
}

function acceptedCondition(route: RouteModel, att: ParentAttachment, rules: readonly RuleModel[]): Condition {
  if (att.reason !== "Accepted") return cond("Accepted", "False", att.reason, att.message);
  const lost = route.lostTo.get(att.index);
  if (lost && att.listeners.length === 0) {
    // The reason is not fixed by the spec [UNKNOWN]; NotAllowedByListeners says the listener refused it.
    return cond("Accepted", "False", "NotAllowedByListeners", `${route.kind} must not share a hostname on a listener with the older ${lost.kind} ${lost.namespace}/${lost.name}`);
  }
  const incompatible = rules.find((r) => r.incompatible !== null);
  if (incompatible) return cond("Accepted", "False", "IncompatibleFilters", `rule ${incompatible.index}: ${incompatible.incompatible ?? ""}`);
  if (rules.length > 0 && rules.every((r) => r.dropped !== null)) return cond("Accepted", "False", "UnsupportedValue", `at least one rule must be implementable (${rules[0]?.dropped ?? ""})`);
  return cond("Accepted", "True", "Accepted");
}

function resolvedRefsCondition(rules: readonly RuleModel[]): Condition {
  for (const rule of rules) {
    if (rule.dropped !== null) continue;
    const failure = ruleRefFailure(rule);
    if (failure) return cond("ResolvedRefs", "False", failure.reason, failure.message);
  }
  return cond("ResolvedRefs", "True", "ResolvedRefs");
}

function parentRefView(att: ParentAttachment): RouteParentStatusView["parentRef"] {
  return { ...att.parentRef };
}

const POSITIVE = [cond("Accepted", "True", "Accepted"), cond("ResolvedRefs", "True", "ResolvedRefs")];

/** Computes every parent entry of a route. */
export function routeParentStatuses(route: RouteModel): ParentStatus[] {
  const glooOwner = route.parents.find((p) => p.gateway?.ours && p.gateway.profile.rebuildsAllParents)?.gateway;
  return route.parents.map((att) => {
    const gw = att.gateway;
    const base = { parentRef: parentRefView(att), ignoredHostnames: att.ignoredHostnames, attachedListeners: att.listeners.map((l) => ({ listener: l.listener.name, hostnames: l.hostnames })) };
    if (!gw) {
      const view = glooOwner
        ? { ...base, controllerName: glooOwner.controllerName, expected: true, conditions: POSITIVE }
        : { ...base, controllerName: null, expected: false, conditions: [] };
      return { att, view, accepted: false };
    }
    const rules = route.rulesFor(gw.profile);
    const accepted = acceptedCondition(route, att, rules);
    const conditions = [accepted, resolvedRefsCondition(rules)];
    const dropped = rules.filter((r) => r.dropped !== null);
    if (dropped.length > 0 && dropped.length < rules.length) {
      conditions.push(cond("PartiallyInvalid", "True", "UnsupportedValue", `Dropped Rule(s) ${dropped.map((r) => r.index).join(", ")}: ${dropped[0]?.dropped ?? ""}`));
    }
    const foreignUnderGloo = !gw.ours && glooOwner !== undefined;
    const view: RouteParentStatusView = foreignUnderGloo
      ? { ...base, controllerName: glooOwner.controllerName, expected: true, conditions: POSITIVE }
      : { ...base, controllerName: gw.controllerName, expected: gw.ours, conditions };
    return { att, view, accepted: accepted.status === "True" };
  });
}

function reportParent(sink: FindingSink, route: RouteModel, att: ParentAttachment): void {
  const field = `spec.parentRefs[${att.index}]`;
  const p = att.parentRef;
  const gw = att.gateway;
  if (!gw) {
    if (p.kind === "Gateway") report(sink, "GW_PARENT_NOT_FOUND", [route.ref], field, `Gateway ${p.namespace}/${p.name} must exist in cluster ${route.ref.cluster}; no status will appear for it`);
    return;
  }
  if (!gw.ours) report(sink, "GW_PARENT_NOT_FOUND", [route.ref, gw.ref], field, `Gateway ${gw.key} must belong to a class whose controller Meshpane knows; no status is expected for it`);
  const codes = { NoMatchingParent: "GW_ROUTE_NO_MATCHING_PARENT", NotAllowedByListeners: "GW_ROUTE_NOT_ALLOWED", NoMatchingListenerHostname: "GW_ROUTE_HOSTNAME_MISMATCH" } as const;
  if (att.reason !== "Accepted") report(sink, codes[att.reason], [route.ref, gw.ref], field, att.message);
  if (att.ignoredHostnames.length > 0) report(sink, "GW_ROUTE_HOSTNAMES_IGNORED", [route.ref, gw.ref], "spec.hostnames", `hostnames ${att.ignoredHostnames.join(", ")} must intersect a listener of Gateway ${gw.key} to be served there; they are ignored for it`);
  for (const h of att.strictDiffers) report(sink, "GW_WILDCARD_INTERSECTION_DIVERGES", [route.ref, gw.ref], "spec.hostnames", `hostname ${h} must not be broader than the listener's wildcard on Gloo Gateway 1.x, which rejects the intersection the spec allows`);
  const lost = route.lostTo.get(att.index);
  if (lost) report(sink, "GW_GRPC_HTTP_CONFLICT", [route.ref, lost, gw.ref], "spec.hostnames", `${route.kind} ${route.key} must not share a hostname with ${lost.kind} ${lost.namespace}/${lost.name} on a listener of ${gw.key}; only the older one is accepted`);
}

function reportRule(sink: FindingSink, route: RouteModel, rule: RuleModel, allZeroStatus: number): void {
  const at = `spec.rules[${rule.index}]`;
  if (rule.dropped !== null) report(sink, "GW_ROUTE_UNSUPPORTED_VALUE", [route.ref], `${at}.matches`, `rule ${rule.index}: ${rule.dropped}`);
  if (rule.incompatible !== null) report(sink, "GW_ROUTE_INCOMPATIBLE_FILTERS", [route.ref], `${at}.filters`, `rule ${rule.index}: ${rule.incompatible}`);
  rule.backends.forEach((b, i) => {
    if (b.code !== null) report(sink, b.code, [route.ref], `${at}.backendRefs[${i}]`, `${b.message}; until then its ${b.weight > 0 ? "share of traffic" : "zero-weight share"} answers 500`);
  });
  for (const m of rule.mirrors) if (m.code !== null) report(sink, m.code, [route.ref], `${at}.filters`, `mirror: ${m.message}`);
  for (const e of rule.extensionRefs) if (e.reason !== null) report(sink, "GW_EXTENSION_REF_INVALID", [route.ref], `${at}.filters[${e.filterIndex}].extensionRef`, `${e.message}; the rule answers 500 until then`);
  const acts = rule.filters.some((f) => f.type === "RequestRedirect") || rule.directResponse !== null || rule.extensionRefs.some((e) => e.kind === "DirectResponse");
  if (rule.backends.length === 0 && !acts) report(sink, "GW_RULE_NO_BACKENDS", [route.ref], at, `rule ${rule.index} must have backendRefs, a redirect or a direct response; it answers 500 to every request it matches`);
  if (rule.backends.length > 0 && rule.backends.every((b) => b.weight === 0)) report(sink, "GW_ALL_WEIGHTS_ZERO", [route.ref], `${at}.backendRefs`, `at least one backend of rule ${rule.index} must have a weight above 0 (requests get ${allZeroStatus})`);
  rule.matches.forEach((m, i) => {
    if (m.pathType === "RegularExpression" && !m.grpc) report(sink, "GW_REGEX_ORDER", [route.ref], `${at}.matches[${i}].path`, `rule ${rule.index} match ${i}: the outcome must not depend on where a RegularExpression ranks (Istio after PathPrefix, Gloo/kgateway before); prefer Exact or PathPrefix where order matters`);
  });
}

/** Reports the findings of a route: parents, then rules once per distinct controller profile. */
export function reportRoute(sink: FindingSink, route: RouteModel): void {
  for (const att of route.parents) reportParent(sink, route, att);
  const profiles = new Map(route.parents.flatMap((p) => (p.gateway ? [[p.gateway.profile.id, p.gateway.profile] as const] : [])));
  for (const profile of profiles.values()) for (const rule of route.rulesFor(profile)) reportRule(sink, route, rule, profile.allZeroWeightsStatus);
}
