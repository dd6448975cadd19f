import type { KubeObject } from "../model/meta";
import type { EdgeRoute, EdgeRouteTable } from "../model/gloo-edge";
import { refOf, type ObjectRef } from "../snapshot/ref";
import { matchesLabels } from "../snapshot/labels";
import { GK, nsKey, type ClusterIndex } from "./cluster-index";
import { edgeMatcher, matchesExpressions, type EdgeMatcherModel } from "./edge-match";
import { resolveEdgeDestinations, type EdgeDestination } from "./edge-destinations";
import { addIssue, type EdgeIssues } from "./edge-issues";
import { report, type FindingSink } from "./findings";
import { mergeFirstWins, type MergeResult, type PolicySource } from "./policies";
import type { UpstreamFunction } from "./upstream-functions";

/**
 * Flattens a VirtualService's routes through RouteTable delegation (reference §8.3, §8.5): routes keep list
 * order (first match wins), delegated tables are spliced in by ascending weight, child routes outside the
 * parent prefix are dropped with a warning, cycles and bad delegating matchers are errors.
 */
export interface EdgeRouteModel {
  /** VirtualService first, then each RouteTable on the way, with the route index in each. */
  chain: { kind: string; namespace: string; name: string; route: number }[];
  owner: ObjectRef;
  route: EdgeRoute;
  matchers: EdgeMatcherModel[];
  action: "route" | "redirect" | "direct-response" | "none";
  destinations: EdgeDestination[];
  options: MergeResult;
}

/** What route flattening needs: the cluster index, Upstream functions, issue and finding sinks, the top VirtualService. */
export interface FlattenContext {
  index: ClusterIndex;
  functions: ReadonlyMap<string, UpstreamFunction[]>;
  issues: EdgeIssues;
  sink: FindingSink;
  top: KubeObject;
}

function selectTables(ctx: FlattenContext, owner: KubeObject, route: EdgeRoute): EdgeRouteTable[] {
  const d = route.delegateAction;
  const ns = owner.metadata.namespace ?? "";
  if (!d) return [];
  const ref = d.ref ?? (d.name !== undefined ? { name: d.name, namespace: d.namespace } : undefined);
  if (ref) {
    const t = ctx.index.get<EdgeRouteTable>(GK.edgeRouteTable, ref.namespace ?? ns, ref.name);
    return t ? [t] : [];
  }
  const namespaces = d.selector?.namespaces ?? [ns];
  return ctx.index.list<EdgeRouteTable>(GK.edgeRouteTable).filter((t) =>
    (namespaces.includes("*") || namespaces.includes(t.metadata.namespace ?? "")) &&
    matchesLabels(d.selector?.labels, t.metadata.labels) && matchesExpressions(d.selector?.expressions ?? [], t.metadata.labels));
}

/** A child matcher must stay inside the parent's (prefix, case sensitivity, headers, query, methods). */
function withinParent(parent: EdgeMatcherModel, child: EdgeMatcherModel): boolean {
  const sub = <T>(outer: readonly T[], inner: readonly T[]) => outer.every((o) => inner.some((i) => JSON.stringify(i) === JSON.stringify(o)));
  return child.path.startsWith(parent.path) && child.caseSensitive === parent.caseSensitive && sub(parent.headers, child.headers) && sub(parent.query, child.query)
    && (parent.methods.length === 0 || (child.methods.length > 0 && child.methods.every((m) => parent.methods.includes(m))));
}

function inherit(parent: EdgeMatcherModel, child: EdgeMatcherModel): EdgeMatcherModel {
  return { ...child, headers: [...parent.headers, ...child.headers], query: [...parent.query, ...child.query], methods: child.methods.length > 0 ? child.methods : parent.methods };
}

