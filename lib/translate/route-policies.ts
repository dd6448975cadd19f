import type { CorsConfig, FaultInjectionConfig, HeaderManipulationConfig, RetryTimeoutConfig } from "../model/gloo-policy";
import type { AttachedPolicy } from "../policies/types";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { compact, sortKeys, stringSet } from "./canonical";
import type { ExpandedRoute } from "./delegation";
import { istioStringMatch } from "./matchers";
import type { ResolvedDestination } from "./route-destinations";
import { entryAt, type World } from "./world";

/**
 * Route policies onto the Istio route of the route they select (reference §6.3): RetryTimeoutPolicy →
 * `timeout`/`retries`, FaultInjectionPolicy → `fault`, CORSPolicy → `corsPolicy`,
 * HeaderManipulationPolicy → `headers` (or `route[].headers` for route-destination selections). Only
 * policies in effect on the route count (one-per-route kinds: the oldest wins). A delegated route
 * inherits, per kind, the policies of the delegating routes above it when it has none of its own.
 */

const RETRY = "RetryTimeoutPolicy.resilience.policy.gloo.solo.io";
const FAULT = "FaultInjectionPolicy.resilience.policy.gloo.solo.io";
const CORS = "CORSPolicy.security.policy.gloo.solo.io";
const HEADERS = "HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io";

type Rec = Record<string, unknown>;
type HeaderOps = { add?: Record<string, string>; remove?: string[] };

/**
 * The policies in effect on a route, own first, then inherited per kind from delegating routes. Without
 * delegating routes, the attachment's own list (callers skip the policies that are not effective).
 */
export function routePolicies(world: World, x: ExpandedRoute): readonly AttachedPolicy[] {
  if (x.parentKeys.length === 0) return x.info ? world.ctx.attachment.onRoute(x.info.key) : [];
  const own = x.info ? world.ctx.attachment.onRoute(x.info.key).filter((p) => p.effective) : [];
  const kinds = new Set(own.map((p) => p.gk));
  const out = [...own];
  for (const key of x.parentKeys) {
    const inherited = world.ctx.attachment.onRoute(key).filter((p) => p.effective && !kinds.has(p.gk) && p.destination === undefined);
    out.push(...inherited);
    for (const p of inherited) kinds.add(p.gk);
  }
  return out;
}

/** Sets the policy fields on an Istio route and adds the policies applied to `applied` (they become output parents). */
export function applyRoutePolicies(world: World, route: Rec, x: ExpandedRoute, resolved: readonly ResolvedDestination[], applied: ObjectRef[]): void {
  for (const p of routePolicies(world, x)) {
    if (!p.effective) continue;
    const config = (entryAt(world, p.policy)?.object.spec as { config?: unknown } | undefined)?.config;
    if (config === undefined || config === null || typeof config !== "object") continue;
    if (p.gk === RETRY) Object.assign(route, fieldsOf(world, config, retryFields));
    else if (p.gk === FAULT) route.fault = fieldsOf(world, config, faultFields);
    else if (p.gk === CORS) route.corsPolicy = fieldsOf(world, config, corsFields);
    else if (p.gk === HEADERS) applyHeaders(world, route, config as HeaderManipulationConfig, p.destination, resolved);
    else continue;
    applied.push(p.policy);
  }
}

/**
 * What a policy's config sets on a route, built once per config and pass: a policy usually selects many
 * routes, and outputs may share read-only parts (Emitter.output), so every route it selects shares one copy.
 */
function fieldsOf<C>(world: World, config: object, build: (c: C) => Rec): Rec {
  let byConfig = routeFields.get(world);
  if (!byConfig) routeFields.set(world, (byConfig = new Map()));
  let fields = byConfig.get(config);
  if (!fields) byConfig.set(config, (fields = build(config as C)));
  return fields;
}

const routeFields = new WeakMap<World, Map<object, Rec>>();

function retryFields(c: RetryTimeoutConfig): Rec {
  const out: Rec = {};
  if (c.requestTimeout) out.timeout = c.requestTimeout;
  if (c.retries) {
    // Gloo's default is 2 attempts when retries are set without a count (gloo-api-details §1.5.2).
    out.retries = compact({ attempts: c.retries.attempts ?? 2, perTryTimeout: c.retries.perTryTimeout, retryOn: c.retries.retryOn, retryRemoteLocalities: c.retries.retryRemoteLocalities });
  }
  return out;
}

function faultFields(c: FaultInjectionConfig): Rec {
  return compact({
    // Omitted percentage means every request (reference §6.3 [INFER]).
    delay: c.delay ? { fixedDelay: c.delay.fixedDelay, percentage: { value: c.delay.percentage ?? 100 } } : undefined,
    abort: c.abort ? { httpStatus: c.abort.httpStatus, percentage: { value: c.abort.percentage ?? 100 } } : undefined,
  });
}

function corsFields(c: CorsConfig): Rec {
  return compact({
    allowOrigins: (c.allowOrigins ?? []).map(istioStringMatch).filter((m) => m !== undefined),
    allowMethods: c.allowMethods && stringSet(c.allowMethods),
    allowHeaders: c.allowHeaders && stringSet(c.allowHeaders),
    exposeHeaders: c.exposeHeaders && stringSet(c.exposeHeaders),
    maxAge: c.maxAge,
    allowCredentials: c.allowCredentials,
  });
}

/** Header edits merge: earlier policies keep their values for a header, removals are unioned. */
function applyHeaders(world: World, route: Rec, c: HeaderManipulationConfig, destination: ObjectRef | undefined, resolved: readonly ResolvedDestination[]): void {
  if (destination === undefined) {
    // The first header policy of a route sets its edits as they are (shared); a second merges into a copy.
    route.headers = route.headers === undefined ? fieldsOf(world, c, (x: HeaderManipulationConfig) => mergeHeaders(undefined, x)) : mergeHeaders(route.headers as Rec, c);
    return;
  }
  const key = refKey(destination);
  const entries = (route.route as Rec[] | undefined) ?? [];
  resolved.forEach((r, i) => {
    const e = entries[i];
    // The entry was built without headers (`destination`, `weight`): rebuilt with them in key order.
    if (e && refKey(r.ref) === key) entries[i] = sortKeys({ ...e, headers: mergeHeaders(e.headers as Rec | undefined, c) });
  });
}

function mergeHeaders(existing: Rec | undefined, c: HeaderManipulationConfig): Rec {
  return compact({
    request: mergeOps(existing?.request as HeaderOps | undefined, c.appendRequestHeaders, c.removeRequestHeaders),
    response: mergeOps(existing?.response as HeaderOps | undefined, c.appendResponseHeaders, c.removeResponseHeaders),
  });
}

/** One direction's header edits: headers already set keep their values, removals are unioned. */
function mergeOps(existing: HeaderOps | undefined, add: Record<string, string> | undefined, remove: readonly string[] | undefined): Rec {
  const removed = existing?.remove === undefined && remove === undefined ? [] : stringSet([...(existing?.remove ?? []), ...(remove ?? [])]);
  return compact({ add: sortKeys({ ...(add ?? {}), ...(existing?.add ?? {}) }), remove: removed });
}
