import type { KubeObject } from "../model/meta";
import type { RouteOption, VirtualHostOption } from "../model/gloo-gateway";
import type { PolicyTargetRef } from "../model/solo-kit";
import { compareAge, GK, nsKey, type ClusterIndex } from "./cluster-index";
import type { GatewayModel } from "./gateways";
import type { ListenerModel } from "./listeners";
import { mergeFirstWins, type MergeResult, type PolicySource } from "./policies";
import type { RouteRow } from "./routing-table";
import type { RouteModel } from "./routes";

/**
 * Gloo Gateway 1.x options (reference §5.1–5.2): RouteOptions per rule (ExtensionRef in filter order, then
 * targetRef oldest first; first to set a field keeps it), VirtualHostOptions per listener (sectionName before
 * whole Gateway, oldest first), and ListenerOption / HttpListenerOption (only the first applies). Options are
 * found only in the target's own namespace.
 */
export interface RowOptions {
  route: MergeResult;
  virtualHost: MergeResult;
  /** `losers`: options that lost to the first one (ListenerOption losers get a warning, HttpListenerOption's none). */
  listener: MergeResult & { losers: KubeObject[] };
  httpListener: MergeResult & { losers: KubeObject[] };
}

type Targeting = { obj: KubeObject; targets: PolicyTargetRef[] };

const GW_GROUP = "gateway.networking.k8s.io";
const OVERRIDES = "delegation.gateway.solo.io/enable-policy-overrides";

function targetsOf(obj: KubeObject): PolicyTargetRef[] {
  const spec = (obj as { spec?: { targetRefs?: PolicyTargetRef[]; targetRef?: PolicyTargetRef } }).spec;
  return [...(spec?.targetRefs ?? []), ...(spec?.targetRef ? [spec.targetRef] : [])];
}

function optionsOf(obj: KubeObject): Record<string, unknown> {
  return ((obj as { spec?: { options?: Record<string, unknown> } }).spec?.options ?? {});
}

/** Indexes objects by the `namespace/name` of the targets they can reach (own namespace only). */
function byTarget(objs: readonly KubeObject[], kind: string): Map<string, Targeting[]> {
  const out = new Map<string, Targeting[]>();
  for (const obj of [...objs].sort(compareAge)) {
    const ns = obj.metadata.namespace ?? "";
    for (const t of targetsOf(obj)) {
      if (t.group !== GW_GROUP || t.kind !== kind || (t.namespace ?? ns) !== ns) continue;
      const key = `${ns}/${t.name}`;
      const list = out.get(key) ?? [];
      if (!list.some((x) => x.obj === obj)) list.push({ obj, targets: [] });
      list.find((x) => x.obj === obj)?.targets.push(t);
      out.set(key, list);
    }
  }
  return out;
}

/** Gloo Gateway 1.x option objects indexed by the target they can reach, with the §5.2 merge per row and listener. */
export class GlooOptions {
  readonly routeOptions: Map<string, Targeting[]>;
  readonly vhostOptions: Map<string, Targeting[]>;
  readonly listenerOptions: Map<string, Targeting[]>;
  readonly httpListenerOptions: Map<string, Targeting[]>;

  constructor(private readonly index: ClusterIndex) {
    this.routeOptions = byTarget(index.list<RouteOption>(GK.routeOption), "HTTPRoute");
    this.vhostOptions = byTarget(index.list<VirtualHostOption>(GK.virtualHostOption), "Gateway");
    this.listenerOptions = byTarget(index.list(GK.listenerOption), "Gateway");
    this.httpListenerOptions = byTarget(index.list(GK.httpListenerOption), "Gateway");
  }

  /** True when the cluster has any Gloo 1.x option object (skip the work otherwise). */
  get any(): boolean {
    return this.routeOptions.size + this.vhostOptions.size + this.listenerOptions.size + this.httpListenerOptions.size > 0 || this.index.list(GK.routeOption).length > 0;
  }

  private routeSources(route: RouteModel, row: RouteRow, tierPrefix: string): PolicySource[] {
    const rule = route === row.route ? row.rule : row.delegatedFrom?.rule;
    const ext = (rule?.extensionRefs ?? []).filter((e) => e.kind === "RouteOption" && e.obj).map((e): PolicySource => ({ obj: e.obj as KubeObject, via: "extensionRef", level: "route", tier: `${tierPrefix}ext`, fields: optionsOf(e.obj as KubeObject) }));
    const targeted = (this.routeOptions.get(route.key) ?? []).map(({ obj }): PolicySource => ({ obj, via: "targetRef", level: "route", tier: `${tierPrefix}target`, fields: optionsOf(obj) }));
    return [...ext, ...targeted];
  }