function optionSources(ctx: FlattenContext, owner: KubeObject, route: EdgeRoute, tier: string, i: number): PolicySource[] {
  const own: PolicySource[] = route.options ? [{ obj: owner, via: "route-options", level: "route", tier: `${tier}own`, fields: route.options }] : [];
  const delegated = (route.optionsConfigRefs?.delegateOptions ?? []).flatMap((ref): PolicySource[] => {
    const obj = ctx.index.get(GK.routeOption, ref.namespace ?? owner.metadata.namespace ?? "", ref.name);
    if (!obj) {
      addIssue(ctx.issues, owner, "warnings", `delegated RouteOption ${ref.namespace ?? owner.metadata.namespace ?? ""}/${ref.name} must exist`);
      report(ctx.sink, "GW_EDGE_OPTIONS_REF_MISSING", [refOf(ctx.index.cluster, owner)], `${routesField(owner, i)}.optionsConfigRefs.delegateOptions`, `route ${i}: delegated RouteOption ${ref.namespace ?? owner.metadata.namespace ?? ""}/${ref.name} must exist`);
      return [];
    }
    return [{ obj, via: "delegateOptions", level: "route", tier: `${tier}delegated`, fields: (obj as { spec?: { options?: Record<string, unknown> } }).spec?.options ?? {} }];
  });
  return [...own, ...delegated];
}

function routesField(owner: KubeObject, i: number): string {
  return `${owner.kind === "VirtualService" ? "spec.virtualHost.routes" : "spec.routes"}[${i}]`;
}

/** Gloo re-sorts routes of equal-weight tables so that a shorter prefix does not short-circuit a longer path. */
function sortAgainstShortCircuit(routes: EdgeRouteModel[]): EdgeRouteModel[] {
  const rank = (r: EdgeRouteModel) => {
    const m = r.matchers[0];
    return m ? [m.pathType === "exact" ? 0 : m.pathType === "regex" ? 1 : 2, -m.path.length] : [3, 0];
  };
  return [...routes].sort((a, b) => {
    const [a0 = 0, a1 = 0] = rank(a);
    const [b0 = 0, b1 = 0] = rank(b);
    return a0 - b0 || a1 - b1;
  });
}

interface Frame {
  owner: KubeObject;
  chain: EdgeRouteModel["chain"];
  parent: { matcher: EdgeMatcherModel; inheritMatchers: boolean; inheritPath: boolean; options: PolicySource[] } | null;
  visited: readonly string[];
}

function delegate(ctx: FlattenContext, frame: Frame, route: EdgeRoute, i: number, matchers: EdgeMatcherModel[], options: PolicySource[]): EdgeRouteModel[] {
  const owner = frame.owner;
  const first = matchers[0];
  if (matchers.length !== 1 || !first || first.pathType !== "prefix") {
    addIssue(ctx.issues, owner, "errors", `route ${i}: a delegating route must have exactly one prefix matcher`);
    report(ctx.sink, "GW_EDGE_DELEGATION_INVALID", [refOf(ctx.index.cluster, owner)], `${routesField(owner, i)}.matchers`, `route ${i}: a delegating route must have exactly one prefix matcher`);
    return [];
  }
  const tables = selectTables(ctx, owner, route).sort((a, b) => Number(a.spec.weight ?? 0) - Number(b.spec.weight ?? 0) || (nsKey(a) < nsKey(b) ? -1 : 1));
  if (tables.length === 0) {
    addIssue(ctx.issues, owner, "warnings", `route ${i}: delegation selects no RouteTable`);
    report(ctx.sink, "GW_EDGE_DELEGATION_EMPTY", [refOf(ctx.index.cluster, owner)], `${routesField(owner, i)}.delegateAction`, `route ${i}: the delegateAction must select at least one RouteTable`);
    return [];
  }
  const groups = new Map<number, EdgeRouteModel[]>();
  for (const t of tables) {
    const key = `${t.kind}|${nsKey(t)}`;
    if (frame.visited.includes(key)) {
      addIssue(ctx.issues, owner, "errors", `route ${i}: delegation cycle through RouteTable ${nsKey(t)}`);
      if (owner !== ctx.top) addIssue(ctx.issues, ctx.top, "errors", `${owner.kind} ${nsKey(owner)} route ${i}: delegation cycle through RouteTable ${nsKey(t)}`);
      report(ctx.sink, "GW_EDGE_DELEGATION_INVALID", [refOf(ctx.index.cluster, owner), refOf(ctx.index.cluster, t)], `${routesField(owner, i)}.delegateAction`, `delegation must not form a cycle (RouteTable ${nsKey(t)} is already on the path)`);
      continue;
    }
    const child: Frame = {
      owner: t, chain: frame.chain, visited: [...frame.visited, key],
      parent: { matcher: first, inheritMatchers: route.inheritableMatchers ?? false, inheritPath: route.inheritablePathMatchers ?? false, options },
    };
    const w = Number(t.spec.weight ?? 0);
    groups.set(w, [...(groups.get(w) ?? []), ...flattenRoutes(ctx, child, t.spec.routes ?? [])]);
  }
  const out: EdgeRouteModel[] = [];
  for (const [w, routes] of [...groups].sort((a, b) => a[0] - b[0])) {
    const tied = tables.filter((t) => Number(t.spec.weight ?? 0) === w).length > 1;
    if (tied) report(ctx.sink, "GW_EDGE_DELEGATION_WEIGHT_TIE", [refOf(ctx.index.cluster, owner)], `${routesField(owner, i)}.delegateAction`, `RouteTables selected by route ${i} must have distinct weights to keep their written order (several have weight ${w})`);
    out.push(...(tied ? sortAgainstShortCircuit(routes) : routes));
  }
  return out;
}

