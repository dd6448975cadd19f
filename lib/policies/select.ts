import type { WorkloadView } from "../discovery/types";
import {
  workloadObjectSelector, type DestinationKind, type DestinationSelector, type RouteLabelSelector, type RouteSelector, type WorkloadSelector,
} from "../model/gloo-common";
import { matchesLabels } from "../snapshot/labels";
import { compareRefs, type ObjectRef } from "../snapshot/ref";
import type { CatalogEntry, WorkspaceIndex } from "../workspaces/types";
import { DESTINATION_GKS, matchesDestination, matchesObjectSelector, portText } from "./destinations";
import type { RouteDestination, RouteInfo } from "./types";

/**
 * Policy selectors evaluated within one workspace (reference §2.2, §2.9, §3 item 4). Callers pass only
 * the routes, destinations and workloads the workspace owns: policies never select across workspaces.
 */

/** True when a RouteLabelSelector picks a route: labels of the route or of its table, table namespace, cluster, workspace. */
export function matchesRouteLabels(selector: RouteLabelSelector | undefined, route: RouteInfo): boolean {
  const s = selector ?? {};
  if (s.namespace && s.namespace !== route.table.namespace) return false;
  if (s.cluster && s.cluster !== route.table.cluster) return false;
  if (s.workspace && s.workspace !== route.workspace) return false;
  const labels = s.labels ?? {};
  return matchesLabels(labels, route.labels) || matchesLabels(labels, route.tableLabels);
}

/** The visible forwardTo destinations of a route a DestinationSelector picks (kind, selector and port). */
export function routeDestinationsMatching(route: RouteInfo, selector: DestinationSelector, index: WorkspaceIndex): RouteDestination[] {
  const kind = selector.kind ?? "SERVICE";
  const port = portText(selector.port);
  return route.destinations.filter((d) => {
    if (!d.visible || d.kind !== kind) return false;
    if (port !== "" && d.port !== "" && d.port !== port) return false;
    return matchesObjectSelector(selector.selector, d.ref, index.entry(d.ref)?.object.metadata.labels, d.owner);
  });
}

/** True when a RouteSelector picks a route; `{}` (neither route nor withDestinations) picks every route. */
export function matchesRouteSelector(selector: RouteSelector, route: RouteInfo, index: WorkspaceIndex): boolean {
  if (selector.withDestinations) return routeDestinationsMatching(route, selector.withDestinations, index).length > 0;
  return matchesRouteLabels(selector.route, route);
}

/** The routes a list of RouteSelectors picks among `routes`; no selectors picks them all. */
export function selectRoutes(selectors: readonly RouteSelector[] | undefined, routes: readonly RouteInfo[], index: WorkspaceIndex): RouteInfo[] {
  if (!selectors || selectors.length === 0) return [...routes];
  return routes.filter((r) => selectors.some((s) => matchesRouteSelector(s, r, index)));
}

/**
 * The destinations a list of DestinationSelectors picks among the workspace's own. No selectors picks
 * every owned destination of the `supported` kinds; a selector of an unsupported kind picks nothing and
 * is reported through `onUnsupported`.
 */
export function selectDestinations(
  selectors: readonly DestinationSelector[] | undefined,
  supported: readonly DestinationKind[],
  owned: readonly CatalogEntry[],
  onUnsupported: (index: number, kind: DestinationKind) => void,
): ObjectRef[] {
  const allowed = new Set(supported.map((k) => DESTINATION_GKS[k]));
  if (!selectors || selectors.length === 0) return owned.filter((e) => allowed.has(e.gk)).map((e) => e.ref);
  const picked = new Map<string, ObjectRef>();
  selectors.forEach((s, i) => {
    const kind = s.kind ?? "SERVICE";
    if (!supported.includes(kind)) {
      onUnsupported(i, kind);
      return;
    }
    for (const e of owned) if (matchesDestination(s, e)) picked.set(e.key, e.ref);
  });
  return [...picked.values()].sort(compareRefs);
}

/** The workloads (in the mesh, owned by the workspace) a list of WorkloadSelectors picks; VM selectors pick none. */
export function selectWorkloads(selectors: readonly WorkloadSelector[], workloads: readonly WorkloadView[], workspace: string): ObjectRef[] {
  const picked = new Map<string, ObjectRef>();
  for (const s of selectors) {
    if (s.kind === "VM") continue;
    const sel = workloadObjectSelector(s);
    for (const w of workloads) {
      if (matchesObjectSelector(sel, w.controller, w.podLabels, workspace)) picked.set(`${w.cluster}|${w.kind}|${w.namespace}|${w.name}`, w.controller);
    }
  }
  return [...picked.values()].sort(compareRefs);
}
