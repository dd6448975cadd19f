import type { WorkloadView } from "../discovery/types";
import type { DestinationKind, DestinationSelector, RouteDestinationSelector, RouteSelector, WorkloadSelector } from "../model/gloo-common";
import { compareRefs, refKey } from "../snapshot/ref";
import { push } from "../workspaces/collections";
import { describeRef, makeFinding, type Finding, type Severity } from "../workspaces/findings";
import { cmp, specOf } from "../workspaces/kinds";
import type { CatalogEntry, WorkspaceIndex } from "../workspaces/types";
import { destinationKindOf } from "./destinations";
import { matchesRouteLabels, routeDestinationsMatching, selectDestinations, selectRoutes, selectWorkloads } from "./select";
import type { PolicyAttachment, RouteDestinationTarget, RouteInfo } from "./types";

/**
 * What each v2 policy kind selects and whether only one may apply per target (reference §2.9, §3 items
 * 4–5; choices in WORKSPACE_NOTES "Empty selectors" and "One policy per target").
 */
export interface PolicyRule {
  mode: "routes" | "headers" | "destinations" | "access";
  /** Destination kinds the policy supports, and what "no selector" selects. */
  supported: readonly DestinationKind[];
  /** Conflict severity when only one policy of the kind may apply per target; undefined when additive. */
  exclusive: Severity | undefined;
}

const SECURITY = "security.policy.gloo.solo.io";
const RESILIENCE = "resilience.policy.gloo.solo.io";
const TRAFFIC = "trafficcontrol.policy.gloo.solo.io";

/** The policy kinds Meshpane attaches, by group-kind. */
export const POLICY_RULES: ReadonlyMap<string, PolicyRule> = new Map<string, PolicyRule>([
  [`AccessPolicy.${SECURITY}`, { mode: "access", supported: ["SERVICE"], exclusive: undefined }],
  [`CORSPolicy.${SECURITY}`, { mode: "routes", supported: [], exclusive: "info" }],
  [`RetryTimeoutPolicy.${RESILIENCE}`, { mode: "routes", supported: [], exclusive: "warning" }],
  [`FaultInjectionPolicy.${RESILIENCE}`, { mode: "routes", supported: [], exclusive: "warning" }],
  [`FailoverPolicy.${RESILIENCE}`, { mode: "destinations", supported: ["SERVICE", "VIRTUAL_DESTINATION"], exclusive: "info" }],
  [`OutlierDetectionPolicy.${RESILIENCE}`, { mode: "destinations", supported: ["VIRTUAL_DESTINATION", "EXTERNAL_SERVICE"], exclusive: "info" }],
  [`HeaderManipulationPolicy.${TRAFFIC}`, { mode: "headers", supported: [], exclusive: undefined }],
]);

/** The selector fields of every policy kind (each reads only its own). */
export interface PolicySpecSelectors {
  applyToRoutes: RouteSelector[];
  applyToRouteDestinations: RouteDestinationSelector[];
  applyToDestinations: DestinationSelector[];
  applyToWorkloads: WorkloadSelector[];
}

/** What one workspace offers its policies: its own routes, destinations and mesh workloads. */
export interface WorkspaceScope {
  workspace: string;
  routes: readonly RouteInfo[];
  destinations: readonly CatalogEntry[];
  workloads: readonly WorkloadView[];
  index: WorkspaceIndex;
}

/** Selects the targets of one policy within its workspace and reports selectors that pick nothing. */
export function attachPolicy(entry: CatalogEntry, rule: PolicyRule, scope: WorkspaceScope, findings: Finding[]): PolicyAttachment {
  const spec = specOf<PolicySpecSelectors>(entry.object);
  const a: PolicyAttachment = { policy: entry.ref, gk: entry.gk, workspace: scope.workspace, routes: [], routeDestinations: [], destinations: [], workloads: [] };
  const unsupported = (i: number, kind: DestinationKind) => findings.push(makeFinding(
    "POLICY_TARGET_KIND_UNSUPPORTED",
    `${describeRef(entry.ref, false)} must select only ${rule.supported.join(" or ")} destinations; spec.applyToDestinations[${i}] selects ${kind}, so it selects nothing`,
    [entry.ref], `spec.applyToDestinations[${i}].kind`, [scope.workspace],
  ));
  let field = "spec";
  if (rule.mode === "routes") {
    a.routes = selectRoutes(spec.applyToRoutes, scope.routes, scope.index).map((route) => ({ route: routeRef(route), effective: true }));
    if ((spec.applyToRoutes ?? []).length > 0) field = "spec.applyToRoutes";
  } else if (rule.mode === "headers") {
    field = attachHeaders(a, spec, scope);
  } else if (rule.mode === "destinations") {
    a.destinations = selectDestinations(spec.applyToDestinations, rule.supported, scope.destinations, unsupported).map((d) => ({ destination: d, effective: true }));
    if ((spec.applyToDestinations ?? []).length > 0) field = "spec.applyToDestinations";
  } else {
    field = attachAccess(a, spec, rule, scope, unsupported, findings);
  }
  if (a.routes.length + a.routeDestinations.length + a.destinations.length + a.workloads.length === 0) {
    const what = rule.mode === "routes" || rule.mode === "headers" ? "route" : rule.mode === "access" ? "destination or workload" : "destination";
    const scopeNote = rule.mode === "routes" || rule.mode === "headers" ? " (route policies select only routes of RouteTables their own workspace owns)" : " (destination and workload policies never select across workspaces)";
    findings.push(makeFinding("POLICY_SELECTS_NOTHING", `${describeRef(entry.ref, false)} must select at least one ${what} of workspace ${scope.workspace}; ${field} matches none${scopeNote}`, [entry.ref], field, [scope.workspace]));
  }
  return a;
}

