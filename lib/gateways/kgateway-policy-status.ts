import type { GatewayCondition } from "../model/gateway-api";
import type { KubeObject } from "../model/meta";
import type { LocalPolicyTargetRef, LocalPolicyTargetSelector } from "../model/kgateway";
import { matchesLabels } from "../snapshot/labels";
import { refOf } from "../snapshot/ref";
import { GK, nsKey, type ClusterIndex } from "./cluster-index";
import { cond } from "./conditions";
import { report, type FindingSink } from "./findings";
import type { KgatewayPolicies } from "./kgateway-policies";
import { compareConditions, reportComparisons } from "./live-status";
import type { MergeResult } from "./policies";
import type { RouteModel } from "./routes";
import { vhostsOf, type GatewayTable } from "./routing-table";
import type { Condition, PolicyStatusView } from "./types";

/**
 * kgateway policy ancestor status (reference §6): per Gateway the policy takes part in, `Accepted` (True
 * Valid; False Invalid, TargetNotFound) and `Attached` (True Attached or Merged; False Overridden). Also
 * GLX001 (targets nothing), GLX002 (same field at one level), GLX005 (GatewayExtension missing), GLX006.
 */
interface Usage {
  won: Set<string>;
  shared: boolean;
  seen: boolean;
}

const POLICY_KINDS = [GK.trafficPolicy, GK.httpListenerPolicy, GK.listenerPolicy, GK.backendConfigPolicy];
const TARGET_GK: Record<string, string> = { Gateway: GK.gateway, HTTPRoute: GK.httpRoute, Backend: GK.kgBackend, Service: "Service" };

function record(usage: Map<KubeObject, Map<string, Usage>>, gwKey: string, r: MergeResult, objs: ReadonlyMap<string, KubeObject>): void {
  const contributors = r.applied.filter((a) => a.fields.length > 0).length;
  for (const a of r.applied) {
    const obj = objs.get(`${a.kind}|${a.namespace}/${a.name}`);
    if (!obj) continue;
    const perGw = usage.get(obj) ?? new Map<string, Usage>();
    const u = perGw.get(gwKey) ?? { won: new Set<string>(), shared: false, seen: false };
    u.seen = true;
    for (const f of a.fields) u.won.add(f);
    if (a.fields.length > 0 && contributors > 1) u.shared = true;
    perGw.set(gwKey, u);
    usage.set(obj, perGw);
  }
}

function targetProblem(index: ClusterIndex, obj: KubeObject, t: LocalPolicyTargetRef): string | null {
  if (t.group === "gateway.networking.x-k8s.io") return null;
  const ns = obj.metadata.namespace ?? "";
  const gk = TARGET_GK[t.kind];
  if (!gk) return `must target Gateway, HTTPRoute, Backend or Service (got ${t.kind})`;
  const target = index.get(gk, ns, t.name);
  if (!target) return `target ${t.kind} ${ns}/${t.name} must exist in the policy's namespace`;
  if (t.sectionName === undefined) return null;
  const spec = (target as { spec?: { listeners?: { name: string }[]; rules?: { name?: string }[] } }).spec;
  const sections = t.kind === "Gateway" ? (spec?.listeners ?? []).map((l) => l.name) : t.kind === "HTTPRoute" ? (spec?.rules ?? []).map((r) => r.name ?? "") : [];
  return sections.includes(t.sectionName) ? null : `sectionName ${t.sectionName} must name a ${t.kind === "Gateway" ? "listener" : "rule"} of ${t.kind} ${ns}/${t.name}`;
}

function checkPolicy(index: ClusterIndex, obj: KubeObject, sink: FindingSink): { missingTargets: boolean; invalid: string | null } {
  const spec = (obj as { spec?: { targetRefs?: LocalPolicyTargetRef[]; targetSelectors?: LocalPolicyTargetSelector[]; extAuth?: { extensionRef?: { name: string } }; extProc?: { extensionRef?: { name: string } }; rateLimit?: { global?: { extensionRef?: { name: string } } } } }).spec ?? {};
  const ref = refOf(index.cluster, obj);
  const ns = obj.metadata.namespace ?? "";
  let missing = 0;
  (spec.targetRefs ?? []).forEach((t, i) => {
    const problem = targetProblem(index, obj, t);
    if (problem) {
      missing++;
      report(sink, "GW_POLICY_TARGETS_NOTHING", [ref], `spec.targetRefs[${i}]`, `${obj.kind} ${nsKey(obj)}: ${problem}`);
    }
  });
  (spec.targetSelectors ?? []).forEach((s, i) => {
    const pool = s.kind === "HTTPRoute" ? index.httpRoutes : s.kind === "Gateway" ? index.gateways : [];
    if (!pool.some((o) => o.metadata.namespace === ns && matchesLabels(s.matchLabels, o.metadata.labels))) {
      missing++;
      report(sink, "GW_POLICY_TARGETS_NOTHING", [ref], `spec.targetSelectors[${i}]`, `${obj.kind} ${nsKey(obj)}: the selector must match at least one ${s.kind} in namespace ${ns}`);
    }
  });
  const exts = [spec.extAuth?.extensionRef, spec.extProc?.extensionRef, spec.rateLimit?.global?.extensionRef].filter((e): e is { name: string } => e !== undefined);
  const lacking = exts.find((e) => !index.get(GK.gatewayExtension, ns, e.name));
  if (lacking) report(sink, "GW_EXTENSION_MISSING", [ref], "spec", `GatewayExtension ${ns}/${lacking.name} referenced by ${obj.kind} ${nsKey(obj)} must exist`);
  const total = (spec.targetRefs ?? []).length + (spec.targetSelectors ?? []).length;
  return { missingTargets: total > 0 && missing === total, invalid: lacking ? `GatewayExtension ${ns}/${lacking.name} must exist` : null };
}

