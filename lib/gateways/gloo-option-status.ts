import type { KubeObject } from "../model/meta";
import type { ResourceRef } from "../model/solo-kit";
import { refOf } from "../snapshot/ref";
import { GK, nsKey, type ClusterIndex } from "./cluster-index";
import { addIssue, type EdgeIssues } from "./edge-issues";
import { soloKitView } from "./edge-model";
import { report, type FindingSink } from "./findings";
import type { GlooOptions } from "./gloo-options";
import type { MergeResult } from "./policies";
import { vhostsOf, type GatewayTable } from "./routing-table";
import type { SoloKitStatusView } from "./types";

/**
 * Status of Gloo Gateway 1.x option objects (reference §5.3): a RouteOption is Accepted once some rule uses it
 * and gets no status at all when unused; VirtualHostOption/ListenerOption losers get a warning; referenced
 * AuthConfigs/RateLimitConfigs must exist. Also GLX001–GLX003, GLX005.
 */
function reportConflicts(sink: FindingSink, cluster: string, result: MergeResult, where: string): void {
  for (const c of result.conflicts) {
    report(sink, "GW_POLICY_CONFLICT", [refOf(cluster, c.loser), refOf(cluster, c.winner)], "spec.options", `${c.loser.kind} ${nsKey(c.loser)} must not set ${c.field} already set at the same priority by ${c.winner.kind} ${nsKey(c.winner)} ${where}; the older/first one wins`);
  }
}

function checkRefs(index: ClusterIndex, obj: KubeObject, issues: EdgeIssues, sink: FindingSink): void {
  const ns = obj.metadata.namespace ?? "";
  const options = (obj as { spec?: { options?: { extauth?: { configRef?: ResourceRef }; rateLimitConfigs?: { refs?: ResourceRef[] } } } }).spec?.options;
  const missing: string[] = [];
  const auth = options?.extauth?.configRef;
  if (auth && !index.get(GK.authConfig, auth.namespace ?? ns, auth.name)) missing.push(`AuthConfig ${auth.namespace ?? ns}/${auth.name}`);
  for (const r of options?.rateLimitConfigs?.refs ?? []) if (!index.get(GK.rateLimitConfig, r.namespace ?? ns, r.name)) missing.push(`RateLimitConfig ${r.namespace ?? ns}/${r.name}`);
  for (const m of missing) {
    addIssue(issues, obj, "errors", `${m} must exist`);
    report(sink, "GW_EXTENSION_MISSING", [refOf(index.cluster, obj)], "spec.options", `${m} referenced by ${obj.kind} ${nsKey(obj)} must exist`);
  }
}

function listenerUsage(cluster: string, options: GlooOptions, table: GatewayTable, used: Set<KubeObject>, issues: EdgeIssues, sink: FindingSink): void {
  for (const lt of table.listeners) {
    const l = options.listenerLevel(table.gateway, lt.listener);
    const where = `on listener ${lt.listener.name} of Gateway ${table.gateway.key}`;
    for (const a of l.virtualHost.applied) {
      const obj = options.vhostOptions.get(table.gateway.key)?.find((t) => t.obj.metadata.name === a.name)?.obj;
      if (!obj) continue;
      if (a.fields.length > 0) used.add(obj);
      else {
        addIssue(issues, obj, "warnings", `contributes nothing ${where} (higher-priority options set ${a.overridden.join(", ") || "every field"})`);
        report(sink, "GW_OPTION_NOT_APPLIED", [refOf(cluster, obj)], "spec.targetRefs", `VirtualHostOption ${nsKey(obj)} must set a field no higher-priority option sets ${where} to apply there`);
      }
    }
    reportConflicts(sink, cluster, l.virtualHost, where);
    // HttpListenerOption losers get no warning (reference §5.2), so they are not "unused" either.
    for (const [r, map] of [[l.listener, options.listenerOptions], [l.httpListener, options.httpListenerOptions]] as const) {
      for (const a of r.applied) {
        const o = map.get(table.gateway.key)?.find((t) => t.obj.metadata.name === a.name)?.obj;
        if (o) used.add(o);
      }
    }
    for (const loser of l.listener.losers) {
      addIssue(issues, loser, "warnings", `not applied ${where}: only the first ListenerOption applies`);
      report(sink, "GW_OPTION_NOT_APPLIED", [refOf(cluster, loser)], "spec.targetRefs", `ListenerOption ${nsKey(loser)} must be the only (or first) one ${where} to apply`);
    }
  }
}

/** Computes option statuses and findings for the Gloo 1.x gateways of one cluster. */
export function glooOptionStatuses(index: ClusterIndex, options: GlooOptions, tables: Iterable<GatewayTable>, sink: FindingSink): SoloKitStatusView[] {
  const kinds = [GK.routeOption, GK.virtualHostOption, GK.listenerOption, GK.httpListenerOption];
  const objects = kinds.flatMap((gk) => index.list(gk));
  if (objects.length === 0) return [];
  const issues: EdgeIssues = { errors: new Map(), warnings: new Map() };
  const used = new Set<KubeObject>();
  for (const u of options.unresolvedTargets()) report(sink, "GW_POLICY_TARGETS_NOTHING", [refOf(index.cluster, u.obj)], `spec.targetRefs[${u.index}]`, `${u.obj.kind} ${nsKey(u.obj)}: ${u.reason}`);
  for (const table of tables) {
    if (table.gateway.profile.extensions !== "gloo-gateway-1") continue;
    listenerUsage(index.cluster, options, table, used, issues, sink);
    for (const lt of table.listeners) {
      for (const v of vhostsOf(lt)) {
        for (const row of v.rows) {
          const r = options.forRow(row, table.gateway, lt.listener).route;
          for (const a of r.applied) {
            const obj = row.rule.extensionRefs.find((e) => e.obj?.metadata.name === a.name && e.kind === a.kind)?.obj ?? options.routeOptions.get(row.route.key)?.find((t) => t.obj.metadata.name === a.name)?.obj
              ?? (row.delegatedFrom ? options.routeOptions.get(row.delegatedFrom.route.key)?.find((t) => t.obj.metadata.name === a.name)?.obj : undefined);
            if (obj) used.add(obj);
          }
          reportConflicts(sink, index.cluster, r, `on ${row.route.kind} ${row.route.key}`);
        }
      }
    }
  }
  for (const obj of objects) checkRefs(index, obj, issues, sink);
  for (const obj of objects) if (obj.kind === "RouteOption" && !used.has(obj)) report(sink, "GW_OPTION_UNUSED", [refOf(index.cluster, obj)], "spec", `RouteOption ${nsKey(obj)} must be used by a rule (ExtensionRef) or target an accepted HTTPRoute; it gets no status until then`);
  return objects.map((obj) => soloKitView(index.cluster, obj, issues, !used.has(obj)));
}
