import type { KubeObject } from "../model/meta";
import type { LocalPolicyTargetRef, LocalPolicyTargetSelector } from "../model/kgateway";
import { matchesLabels } from "../snapshot/labels";
import { compareAge, GK, type ClusterIndex } from "./cluster-index";
import type { GatewayModel } from "./gateways";
import type { ListenerModel } from "./listeners";
import { mergeFirstWins, type MergeResult, type PolicySource } from "./policies";
import type { RouteRow } from "./routing-table";
import type { RouteModel } from "./routes";

/**
 * kgateway 2.x policies (reference §6). Route side, highest first: ExtensionRef on the rule, targetRef
 * HTTPRoute + sectionName (rule name), targetRef HTTPRoute (and targetSelectors); gateway side: Gateway +
 * sectionName (listener), Gateway. Same field at one level ⇒ the oldest policy applies; route level beats
 * gateway level; native Gateway API filters beat policies. HTTPListenerPolicy/ListenerPolicy apply per listener.
 */
export interface RowPolicies {
  traffic: MergeResult;
  httpListener: MergeResult;
  listener: MergeResult;
}

type Targeted = { obj: KubeObject; section: string | undefined; via: string };

const NOT_FIELDS = new Set(["targetRefs", "targetSelectors"]);
const PRIORITY = "kgateway.dev/inherited-policy-priority";

/** Native rule features that beat the policy field of the same purpose. */
const NATIVE: Record<string, string> = { CORS: "cors", RequestHeaderModifier: "headerModifiers", ResponseHeaderModifier: "headerModifiers", ExternalAuth: "extAuth" };

function fieldsOf(obj: KubeObject): Record<string, unknown> {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  return Object.fromEntries(Object.entries(spec).filter(([k]) => !NOT_FIELDS.has(k)));
}

function specTargets(obj: KubeObject): { refs: LocalPolicyTargetRef[]; selectors: LocalPolicyTargetSelector[] } {
  const spec = (obj as { spec?: { targetRefs?: LocalPolicyTargetRef[]; targetSelectors?: LocalPolicyTargetSelector[] } }).spec;
  return { refs: spec?.targetRefs ?? [], selectors: spec?.targetSelectors ?? [] };
}

/** Indexes policies by `Kind|namespace/name` of what they target (refs and label selectors, own namespace). */
function indexTargets(index: ClusterIndex, gk: string): Map<string, Targeted[]> {
  const out = new Map<string, Targeted[]>();
  const add = (key: string, t: Targeted) => out.set(key, [...(out.get(key) ?? []), t]);
  for (const obj of [...index.list(gk)].sort(compareAge)) {
    const ns = obj.metadata.namespace ?? "";
    const { refs, selectors } = specTargets(obj);
    for (const r of refs) add(`${r.kind}|${ns}/${r.name}`, { obj, section: r.sectionName, via: r.sectionName ? "targetRef+sectionName" : "targetRef" });
    for (const s of selectors) {
      const pool = s.kind === "HTTPRoute" ? index.httpRoutes : s.kind === "Gateway" ? index.gateways : [];
      for (const target of pool) {
        if (target.metadata.namespace === ns && matchesLabels(s.matchLabels, target.metadata.labels)) add(`${s.kind}|${ns}/${target.metadata.name}`, { obj, section: undefined, via: "targetSelector" });
      }
    }
  }
  return out;
}

/** kgateway policies indexed by target (refs and label selectors), with the §6 merge per row and listener. */
export class KgatewayPolicies {
  readonly traffic: Map<string, Targeted[]>;
  readonly httpListener: Map<string, Targeted[]>;
  readonly listener: Map<string, Targeted[]>;

  constructor(private readonly index: ClusterIndex) {
    this.traffic = indexTargets(index, GK.trafficPolicy);
    this.httpListener = indexTargets(index, GK.httpListenerPolicy);
    this.listener = indexTargets(index, GK.listenerPolicy);
  }

  get any(): boolean {
    return this.index.list(GK.trafficPolicy).length + this.httpListener.size + this.listener.size > 0;
  }

  private routeSources(route: RouteModel, ruleName: string | null, ext: readonly KubeObject[], prefix: string): PolicySource[] {
    const on = this.traffic.get(`HTTPRoute|${route.key}`) ?? [];
    const src = (t: Targeted, tier: string): PolicySource => ({ obj: t.obj, via: t.via, level: "route", tier: `${prefix}${tier}`, fields: fieldsOf(t.obj) });
    return [
      ...ext.map((obj): PolicySource => ({ obj, via: "extensionRef", level: "route", tier: `${prefix}ext`, fields: fieldsOf(obj) })),
      ...on.filter((t) => t.section !== undefined && t.section === ruleName).map((t) => src(t, "rule")),
      ...on.filter((t) => t.section === undefined).map((t) => src(t, "route")),
    ];
  }

  private gatewaySources(map: Map<string, Targeted[]>, gw: GatewayModel, listener: ListenerModel, level: "gateway" | "listener"): PolicySource[] {
    const on = map.get(`Gateway|${gw.key}`) ?? [];
    const src = (t: Targeted, tier: string): PolicySource => ({ obj: t.obj, via: t.via, level, tier, fields: fieldsOf(t.obj) });
    return [...on.filter((t) => t.section === listener.name).map((t) => src(t, "listener")), ...on.filter((t) => t.section === undefined).map((t) => src(t, "gateway"))];
  }

  /** Policies in effect for one row of a listener. */
  forRow(row: RouteRow, gw: GatewayModel, listener: ListenerModel): RowPolicies {
    const ext = row.rule.extensionRefs.filter((e) => e.kind === "TrafficPolicy" && e.obj).map((e) => e.obj as KubeObject);
    let route = this.routeSources(row.route, row.rule.name, ext, "");
    const parent = row.delegatedFrom;
    if (parent) {
      const parentExt = parent.rule.extensionRefs.filter((e) => e.kind === "TrafficPolicy" && e.obj).map((e) => e.obj as KubeObject);
      const fromParent = this.routeSources(parent.route, parent.rule.name, parentExt, "parent-");
      const preferParent = parent.route.obj.metadata.annotations?.[PRIORITY] === "ShallowMergePreferParent";
      route = preferParent ? [...fromParent, ...route] : [...route, ...fromParent];
    }
    const taken = new Map<string, string>();
    for (const f of row.rule.filters) {
      const field = NATIVE[f.type];
      if (field) taken.set(field, `native ${f.type} filter`);
    }
    return { traffic: mergeFirstWins([...route, ...this.gatewaySources(this.traffic, gw, listener, "gateway")], taken), ...this.listenerLevel(gw, listener) };
  }

  /** Listener-level policies of one listener (independent of the row). */
  listenerLevel(gw: GatewayModel, listener: ListenerModel): Omit<RowPolicies, "traffic"> {
    return {
      httpListener: mergeFirstWins(this.gatewaySources(this.httpListener, gw, listener, "listener")),
      listener: mergeFirstWins(this.gatewaySources(this.listener, gw, listener, "listener")),
    };
  }

  /** Whether any route-level policy of a route sets extAuth (for GLX006). */
  routeHasAuth(route: RouteModel): boolean {
    return (this.traffic.get(`HTTPRoute|${route.key}`) ?? []).some((t) => fieldsOf(t.obj).extAuth !== undefined);
  }
}
