import type { HttpRoute, RouteTableSpec } from "../model/gloo-networking-routes";
import type { HttpMatchRequest } from "../model/istio-traffic";
import type { RouteInfo } from "../policies/types";
import { routeKey } from "../policies/types";
import { describeRef } from "../workspaces/findings";
import { compareAge, specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import type { Emitter } from "./emit";
import { istioMatch, mergeMatch, specificity } from "./matchers";
import { entryAt, type World } from "./world";

/**
 * Flattens a root RouteTable and the tables it delegates to into one ordered list of routes (reference
 * §2.7): TABLE_WEIGHT orders child tables by weight (descending, oldest first on ties) and keeps each
 * table's route order; ROUTE_SPECIFICITY sorts all child routes by their most specific path. A child
 * route's matchers are ANDed with the delegating route's; a child route no request can reach is dropped.
 */

/** One route as it will appear in the VirtualService. */
export interface ExpandedRoute {
  route: HttpRoute;
  /** The route as policy attachment sees it (destinations, policies), when its table is owned. */
  info: RouteInfo | undefined;
  table: CatalogEntry;
  index: number;
  /** The Istio route name (`<route>-<table>`, delegated: `<route>-<child>.<ns>.<cluster>--<parent>…`). */
  name: string;
  /** Matches without source labels; empty means "match every request". */
  matches: HttpMatchRequest[];
  /** Route keys of the delegating routes above it, nearest first (their policies are inherited). */
  parentKeys: string[];
}

const MAX_DEPTH = 8;

/** The routes of a root table after delegation, in VirtualService order. */
export function expandRoutes(world: World, emit: Emitter, root: CatalogEntry): ExpandedRoute[] {
  return expandTable(world, emit, root, null, [], { suffix: root.ref.name, path: undefined }, [root.key]);
}

/**
 * How routes of a table are named: `suffix` follows the route name, `path` is the qualified delegation chain
 * (undefined for a root table: its own qualified name, built only when it delegates).
 */
interface Naming {
  suffix: string;
  path: string | undefined;
}

function qualified(e: CatalogEntry): string {
  return `${e.ref.name}.${e.ref.namespace}.${e.ref.cluster}`;
}

function expandTable(world: World, emit: Emitter, table: CatalogEntry, parent: HttpMatchRequest[] | null, parentKeys: string[], naming: Naming, visiting: string[]): ExpandedRoute[] {
  const http = specOf<RouteTableSpec>(table.object).http ?? [];
  const names = routeNames(emit, table, http);
  const out: ExpandedRoute[] = [];
  for (let index = 0; index < http.length; index++) {
    const route = http[index] as HttpRoute;
    const key = routeKey(table.key, index);
    const own = (route.matchers ?? []).map(istioMatch);
    const matches = parent === null ? own : mergeAll(parent, own);
    const name = `${names[index]}-${naming.suffix}`;
    if (matches === null) {
      emit.issue("DELEGATION_MATCHER_CONFLICT", "warning", `route ${names[index]} (spec.http[${index}]) of ${describeRef(table.ref, false)} must match requests within its delegating route's matchers; no request can match both, so it is dropped`, [table.ref], `spec.http[${index}].matchers`, "WARNING");
      continue;
    }
    const info = world.ctx.attachment.route(key);
    if (!route.delegate) out.push({ route, info, table, index, name, matches, parentKeys });
    else out.push(...expandDelegate(world, emit, { route, info, table, index, name, matches, parentKeys }, naming, visiting));
  }
  return out;
}

/** Expands a delegate action into the child tables' routes, ordered by the route's sort method. */
function expandDelegate(world: World, emit: Emitter, x: ExpandedRoute, naming: Naming, visiting: string[]): ExpandedRoute[] {
  const children = (x.info?.delegates ?? []).map((ref) => entryAt(world, ref)).filter((e): e is CatalogEntry => e !== undefined);
  const weighted = children.map((e) => ({ e, weight: specOf<RouteTableSpec>(e.object).weight ?? 0 }));
  weighted.sort((a, b) => b.weight - a.weight || compareAge(a.e, b.e));
  const keys = [...(x.info ? [x.info.key] : []), ...x.parentKeys];
  const groups: { weight: number; routes: ExpandedRoute[] }[] = [];
  for (const { e, weight } of weighted) {
    if (visiting.includes(e.key) || visiting.length >= MAX_DEPTH) {
      emit.issue("DELEGATION_CYCLE", "error", `route ${x.route.name ?? x.index} (spec.http[${x.index}]) of ${describeRef(x.table.ref, false)} must not delegate back to ${describeRef(e.ref, false)} (a delegation cycle, or deeper than ${MAX_DEPTH} levels); that table is skipped`, [x.table.ref, e.ref], `spec.http[${x.index}].delegate.routeTables`, "WARNING");
      continue;
    }
    emit.delegated.add(e.key);
    const path = `${qualified(e)}--${naming.path ?? qualified(x.table)}`;
    groups.push({ weight, routes: expandTable(world, emit, e, x.matches, keys, { suffix: path, path }, [...visiting, e.key]) });
  }
  if (x.route.delegate?.sortMethod !== "ROUTE_SPECIFICITY") return groups.flatMap((g) => g.routes);
  const flat = groups.flatMap((g, gi) => g.routes.map((r, ri) => ({ r, weight: g.weight, order: gi * 100_000 + ri, rank: specificity(r.matches) })));
  flat.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || b.weight - a.weight || a.order - b.order);
  return flat.map((f) => f.r);
}

/** Every (parent, child) matcher pair ANDed; null when none can match. */
function mergeAll(parent: HttpMatchRequest[], own: HttpMatchRequest[]): HttpMatchRequest[] | null {
  const ps = parent.length > 0 ? parent : [{}];
  const cs = own.length > 0 ? own : [{}];
  const out: HttpMatchRequest[] = [];
  for (const p of ps) for (const c of cs) {
    const m = mergeMatch(p, c);
    if (m) out.push(m);
  }
  if (out.length === 0) return null;
  return out.every((m) => Object.keys(m).length === 0) ? [] : out;
}

/**
 * Route names within one table: `insecure-` prefixes trimmed, unnamed routes `route-<index>`, and later
 * duplicates renamed `duplicate-<name>-<n>` (reference §2.7) with a warning.
 */
function routeNames(emit: Emitter, table: CatalogEntry, http: readonly HttpRoute[]): string[] {
  // Earlier uses of each name: counted in the list for short tables (most), through a Map for long ones.
  const bases: string[] = [];
  const counts = http.length > 32 ? new Map<string, number>() : undefined;
  return http.map((r, i) => {
    const name = r.name ?? "";
    const base = (name.startsWith("insecure-") ? name.slice("insecure-".length) : name) || `route-${i}`;
    let n = 0;
    if (counts) counts.set(base, (n = counts.get(base) ?? 0) + 1);
    else {
      for (const b of bases) if (b === base) n++;
      bases.push(base);
    }
    if (n === 0) return base;
    emit.issue("ROUTE_DUPLICATE_NAME", "warning", `route names must be unique within ${describeRef(table.ref, false)}; spec.http[${i}] repeats ${base} and is renamed duplicate-${base}-${n}`, [table.ref], `spec.http[${i}].name`, "WARNING");
    return `duplicate-${base}-${n}`;
  });
}
