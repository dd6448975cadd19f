import type { Finding } from "../findings";
import type { GatewayStatusReport } from "../index";
import type { TraceResult } from "../trace-types";
import type { GatewayRoutingTableView, EdgeRoutingTableView } from "../table-views";
import type { UpstreamFunctionsView } from "../inventory";
import type { BackendView, Condition, StatusComparison } from "../types";

/**
 * Compact, hand-checkable projections of the analysis for golden files (test helper only): one string per
 * condition, backend, row and finding, so a golden reads like the reference's worked examples.
 */
const c = (x: Condition) => `${x.type}=${x.status} ${x.reason}`;
const cmp = (x: StatusComparison) => `${x.where} ${x.type}: ${x.outcome}${x.live ? ` (live ${x.live.status} ${x.live.reason})`.replace(/ \)$/, ")") : ""}`;

/** One backend as a golden line. */
export function backend(b: BackendView): string {
  const where = b.kind === "Hostname" ? `${b.name}:${b.port ?? ""}` : `${b.namespace}/${b.name}${b.port !== null ? `:${b.port}` : ""}`;
  const detail = Object.entries(b.detail).map(([k, v]) => `${k}=${v}`).join(" ");
  return `${b.kind} ${where} w${b.weight} ${b.share}% → ${b.status}${b.reason ? ` (${b.reason})` : ""}${b.clusters.length > 0 ? ` [${b.clusters.join(",")}]` : ""}${detail ? ` {${detail}}` : ""}`;
}

/** Statuses as golden lines. */
export function statusProjection(s: GatewayStatusReport) {
  return {
    gateways: s.gateways.map((g) => ({
      gateway: `${g.ref.cluster}/${g.ref.namespace}/${g.ref.name}`, class: g.className, profile: g.profile, summary: g.summary,
      conditions: g.conditions.map(c),
      listeners: Object.fromEntries(g.listeners.map((l) => [l.name, { attachedRoutes: l.attachedRoutes, supportedKinds: l.supportedKinds.map((k) => k.kind), conditions: l.conditions.map(c) }])),
      ...(g.comparisons.some((x) => x.outcome !== "match") ? { live: g.comparisons.filter((x) => x.outcome !== "match").map(cmp) } : {}),
    })),
    routes: s.routes.map((r) => ({
      route: `${r.ref.cluster}/${r.ref.kind} ${r.ref.namespace}/${r.ref.name}`, summary: r.summary,
      parents: r.parents.map((p) => ({
        parent: `${p.parentRef.namespace}/${p.parentRef.name}${p.parentRef.sectionName ? `#${p.parentRef.sectionName}` : ""}${p.parentRef.port ? `:${p.parentRef.port}` : ""}`,
        expected: p.expected, controller: p.controllerName, conditions: p.conditions.map(c),
        attached: p.attachedListeners.map((a) => `${a.listener}: ${a.hostnames.join(", ")}`),
        ...(p.ignoredHostnames.length > 0 ? { ignoredHostnames: p.ignoredHostnames } : {}),
      })),
      ...(r.comparisons.some((x) => x.outcome !== "match") ? { live: r.comparisons.filter((x) => x.outcome !== "match").map(cmp) } : {}),
    })),
    ...(s.options.length > 0 ? { options: s.options.map((o) => `${o.ref.kind} ${o.ref.namespace}/${o.ref.name}: ${o.state}${o.reasons.length ? ` (${o.reasons.join("; ")})` : ""} | live ${o.live.state ?? "none"} → ${o.outcome}`) } : {}),
    ...(s.policies.length > 0 ? { policies: s.policies.map((p) => ({ policy: `${p.ref.kind} ${p.ref.namespace}/${p.ref.name}`, ancestors: p.ancestors.map((a) => `${a.ancestorRef.namespace}/${a.ancestorRef.name}: ${a.conditions.map(c).join(", ")}`), ...(p.comparisons.some((x) => x.outcome !== "match") ? { live: p.comparisons.filter((x) => x.outcome !== "match").map(cmp) } : {}) })) } : {}),
    ...(s.edge.length > 0 ? { edge: s.edge.map((o) => `${o.ref.kind} ${o.ref.namespace}/${o.ref.name}: ${o.state}${o.reasons.length ? ` (${o.reasons.join("; ")})` : ""} | live ${o.live.state ?? "none"} → ${o.outcome}`) } : {}),
  };
}

