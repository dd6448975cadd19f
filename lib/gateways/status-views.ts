import type { GatewayCondition } from "../model/gateway-api";
import { normalizeParentRef, parentRefKey } from "./attachment";
import { report, type FindingSink } from "./findings";
import type { GatewayModel } from "./gateways";
import { compareConditions, compareCount, reportComparisons } from "./live-status";
import type { ParentStatus } from "./route-status";
import type { RouteModel } from "./routes";
import type { GatewayStatusView, RouteStatusView, StatusComparison, StatusSummary } from "./types";

/**
 * Status views for Gateways and routes: computed conditions, attachedRoutes, the comparison with what the
 * controller wrote (reference §3.2) and a one-word summary. Objects without any `status` (manifests that
 * never went through an API server) are not compared, so a GitOps review is not flooded with "missing".
 */
function generationOf(obj: { metadata: { generation?: number } }): number | undefined {
  return obj.metadata.generation;
}

function gatewayComparisons(gw: GatewayModel, attached: ReadonlyMap<string, number>): StatusComparison[] {
  const status = gw.obj.status;
  if (!gw.ours || status === undefined) return [];
  const generation = generationOf(gw.obj);
  const out = compareConditions("gateway", gw.conditions, status.conditions ?? [], generation);
  for (const l of gw.listeners) {
    const live = status.listeners?.find((x) => x.name === l.name);
    out.push(...compareConditions(`listener ${l.name}`, l.conditions, live?.conditions, generation));
    out.push(compareCount(`listener ${l.name}`, "attachedRoutes", attached.get(l.name) ?? 0, live?.attachedRoutes));
  }
  return out;
}

function gatewaySummary(gw: GatewayModel, comparisons: readonly StatusComparison[]): StatusSummary {
  const live = gw.obj.status?.conditions?.find((c) => c.type === "Accepted");
  if (!gw.ours || (live?.status === "Unknown" && live.reason === "Pending")) return "not-reconciled";
  if (gw.conditions.some((c) => c.type === "Accepted" && c.status === "False")) return "failed";
  const listenerTrouble = gw.listeners.some((l) => !l.usable || l.conditions.some((c) => (c.type === "Conflicted" ? c.status === "True" : c.type !== "OverlappingTLSConfig" && c.status !== "True")));
  return listenerTrouble || comparisons.some((c) => c.outcome === "mismatch") ? "degraded" : "ok";
}

/** The status view of one Gateway; reports not-reconciled and comparison findings. */
export function gatewayStatusView(gw: GatewayModel, attached: ReadonlyMap<string, number>, sink: FindingSink): GatewayStatusView {
  const comparisons = gatewayComparisons(gw, attached);
  const live = gw.obj.status?.conditions?.find((c) => c.type === "Accepted");
  if (gw.ours && live?.status === "Unknown" && live.reason === "Pending") {
    report(sink, "GW_NOT_RECONCILED", [gw.ref], "status.conditions", `Gateway ${gw.key} must be reconciled by ${gw.controllerName ?? "its controller"}; it still carries the CRD default Pending (is the controller running?)`);
  }
  // A Gateway still at the CRD default has nothing else to compare: only "not reconciled" is reported.
  const pending = gw.ours && live?.status === "Unknown" && live.reason === "Pending";
  if (!pending) reportComparisons(sink, gw.ref, "status", comparisons);
  return {
    ref: gw.ref,
    className: gw.className,
    controllerName: gw.controllerName,
    profile: gw.ours ? gw.profile.id : null,
    summary: gatewaySummary(gw, comparisons),
    conditions: gw.conditions,
    listeners: gw.listeners.map((l) => ({
      name: l.name, port: l.port, protocol: l.protocol, hostname: l.hostname === "*" ? null : l.hostname,
      supportedKinds: l.supportedKinds, attachedRoutes: attached.get(l.name) ?? 0, conditions: l.conditions,
    })),
    comparisons,
  };
}

type LiveParent = { parentRef: Parameters<typeof normalizeParentRef>[0]; controllerName: string; conditions?: GatewayCondition[] };

function routeComparisons(route: RouteModel, parents: readonly ParentStatus[]): StatusComparison[] {
  const status = route.obj.status as { parents?: LiveParent[] } | undefined;
  if (status === undefined) return [];
  const live = status.parents ?? [];
  const generation = generationOf(route.obj);
  const out: StatusComparison[] = [];
  for (const p of parents) {
    if (!p.view.expected) continue;
    const key = parentRefKey(p.att.parentRef);
    const entry = live.find((l) => l.controllerName === p.view.controllerName && parentRefKey(normalizeParentRef(l.parentRef, route.namespace)) === key);
    out.push(...compareConditions(`parent ${p.att.parentRef.namespace}/${p.att.parentRef.name}${p.att.parentRef.sectionName ? `/${p.att.parentRef.sectionName}` : ""}`, p.view.conditions, entry?.conditions, generation));
  }
  return out;
}

function routeSummary(parents: readonly ParentStatus[], comparisons: readonly StatusComparison[]): StatusSummary {
  const expected = parents.filter((p) => p.view.expected && p.att.gateway?.ours);
  if (expected.length === 0) return "not-reconciled";
  const accepted = expected.filter((p) => p.accepted);
  if (accepted.length === 0) return "failed";
  const refsBad = expected.some((p) => p.view.conditions.some((c) => c.type === "ResolvedRefs" && c.status === "False"));
  return accepted.length < expected.length || refsBad || comparisons.some((c) => c.outcome === "mismatch") ? "degraded" : "ok";
}

/** The status view of one route; reports comparison findings. */
export function routeStatusView(route: RouteModel, parents: readonly ParentStatus[], sink: FindingSink): RouteStatusView {
  const comparisons = routeComparisons(route, parents);
  reportComparisons(sink, route.ref, "status.parents", comparisons);
  return { ref: route.ref, summary: routeSummary(parents, comparisons), parents: parents.map((p) => p.view), comparisons };
}
