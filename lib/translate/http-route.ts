import type { RouteTableSpec } from "../model/gloo-networking-routes";
import type { HttpMatchRequest } from "../model/istio-traffic";
import type { ObjectRef } from "../snapshot/ref";
import { specOf } from "../workspaces/kinds";
import { compact, isEmpty, sortKeys } from "./canonical";
import type { ExpandedRoute } from "./delegation";
import type { Emitter } from "./emit";
import type { FederationIndex } from "./federation";
import { resolveForward, routeLabel, type Placement, type RouteProblem, type SubsetNeed } from "./route-destinations";
import { applyRoutePolicies } from "./route-policies";
import type { Labels, World } from "./world";

/**
 * One Gloo route → one Istio HTTP route for one placement (reference §6.2): the route's matches (each
 * also carrying the placement's source labels), its action (route / redirect / directResponse) and the
 * route policies in effect. A route that cannot be translated is replaced by a 500 direct response
 * (failureMode ROUTE_REPLACEMENT, the default) or freezes the whole table (FREEZE_CONFIG).
 */

const REDIRECT_CODES: Readonly<Record<string, number>> = { MOVED_PERMANENTLY: 301, FOUND: 302, SEE_OTHER: 303, TEMPORARY_REDIRECT: 307, PERMANENT_REDIRECT: 308 };

/** Where the routes of one build collect the inputs that shaped them and the subsets they need. */
export interface RouteCollector {
  parents: ObjectRef[];
  subsets: SubsetNeed[];
}

/** The translated route, or why there is none ("skip": left out; "freeze": the whole table is). */
export type RouteResult = Record<string, unknown> | "skip" | "freeze";

/**
 * Builds the Istio route of `x` for `place`, with `sourceLabels` alternatives (empty: none), adding its
 * parents and subsets to `into` (one list per build rather than one per route).
 */
export function buildHttpRoute(world: World, emit: Emitter, fed: FederationIndex, x: ExpandedRoute, place: Placement, sourceLabels: readonly Labels[], into: RouteCollector): RouteResult {
  const match = withSourceLabels(x.matches, sourceLabels);
  const base: Record<string, unknown> = match === undefined ? { name: x.name } : { match, name: x.name };
  const r = x.route;
  if (r.redirect) {
    base.redirect = compact({ authority: r.redirect.hostRedirect, uri: r.redirect.pathRedirect, redirectCode: REDIRECT_CODES[r.redirect.responseCode ?? "MOVED_PERMANENTLY"] ?? 301 });
    into.parents.push(x.table.ref);
    applyRoutePolicies(world, base, x, [], into.parents);
    return base;
  }
  if (r.directResponse) {
    base.directResponse = compact({ status: r.directResponse.status, body: r.directResponse.body !== undefined ? { string: r.directResponse.body } : undefined });
    into.parents.push(x.table.ref);
    applyRoutePolicies(world, base, x, [], into.parents);
    return base;
  }
  if (!r.forwardTo) {
    emit.issue("ROUTE_UNSUPPORTED_ACTION", "warning", `${routeLabel(x)} uses an action Meshpane does not translate to Istio (only forwardTo, delegate, redirect and directResponse); it is left out`, [x.table.ref], `spec.http[${x.index}]`, "WARNING");
    return "skip";
  }
  const resolved = resolveForward(world, fed, x, place);
  if (!resolved.ok) return replaceRoute(emit, x, base, resolved.problem, into);
  into.parents.push(x.table.ref);
  for (const e of resolved.entries) into.parents.push(e.ref);
  base.route = resolved.entries.map((e) => e.entry);
  const f = r.forwardTo;
  if (f.pathRewrite !== undefined || f.hostRewrite !== undefined || f.regexRewrite?.pattern?.regex !== undefined) {
    base.rewrite = compact({
      uri: f.pathRewrite,
      authority: f.hostRewrite,
      uriRegexRewrite: f.regexRewrite?.pattern?.regex !== undefined ? { match: f.regexRewrite.pattern.regex, rewrite: f.regexRewrite.substitution ?? "" } : undefined,
    });
  }
  applyRoutePolicies(world, base, x, resolved.entries, into.parents);
  for (const n of resolved.subsets) into.subsets.push(n);
  return base;
}

/** Matches × source-label alternatives; no matches and no labels means "match all" (no `match`). */
function withSourceLabels(matches: readonly HttpMatchRequest[], sourceLabels: readonly Labels[]): HttpMatchRequest[] | undefined {
  const labelSets = sourceLabels.every(hasKeys) ? sourceLabels : sourceLabels.filter(hasKeys);
  if (labelSets.length === 0) return matches.length > 0 ? [...matches] : undefined;
  const base = matches.length > 0 ? matches : [{}];
  const out: HttpMatchRequest[] = [];
  // The label maps are shared with the table's selectors (outputs are read-only).
  for (const m of base) for (const l of labelSets) out.push(withSourceLabel(m, l));
  return out;
}

function hasKeys(labels: Labels): boolean {
  return !isEmpty(labels);
}

/** `{ ...m, sourceLabels }` with the key put in sorted place (one object, canonical as built). */
function withSourceLabel(m: HttpMatchRequest, sourceLabels: Labels): HttpMatchRequest {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const k in m) {
    if (!Object.prototype.hasOwnProperty.call(m, k) || k === "sourceLabels") continue;
    if (!placed && k > "sourceLabels") {
      out.sourceLabels = sortKeys(sourceLabels);
      placed = true;
    }
    out[k] = (m as Record<string, unknown>)[k];
  }
  if (!placed) out.sourceLabels = sortKeys(sourceLabels);
  return sortKeys(out) as HttpMatchRequest;
}

/** ROUTE_REPLACEMENT: the route answers 500 with the reason; FREEZE_CONFIG: the table is not translated. */
function replaceRoute(emit: Emitter, x: ExpandedRoute, base: Record<string, unknown>, problem: RouteProblem, into: RouteCollector): RouteResult {
  const mode = specOf<RouteTableSpec>(x.table.object).failureMode ?? "ROUTE_REPLACEMENT";
  const outcome = mode === "FREEZE_CONFIG" ? "the table keeps its last good configuration (failureMode FREEZE_CONFIG)" : "the route is replaced with a 500 direct response (failureMode ROUTE_REPLACEMENT)";
  const message = `${problem.message}; ${outcome}`;
  if (problem.reported) emit.status(x.table.ref, mode === "FREEZE_CONFIG" ? "INVALID" : "WARNING", message);
  else emit.issue(problem.key, "error", message, problem.objects, problem.field, mode === "FREEZE_CONFIG" ? "INVALID" : "WARNING");
  if (mode === "FREEZE_CONFIG") return "freeze";
  into.parents.push(x.table.ref);
  return { ...base, directResponse: { body: { string: problem.message }, status: 500 } };
}