function childMatchers(ctx: FlattenContext, frame: Frame, route: EdgeRoute, i: number): EdgeMatcherModel[] {
  const own = (route.matchers ?? []).map(edgeMatcher);
  const p = frame.parent;
  if (!p) return own.length > 0 ? own : [edgeMatcher(undefined)];
  const written = own.length > 0 ? own : [p.inheritPath ? p.matcher : edgeMatcher(undefined)];
  const effective = written.map((m) => (p.inheritMatchers ? inherit(p.matcher, m) : m));
  const kept = effective.filter((m) => withinParent(p.matcher, m));
  if (kept.length < effective.length) {
    const message = `route ${i}: matchers must start with the parent prefix ${p.matcher.path} and keep its conditions; ${effective.length - kept.length} dropped`;
    addIssue(ctx.issues, frame.owner, "warnings", message);
    addIssue(ctx.issues, ctx.top, "warnings", `${frame.owner.kind} ${nsKey(frame.owner)} ${message}`);
    report(ctx.sink, "GW_EDGE_ROUTE_DROPPED", [refOf(ctx.index.cluster, frame.owner), refOf(ctx.index.cluster, ctx.top)], `${routesField(frame.owner, i)}.matchers`, message);
  }
  return kept;
}

/** Flattens routes of a VirtualService (frame.parent null) or of a delegated RouteTable. */
export function flattenRoutes(ctx: FlattenContext, frame: Frame, routes: readonly EdgeRoute[]): EdgeRouteModel[] {
  const out: EdgeRouteModel[] = [];
  routes.forEach((route, i) => {
    const matchers = childMatchers(ctx, frame, route, i);
    if (matchers.length === 0) return;
    const owner = frame.owner;
    const chain = [...frame.chain, { kind: owner.kind, namespace: owner.metadata.namespace ?? "", name: owner.metadata.name, route: i }];
    const options = [...optionSources(ctx, owner, route, `${chain.length}-`, i), ...(frame.parent?.options ?? [])];
    if (route.delegateAction) {
      out.push(...delegate(ctx, { ...frame, chain }, route, i, matchers, options));
      return;
    }
    const action = route.routeAction ? "route" : route.redirectAction ? "redirect" : route.directResponseAction ? "direct-response" : "none";
    if (action === "none") {
      addIssue(ctx.issues, owner, "errors", `route ${i}: must set an action`);
      report(ctx.sink, "GW_EDGE_ROUTE_NO_ACTION", [refOf(ctx.index.cluster, owner)], routesField(owner, i), `route ${i} must set exactly one of routeAction, redirectAction, directResponseAction or delegateAction`);
    }
    const destinations = route.routeAction ? resolveEdgeDestinations(ctx, owner, route.routeAction, i) : [];
    out.push({ chain, owner: refOf(ctx.index.cluster, owner), route, matchers, action, destinations, options: mergeFirstWins(options) });
  });
  return out;
}

/** Flattens a VirtualService's virtual host. */
export function flattenVirtualService(ctx: FlattenContext, vs: KubeObject & { spec: { virtualHost?: { routes?: EdgeRoute[] } } }): EdgeRouteModel[] {
  return flattenRoutes(ctx, { owner: vs, chain: [], parent: null, visited: [`${vs.kind}|${nsKey(vs)}`] }, vs.spec.virtualHost?.routes ?? []);
}