  /** Listener-level sources: sectionName matches first, then whole-Gateway targets, each oldest first. */
  private listenerSources(map: Map<string, Targeting[]>, gw: GatewayModel, listener: ListenerModel, level: "virtualhost" | "listener"): PolicySource[] {
    const all = map.get(gw.key) ?? [];
    const pick = (section: boolean) => all
      .filter((t) => t.targets.some((r) => (section ? r.sectionName === listener.name : r.sectionName === undefined)))
      .map(({ obj }): PolicySource => ({ obj, via: section ? "targetRef+sectionName" : "targetRef", level, tier: section ? "section" : "gateway", fields: optionsOf(obj) }));
    return [...pick(true), ...pick(false)];
  }

  /** Options in effect for one row of a listener (delegated rows: the parent's options win unless overrides are enabled). */
  forRow(row: RouteRow, gw: GatewayModel, listener: ListenerModel): RowOptions {
    let route = this.routeSources(row.route, row, "");
    const parent = row.delegatedFrom?.route;
    if (parent) {
      const parentSources = this.routeSources(parent, row, "parent-");
      const overrides = (parent.obj.metadata.annotations?.[OVERRIDES] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      route = overrides.includes("*") ? [...route, ...parentSources] : [...parentSources, ...route];
    }
    return { route: mergeFirstWins(route), ...this.listenerLevel(gw, listener) };
  }

  /**
   * Listener-level options of one listener (independent of the row). ListenerOption/HttpListenerOption: only
   * the first applies, so the others are kept with no fields (they show as applied with nothing won).
   */
  listenerLevel(gw: GatewayModel, listener: ListenerModel): Omit<RowOptions, "route"> {
    const only = (sources: PolicySource[]) => sources.slice(0, 1).concat(sources.slice(1).map((s) => ({ ...s, tier: `${s.tier}-loser`, fields: {} })));
    const lost = (sources: PolicySource[]) => sources.slice(1).map((s) => s.obj);
    const lo = this.listenerSources(this.listenerOptions, gw, listener, "listener");
    const hlo = this.listenerSources(this.httpListenerOptions, gw, listener, "listener");
    return {
      virtualHost: mergeFirstWins(this.listenerSources(this.vhostOptions, gw, listener, "virtualhost")),
      listener: { ...mergeFirstWins(only(lo)), losers: lost(lo) },
      httpListener: { ...mergeFirstWins(only(hlo)), losers: [] },
    };
  }

  /** Option objects whose targets resolve to nothing (GLX001): [object, target, reason]. */
  unresolvedTargets(): { obj: KubeObject; target: PolicyTargetRef; index: number; reason: string }[] {
    const out: { obj: KubeObject; target: PolicyTargetRef; index: number; reason: string }[] = [];
    const check = (gk: string, kinds: string[]) => {
      for (const obj of this.index.list(gk)) {
        const ns = obj.metadata.namespace ?? "";
        targetsOf(obj).forEach((t, i) => {
          // ListenerSets are not modelled yet; their targets are not judged.
          if (t.group === "gateway.networking.x-k8s.io" && (t.kind === "XListenerSet" || t.kind === "ListenerSet")) return;
          const reason = t.group !== GW_GROUP || !kinds.includes(t.kind) ? `must target ${kinds.join(" or ")} of group ${GW_GROUP}`
            : (t.namespace ?? ns) !== ns ? `must target an object in its own namespace ${ns} (Gloo only looks there)`
            : this.index.get(t.kind === "HTTPRoute" ? GK.httpRoute : GK.gateway, ns, t.name) === undefined ? `target ${t.kind} ${ns}/${t.name} must exist`
            : null;
          if (reason) out.push({ obj, target: t, index: i, reason });
        });
      }
    };
    check(GK.routeOption, ["HTTPRoute"]);
    for (const gk of [GK.virtualHostOption, GK.listenerOption, GK.httpListenerOption]) check(gk, ["Gateway"]);
    return out;
  }
}

/** The key used in usage maps for an option object. */
export function optionKey(obj: KubeObject): string {
  return `${obj.kind}|${nsKey(obj)}`;
}
