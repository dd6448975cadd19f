import type { WorkloadView } from "../discovery/types";
import { compareRefs, refKey, type ObjectRef } from "../snapshot/ref";
import { indexFindingsByWorkspace, sortFindings, type Finding } from "../workspaces/findings";
import type { WorkspaceIndex } from "../workspaces/types";
import { attachPolicy, buildScope, buildScopes, POLICY_RULES, policiesOf } from "./attach";
import { resolveConflicts, type AttachedItem } from "./conflicts";
import { collectRoutes } from "./routes";
import type { AttachmentIndex, PolicyAttachment, RouteInfo } from "./types";

export type * from "./types";
export { routeKey } from "./types";
export { POLICY_RULES, type PolicyRule } from "./attach";

/**
 * Attaches every v2 policy a workspace owns to the routes, route destinations, destinations and workloads
 * it selects within that workspace (reference §2.9, §3 items 4–5), resolves one-per-target conflicts, and
 * indexes the reverse direction. `workloads` are discovery's workloads (only those in the mesh count).
 * Pure and deterministic; selection cost is per workspace (its policies × its routes or destinations).
 */
export function attachPolicies(index: WorkspaceIndex, workloads: readonly WorkloadView[] = []): AttachmentIndex {
  const findings: Finding[] = [];
  const routes = collectRoutes(index, findings);
  const scopes = buildScopes(index, routes, workloads);
  const items: AttachedItem[] = [];
  for (const ws of index.workspaces) {
    const scope = scopes.get(ws.name);
    if (!scope) continue;
    for (const { entry, rule } of policiesOf(index, ws.name)) {
      items.push({ attachment: attachPolicy(entry, rule, scope, findings), object: entry.object, exclusive: rule.exclusive });
    }
  }
  const reverse = resolveConflicts(items, findings);
  sortFindings(findings);
  const policies = items.map((i) => i.attachment).sort((a, b) => compareRefs(a.policy, b.policy));
  const byPolicy = new Map<string, PolicyAttachment>(policies.map((p) => [refKey(p.policy), p] as const));
  const byRoute = new Map<string, RouteInfo>(routes.map((r) => [r.key, r] as const));
  const byTable = new Map<string, RouteInfo[]>();
  for (const r of routes) {
    const k = refKey(r.table);
    const list = byTable.get(k);
    if (list) list.push(r);
    else byTable.set(k, [r]);
  }
  const findingsByWs = indexFindingsByWorkspace(findings);
  return {
    policies,
    routes,
    findings,
    policy: (ref: ObjectRef) => byPolicy.get(refKey(ref)),
    route: (key) => byRoute.get(key),
    routesOf: (table) => byTable.get(refKey(table)) ?? [],
    onRoute: (key) => reverse.onRoute.get(key) ?? [],
    onDestination: (ref) => reverse.onDestination.get(refKey(ref)) ?? [],
    onWorkload: (ref) => reverse.onWorkload.get(refKey(ref)) ?? [],
    findingsOf: (ws) => findingsByWs.get(ws) ?? [],
  };
}

/**
 * What one policy selects, without attaching every other: for a draft's version of a policy, which changes
 * neither the routes (`routes` may come from an earlier attachment of the same route tables) nor the
 * workloads. Undefined when `ref` is not a policy Meshpane attaches or belongs to no workspace. Conflicts
 * with other policies (which one is in effect) are not resolved here: this is the selection only.
 */
export function attachOnePolicy(index: WorkspaceIndex, routes: readonly RouteInfo[], workloads: readonly WorkloadView[], ref: ObjectRef): PolicyAttachment | undefined {
  const workspace = index.workspaceOfObject(ref);
  if (!workspace) return undefined;
  const key = refKey(ref);
  const entry = index.ownedBy(workspace).find((e) => refKey(e.ref) === key);
  const rule = entry && POLICY_RULES.get(entry.gk);
  if (!entry || !rule) return undefined;
  return attachPolicy(entry, rule, buildScope(index, workspace, routes, workloads), []);
}
