import type { Backend } from "../model/kgateway";
import { compareRefs, refOf, type ObjectRef } from "../snapshot/ref";
import { GK } from "./cluster-index";
import type { ClusterGateways, GatewayAnalysisModel } from "./model";
import { PROFILES } from "./profiles";

/**
 * The function gateway inventory (reference §8.8, seed 002): per Upstream (and per kgateway Lambda Backend) its
 * functions — from the spec, gRPC descriptors or the OpenAPI document the caller passed — and the routes that
 * call each. Functions called but not exposed are listed with `exists: false` (their findings are GLE004/GLX004).
 */
export interface FunctionCaller {
  kind: string;
  namespace: string;
  name: string;
  /** Rule (HTTPRoute) or route index (VirtualService / RouteTable). */
  rule: number;
}

/** One function of an Upstream (or called on it), where its name comes from, and the routes calling it. */
export interface FunctionEntry {
  name: string;
  type: string;
  source: string;
  exists: boolean;
  callers: FunctionCaller[];
}

/** An Upstream (or kgateway Lambda Backend) with its functions. */
export interface UpstreamFunctionsView {
  upstream: ObjectRef;
  functions: FunctionEntry[];
}

function entryFor(map: Map<string, UpstreamFunctionsView>, ref: ObjectRef): UpstreamFunctionsView {
  const key = `${ref.kind}|${ref.namespace}/${ref.name}`;
  let e = map.get(key);
  if (!e) map.set(key, (e = { upstream: ref, functions: [] }));
  return e;
}

function addCaller(e: UpstreamFunctionsView, name: string, type: string, caller: FunctionCaller): void {
  let f = e.functions.find((x) => x.name === name);
  if (!f) e.functions.push((f = { name, type, source: "route", exists: false, callers: [] }));
  if (!f.callers.some((c) => c.kind === caller.kind && c.namespace === caller.namespace && c.name === caller.name && c.rule === caller.rule)) f.callers.push(caller);
}

function clusterInventory(cg: ClusterGateways): UpstreamFunctionsView[] {
  const map = new Map<string, UpstreamFunctionsView>();
  for (const up of cg.index.list(GK.upstream)) {
    const e = entryFor(map, refOf(cg.cluster, up));
    for (const f of cg.functions.get(`${up.metadata.namespace ?? ""}/${up.metadata.name}`) ?? []) e.functions.push({ name: f.name, type: f.type, source: f.source, exists: true, callers: [] });
  }
  for (const b of cg.index.list<Backend>(GK.kgBackend)) {
    const fn = b.spec.aws?.lambda.functionName;
    if (fn) entryFor(map, refOf(cg.cluster, b)).functions.push({ name: fn, type: "lambda", source: "spec", exists: true, callers: [] });
  }
  for (const v of cg.edge.vhosts.values()) {
    for (const r of v.routes) {
      const last = r.chain[r.chain.length - 1];
      for (const d of r.destinations) {
        if (!d.function || d.kind !== "Upstream" || !last) continue;
        const ref: ObjectRef = { cluster: cg.cluster, group: "gloo.solo.io", kind: "Upstream", namespace: d.namespace, name: d.name };
        addCaller(entryFor(map, ref), d.function.name, d.function.type === "aws" ? "lambda" : d.function.type, { kind: last.kind, namespace: last.namespace, name: last.name, rule: last.route });
      }
    }
  }
  for (const route of cg.routes) {
    const profile = route.parents.find((p) => p.gateway?.profile.extensions !== "none")?.gateway?.profile ?? PROFILES["gloo-gateway-1"];
    for (const rule of route.rulesFor(profile)) {
      for (const b of rule.backends) {
        const fn = b.detail.function;
        if (fn === undefined || (b.kind !== "Upstream" && b.kind !== "Backend")) continue;
        const ref: ObjectRef = { cluster: cg.cluster, group: b.group, kind: b.kind, namespace: b.namespace, name: b.name };
        addCaller(entryFor(map, ref), fn, "lambda", { kind: route.kind, namespace: route.namespace, name: route.obj.metadata.name, rule: rule.index });
      }
    }
  }
  return [...map.values()];
}

/** Every Upstream's functions and their callers, across clusters, in ref order. */
export function functionInventory(model: GatewayAnalysisModel): UpstreamFunctionsView[] {
  const all = model.clusters.flatMap(clusterInventory).filter((e) => e.functions.length > 0 || e.upstream.kind === "Upstream");
  for (const e of all) {
    e.functions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const f of e.functions) {
      f.callers.sort((a, b) => {
        const ak = `${a.kind}|${a.namespace}|${a.name}`;
        const bk = `${b.kind}|${b.namespace}|${b.name}`;
        return ak < bk ? -1 : ak > bk ? 1 : a.rule - b.rule;
      });
    }
  }
  return all.sort((a, b) => compareRefs(a.upstream, b.upstream));
}
