import type { AttachmentIndex, DestinationTarget, PolicyAttachment, RouteDestinationTarget, RouteTarget } from "../policies/types";
import { refKey, type ObjectRef } from "../snapshot/ref";
import type { Finding } from "../workspaces/findings";

/**
 * What `GET /api/v1/policies` answers: every policy a workspace owns with what it selects (routes, route
 * destinations, destinations, workloads), which of those it is in effect on, and its findings. Shared by
 * the server and the browser.
 */
export interface PolicyListItem {
  cluster: string;
  namespace: string;
  name: string;
  group: string;
  kind: string;
  workspace: string;
  routes: RouteTarget[];
  routeDestinations: RouteDestinationTarget[];
  destinations: DestinationTarget[];
  workloads: ObjectRef[];
  /** Number of targets it is in effect on (all selected targets unless an older policy wins). */
  effectiveTargets: number;
  /** Policies that win over this one on at least one target (one-per-target kinds), sorted. */
  overriddenBy: ObjectRef[];
  /** True when the selectors match nothing in the workspace. */
  selectsNothing: boolean;
  findings: Finding[];
}

/** Lists policies (all, or those of workspaces in `scope`), by ref. */
export function listPolicies(attachment: AttachmentIndex, scope?: ReadonlySet<string>): PolicyListItem[] {
  const findingsBy = new Map<string, Finding[]>();
  for (const f of attachment.findings) {
    for (const o of f.objects) {
      const k = refKey(o);
      const list = findingsBy.get(k);
      if (list) list.push(f);
      else findingsBy.set(k, [f]);
    }
  }
  return attachment.policies.filter((p) => !scope || scope.has(p.workspace)).map((p) => {
    const total = p.routes.length + p.routeDestinations.length + p.destinations.length + p.workloads.length;
    const lost = p.routes.filter((t) => !t.effective).length + p.destinations.filter((t) => !t.effective).length;
    return {
      cluster: p.policy.cluster, namespace: p.policy.namespace, name: p.policy.name, group: p.policy.group, kind: p.policy.kind, workspace: p.workspace,
      routes: p.routes, routeDestinations: p.routeDestinations, destinations: p.destinations, workloads: p.workloads,
      effectiveTargets: total - lost,
      overriddenBy: overridersOf(p, attachment),
      selectsNothing: total === 0,
      findings: findingsBy.get(refKey(p.policy)) ?? [],
    };
  });
}

/** The policies that win over `p` on the targets where it is not in effect, sorted by key. */
function overridersOf(p: PolicyAttachment, attachment: AttachmentIndex): ObjectRef[] {
  const self = refKey(p.policy);
  const out = new Map<string, ObjectRef>();
  const lists = [
    ...p.routes.filter((t) => !t.effective).map((t) => attachment.onRoute(t.route.key)),
    ...p.destinations.filter((t) => !t.effective).map((t) => attachment.onDestination(t.destination)),
  ];
  for (const list of lists) {
    for (const a of list) if (a.overriddenBy && refKey(a.policy) === self) out.set(refKey(a.overriddenBy), a.overriddenBy);
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