/** The first target written (for the ancestorRef of a policy whose targets are all missing). */
function specTargetOf(obj: KubeObject): { group: string; kind: string; name: string } {
  const spec = (obj as { spec?: { targetRefs?: LocalPolicyTargetRef[]; targetSelectors?: LocalPolicyTargetSelector[] } }).spec;
  const ref = spec?.targetRefs?.[0];
  if (ref) return { group: ref.group, kind: ref.kind, name: ref.name };
  const sel = spec?.targetSelectors?.[0];
  return { group: sel?.group ?? "", kind: sel?.kind ?? "", name: "" };
}

function ancestorConditions(u: Usage | undefined, invalid: string | null): Condition[] {
  const accepted = invalid ? cond("Accepted", "False", "Invalid", invalid) : cond("Accepted", "True", "Valid");
  if (u && u.seen && u.won.size === 0) return [accepted, cond("Attached", "False", "Overridden", "every field is set by a higher-priority policy")];
  return [accepted, u?.shared ? cond("Attached", "True", "Merged") : cond("Attached", "True", "Attached")];
}

type LiveAncestor = { ancestorRef: { name: string; namespace?: string; kind?: string }; controllerName: string; conditions?: GatewayCondition[] };

/** Computes kgateway policy statuses and findings for one cluster. */
export function kgatewayPolicyStatuses(index: ClusterIndex, policies: KgatewayPolicies, tables: Iterable<GatewayTable>, routes: readonly RouteModel[], sink: FindingSink): PolicyStatusView[] {
  const objects = POLICY_KINDS.flatMap((gk) => index.list(gk));
  if (objects.length === 0) return [];
  const byKey = new Map(objects.map((o) => [`${o.kind}|${nsKey(o)}`, o] as const));
  const usage = new Map<KubeObject, Map<string, Usage>>();
  const controllers = new Map<string, string>();
  for (const table of tables) {
    if (table.gateway.profile.extensions !== "kgateway" || !table.gateway.ours) continue;
    controllers.set(table.gateway.key, table.gateway.controllerName ?? "");
    for (const lt of table.listeners) {
      const l = policies.listenerLevel(table.gateway, lt.listener);
      record(usage, table.gateway.key, l.httpListener, byKey);
      record(usage, table.gateway.key, l.listener, byKey);
      for (const v of vhostsOf(lt)) for (const row of v.rows) {
        const r = policies.forRow(row, table.gateway, lt.listener).traffic;
        record(usage, table.gateway.key, r, byKey);
        for (const c of r.conflicts) report(sink, "GW_POLICY_CONFLICT", [refOf(index.cluster, c.loser), refOf(index.cluster, c.winner)], "spec", `${c.loser.kind} ${nsKey(c.loser)} must not set ${c.field} already set at the same level by the older ${nsKey(c.winner)} (on ${row.route.kind} ${row.route.key}); only the oldest applies`);
      }
    }
  }
  reportChildAuth(policies, routes, sink);
  return objects.map((obj) => {
    const { invalid, missingTargets } = checkPolicy(index, obj, sink);
    const perGw = usage.get(obj) ?? new Map<string, Usage>();
    const first = specTargetOf(obj);
    const ancestors = missingTargets
      ? [{ ancestorRef: { group: first.group, kind: first.kind, namespace: obj.metadata.namespace ?? "", name: first.name }, conditions: [cond("Accepted", "False", "TargetNotFound", "a target must exist"), cond("Attached", "False", "TargetNotFound", "a target must exist")] }]
      : [...perGw.keys()].sort().map((key) => ({ ancestorRef: { group: "gateway.networking.k8s.io", kind: "Gateway", namespace: key.split("/")[0] ?? "", name: key.split("/")[1] ?? "" }, conditions: ancestorConditions(perGw.get(key), invalid) }));
    const status = (obj as { status?: { ancestors?: LiveAncestor[] } }).status;
    const comparisons = status === undefined ? [] : ancestors.flatMap((a) => {
      const live = status.ancestors?.find((l) => l.ancestorRef.name === a.ancestorRef.name && (l.ancestorRef.namespace ?? obj.metadata.namespace) === a.ancestorRef.namespace && l.controllerName === controllers.get(`${a.ancestorRef.namespace}/${a.ancestorRef.name}`));
      return compareConditions(`ancestor ${a.ancestorRef.namespace}/${a.ancestorRef.name}`, a.conditions, live?.conditions, obj.metadata.generation);
    });
    reportComparisons(sink, refOf(index.cluster, obj), "status.ancestors", comparisons);
    return { ref: refOf(index.cluster, obj), ancestors, comparisons };
  });
}

/** GLX006: a delegating parent with route-level extAuth under ShallowMergePreferChild (the default). */
function reportChildAuth(policies: KgatewayPolicies, routes: readonly RouteModel[], sink: FindingSink): void {
  for (const route of routes) {
    const delegates = (route.obj.spec.rules ?? []).some((r) => (r.backendRefs ?? []).some((b) => b.kind === "HTTPRoute"));
    const preferParent = route.obj.metadata.annotations?.["kgateway.dev/inherited-policy-priority"] === "ShallowMergePreferParent";
    if (delegates && !preferParent && policies.routeHasAuth(route)) {
      report(sink, "GW_CHILD_CAN_DROP_AUTH", [route.ref], "metadata.annotations", `${route.key} delegates with ShallowMergePreferChild: children can disable its extAuth; set kgateway.dev/inherited-policy-priority: ShallowMergePreferParent if they must not`);
    }
  }
}