/** A trace as golden lines. */
export function traceProjection(t: TraceResult) {
  return {
    status: t.status,
    ...(t.gateway ? { gateway: `${t.cluster ?? ""}/${t.gateway.kind} ${t.gateway.namespace}/${t.gateway.name}` } : {}),
    ...(t.listener ? { listener: `${t.listener.name} :${t.listener.port}` } : {}),
    ...(t.vhost ? { vhost: t.vhost } : {}),
    ...(t.route ? { route: `${t.route.kind} ${t.route.namespace}/${t.route.name} rule ${t.route.rule} match ${t.route.match} (${t.route.matchText})` } : {}),
    ...(t.delegation.length > 0 ? { delegation: t.delegation.map((d) => `${d.kind} ${d.namespace}/${d.name} rule ${d.rule}`) } : {}),
    ...(t.backends.length > 0 ? { backends: t.backends.map(backend) } : {}),
    ...(t.redirect ? { redirect: `${t.redirect.status} ${t.redirect.location}` } : {}),
    ...(t.rewrite ? { rewrite: `${t.rewrite.host}${t.rewrite.path}` } : {}),
    ...(t.directResponse ? { directResponse: `${t.directResponse.status} ${t.directResponse.body ?? ""}`.trim() } : {}),
    ...(Object.keys(t.options).length > 0 ? { options: Object.fromEntries(Object.entries(t.options).map(([k, v]) => [k, `${JSON.stringify(v.value)} ← ${v.source}`])) } : {}),
    ...(t.policies.length > 0 ? { policies: t.policies.map((p) => `${p.kind} ${p.namespace}/${p.name} via ${p.via} (${p.level}): won [${p.fields.join(", ")}]${p.overridden.length ? ` lost [${p.overridden.join(", ")}]` : ""}`) } : {}),
    headers: t.headers,
    ...(t.nearMisses.length > 0 ? { nearMisses: t.nearMisses.map((n) => `${n.route.kind} ${n.route.namespace}/${n.route.name} rule ${n.rule}: ${n.reason}`) } : {}),
  };
}

/** Findings as golden lines: code, severity, objects, field, message. */
export function findingProjection(f: readonly Finding[]) {
  return f.map((x) => `${x.code} ${x.severity} ${x.objects.map((o) => `${o.kind} ${o.namespace}/${o.name}`).join(" + ")} @${x.field}: ${x.message}`);
}

/** Routing tables as golden lines, one per row. */
export function tableProjection(tables: { gateways: GatewayRoutingTableView[]; edge: EdgeRoutingTableView[] }) {
  return {
    gateways: tables.gateways.map((g) => ({
      gateway: `${g.cluster}/${g.gateway.namespace}/${g.gateway.name} (${g.profile})`,
      listeners: Object.fromEntries(g.listeners.map((l) => [l.name, Object.fromEntries(l.vhosts.map((v) => [v.hostname, v.rows.map((r) =>
        `${r.valid ? "" : "[dropped] "}${r.route.kind} ${r.route.namespace}/${r.route.name} #${r.rule}.${r.match} ${r.matchText} → ${r.outcome}${r.backends.length ? ` ${r.backends.map((b) => `${b.name}:${b.port ?? ""} ${b.share}%${b.status !== 200 ? `=${b.status}` : ""}`).join(" ")}` : ""}${r.delegatedFrom ? ` (via ${r.delegatedFrom.namespace}/${r.delegatedFrom.name}#${r.delegatedFrom.rule})` : ""}${r.shadowedBy ? ` [shadowed by ${r.shadowedBy.route.namespace}/${r.shadowedBy.route.name}#${r.shadowedBy.rule}]` : ""}${r.reason ? ` (${r.reason})` : ""}`)]))])),
    })),
    edge: tables.edge.map((e) => ({
      gateway: `${e.cluster}/${e.gateway.namespace}/${e.gateway.name} :${e.port} ssl=${e.ssl}`,
      virtualServices: e.virtualServices.map((v) => ({ vs: `${v.namespace}/${v.name} [${v.domains.join(", ")}]`, routes: v.routes.map((r) => `${r.chain.join(" → ")}: ${r.matchers.join(" | ")} → ${r.action}${r.backends.length ? ` ${r.backends.map(backend).join("; ")}` : ""}`) })),
    })),
  };
}

/** The function inventory as golden lines. */
export function functionProjection(list: readonly UpstreamFunctionsView[]) {
  return list.map((e) => ({
    upstream: `${e.upstream.cluster}/${e.upstream.kind} ${e.upstream.namespace}/${e.upstream.name}`,
    functions: e.functions.map((f) => `${f.name} (${f.type}, ${f.source}${f.exists ? "" : ", MISSING"})${f.callers.length ? ` ← ${f.callers.map((x) => `${x.kind} ${x.namespace}/${x.name}#${x.rule}`).join(", ")}` : ""}`),
  }));
}
