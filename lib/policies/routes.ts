import type { DelegateAction, HttpRoute, RouteTableSpec } from "../model/gloo-networking-routes";
import type { DestinationReference } from "../model/gloo-common";
import { compareRefs } from "../snapshot/ref";
import { describeRef, makeFinding, type Finding } from "../workspaces/findings";
import { ROUTE_TABLE_GK, specOf } from "../workspaces/kinds";
import type { CatalogEntry, WorkspaceIndex } from "../workspaces/types";
import { matchesObjectSelector, resolveRouteDestination } from "./destinations";
import { routeKey, type RouteAction, type RouteDestination, type RouteInfo } from "./types";

/**
 * The HTTP routes of every RouteTable a workspace owns (reference §2.7), with forwardTo destinations
 * resolved against the table's workspace and delegate actions resolved against the route tables it can
 * see (own + imported, §3.4 rule 6).
 */
export function collectRoutes(index: WorkspaceIndex, findings: Finding[]): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const ws of index.workspaces) {
    for (const entry of index.ownedBy(ws.name)) {
      if (entry.gk === ROUTE_TABLE_GK) out.push(...routesOfTable(entry, ws.name, index, findings));
    }
  }
  return out;
}

const ACTIONS: readonly RouteAction[] = ["forwardTo", "delegate", "redirect", "directResponse", "graphql"];

function routesOfTable(entry: CatalogEntry, workspace: string, index: WorkspaceIndex, findings: Finding[]): RouteInfo[] {
  const spec = specOf<RouteTableSpec>(entry.object);
  const http = Array.isArray(spec.http) ? spec.http : [];
  return http.map((route: HttpRoute, i): RouteInfo => {
    const name = route.name ?? "";
    const action = ACTIONS.find((a) => route[a] !== undefined) ?? "none";
    const info: RouteInfo = {
      key: routeKey(entry.key, i), table: entry.ref, index: i, name, workspace,
      labels: route.labels ?? {}, tableLabels: entry.object.metadata.labels ?? {}, action, destinations: [], delegates: [],
    };
    if (route.forwardTo) info.destinations = forwardDestinations(route, spec, info, index, findings);
    if (route.delegate) info.delegates = delegateTables(route.delegate, info, index, findings);
    return info;
  });
}

/** forwardTo destinations, or the table's defaultDestination when the route lists none. */
function forwardDestinations(route: HttpRoute, spec: Partial<RouteTableSpec>, info: RouteInfo, index: WorkspaceIndex, findings: Finding[]): RouteDestination[] {
  const listed = route.forwardTo?.destinations ?? [];
  const useDefault = listed.length === 0 && spec.defaultDestination !== undefined;
  const refs: { d: DestinationReference; field: string }[] = useDefault && spec.defaultDestination
    ? [{ d: spec.defaultDestination, field: "spec.defaultDestination.ref" }]
    : listed.map((d, j) => ({ d, field: `spec.http[${info.index}].forwardTo.destinations[${j}].ref` }));
  const out: RouteDestination[] = [];
  for (const { d, field } of refs) {
    const resolved = resolveRouteDestination(d, info.table, info.workspace, index);
    if (!resolved) continue;
    out.push(resolved);
    reportDestination(resolved, field, info, index, findings);
  }
  return out;
}

function reportDestination(d: RouteDestination, field: string, info: RouteInfo, index: WorkspaceIndex, findings: Finding[]): void {
  const route = `route ${info.name || `#${info.index}`} (spec.http[${info.index}]) of ${describeRef(info.table, false)}`;
  if (!d.found) {
    findings.push(makeFinding("ROUTE_DESTINATION_NOT_FOUND", `${route} must forward to an existing destination; ${describeRef(d.ref)} is not in any registered cluster`, [info.table, d.ref], field, [info.workspace]));
    return;
  }
  if (d.visible) return;
  const reason = index.explainVisibility(d.ref, info.workspace);
  const why = reason === "not-exported" ? `it belongs to ${d.owner}, whose exportTo does not export it to ${info.workspace}`
    : reason === "not-imported" ? `${d.owner} exports it, but the importFrom of ${info.workspace} does not take it`
      : "it belongs to no single workspace";
  findings.push(makeFinding("ROUTE_DESTINATION_NOT_VISIBLE", `${route} must forward to a destination workspace ${info.workspace} owns or imports; ${describeRef(d.ref)} is not visible there: ${why}`, [info.table, d.ref], field, [info.workspace]));
}

/** Route tables a delegate action selects among those visible to the workspace (not the table itself). */
function delegateTables(delegate: DelegateAction, info: RouteInfo, index: WorkspaceIndex, findings: Finding[]): RouteInfo["delegates"] {
  const visible = index.visibleTo(info.workspace).get(ROUTE_TABLE_GK) ?? [];
  const selectors = delegate.routeTables ?? [];
  const out = visible
    .filter((v) => !(v.ref.cluster === info.table.cluster && v.ref.namespace === info.table.namespace && v.ref.name === info.table.name))
    .filter((v) => selectors.some((s) => matchesObjectSelector(s, v.ref, index.entry(v.ref)?.object.metadata.labels, v.owner)))
    .map((v) => v.ref)
    .sort(compareRefs);
  if (out.length === 0) {
    findings.push(makeFinding("ROUTE_DELEGATE_UNMATCHED", `route ${info.name || `#${info.index}`} (spec.http[${info.index}]) of ${describeRef(info.table, false)} should delegate to at least one route table owned by or imported into workspace ${info.workspace}; spec.http[${info.index}].delegate.routeTables matches none`, [info.table], `spec.http[${info.index}].delegate.routeTables`, [info.workspace]));
  }
  return out;
}