function routeRef(route: RouteInfo): PolicyAttachment["routes"][number]["route"] {
  return { key: route.key, table: route.table, index: route.index, name: route.name };
}

/** HeaderManipulationPolicy: routes and/or route-destination pairs; neither set selects every route. */
function attachHeaders(a: PolicyAttachment, spec: Partial<PolicySpecSelectors>, scope: WorkspaceScope): string {
  const routeSel = spec.applyToRoutes ?? [];
  const rdSel = spec.applyToRouteDestinations ?? [];
  if (routeSel.length === 0 && rdSel.length === 0) {
    a.routes = scope.routes.map((r) => ({ route: routeRef(r), effective: true }));
    return "spec";
  }
  if (routeSel.length > 0) a.routes = selectRoutes(routeSel, scope.routes, scope.index).map((r) => ({ route: routeRef(r), effective: true }));
  const pairs = new Map<string, RouteDestinationTarget>();
  for (const sel of rdSel) {
    for (const route of scope.routes.filter((r) => matchesRouteLabels(sel.route, r))) {
      const on = sel.onDestinations ?? [];
      const dests = on.length === 0 ? route.destinations.filter((d) => d.visible) : on.flatMap((d) => routeDestinationsMatching(route, d, scope.index));
      for (const d of dests) pairs.set(`${route.key}|${refKey(d.ref)}`, { route: routeRef(route), destination: d.ref });
    }
  }
  a.routeDestinations = [...pairs.values()].sort((x, y) => cmp(x.route.key, y.route.key) || compareRefs(x.destination, y.destination));
  return routeSel.length > 0 ? "spec.applyToRoutes" : "spec.applyToRouteDestinations";
}

/** AccessPolicy: workloads when applyToWorkloads is set (destinations then ignored), else destinations (none = all Services). */
function attachAccess(a: PolicyAttachment, spec: Partial<PolicySpecSelectors>, rule: PolicyRule, scope: WorkspaceScope, unsupported: (i: number, k: DestinationKind) => void, findings: Finding[]): string {
  const workloads = spec.applyToWorkloads ?? [];
  const destinations = spec.applyToDestinations ?? [];
  if (workloads.length === 0) {
    a.destinations = selectDestinations(destinations, rule.supported, scope.destinations, unsupported).map((d) => ({ destination: d, effective: true }));
    return destinations.length > 0 ? "spec.applyToDestinations" : "spec";
  }
  a.workloads = selectWorkloads(workloads, scope.workloads, scope.workspace);
  if (destinations.length > 0) {
    findings.push(makeFinding("POLICY_SELECTOR_IGNORED", `${describeRef(a.policy, false)} should set only one of applyToWorkloads and applyToDestinations: Gloo ignores applyToDestinations when applyToWorkloads is set`, [a.policy], "spec.applyToDestinations", [scope.workspace]));
  }
  return "spec.applyToWorkloads";
}

/** Builds the scope of every workspace once: routes, destinations and mesh workloads grouped by owner. */
export function buildScopes(index: WorkspaceIndex, routes: readonly RouteInfo[], workloads: readonly WorkloadView[]): Map<string, WorkspaceScope> {
  const routesBy = new Map<string, RouteInfo[]>();
  for (const r of routes) push(routesBy, r.workspace, r);
  const workloadsBy = new Map<string, WorkloadView[]>();
  for (const w of workloads) {
    const ws = meshWorkspaceOf(index, w);
    if (ws) push(workloadsBy, ws, w);
  }
  const out = new Map<string, WorkspaceScope>();
  for (const ws of index.workspaces) out.set(ws.name, scopeOf(index, ws.name, routesBy.get(ws.name) ?? [], workloadsBy.get(ws.name) ?? []));
  return out;
}

/** The scope of one workspace, from all routes and workloads (what one policy's attachment needs). */
export function buildScope(index: WorkspaceIndex, workspace: string, routes: readonly RouteInfo[], workloads: readonly WorkloadView[]): WorkspaceScope {
  return scopeOf(index, workspace, routes.filter((r) => r.workspace === workspace), workloads.filter((w) => meshWorkspaceOf(index, w) === workspace));
}

function scopeOf(index: WorkspaceIndex, workspace: string, routes: readonly RouteInfo[], workloads: readonly WorkloadView[]): WorkspaceScope {
  const destinations = index.ownedBy(workspace).filter((e) => destinationKindOf(e.gk) !== undefined);
  return { workspace, routes, destinations, workloads, index };
}

/** The workspace of a workload in a mesh (workloads outside any mesh take no policies). */
function meshWorkspaceOf(index: WorkspaceIndex, w: WorkloadView): string | undefined {
  return w.mesh ? index.workspaceOfNamespace(w.cluster, w.namespace) : undefined;
}

/** The policies a workspace owns that Meshpane attaches, in ref order. */
export function policiesOf(index: WorkspaceIndex, workspace: string): { entry: CatalogEntry; rule: PolicyRule }[] {
  const out: { entry: CatalogEntry; rule: PolicyRule }[] = [];
  for (const entry of index.ownedBy(workspace)) {
    const rule = POLICY_RULES.get(entry.gk);
    if (rule) out.push({ entry, rule });
  }
  return out;
}
