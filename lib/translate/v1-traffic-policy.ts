import type { DestinationView } from "../discovery/types";
import { v1MatcherUri, type V1TrafficPolicySpec, type V1WorkloadSelector } from "../model/gloo-v1";
import type { HttpMatchRequest } from "../model/istio-traffic";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import { canonical, compact, subsetList } from "./canonical";
import type { Emitter } from "./emit";
import { NETWORKING_API } from "./metadata";
import { subsetName } from "./names";
import { decorate, v1Host } from "./v1-decorators";
import { sortV1Routes } from "./v1-route-order";
import { DESTINATION_GVK, GLOO_MESH_NAMESPACE, destinationService, selectV1Destinations, v1Meta, v1Objects, v1RefProblems, type V1Entry } from "./v1-common";
import type { World } from "./world";

/**
 * Gloo Mesh v1 TrafficPolicy → per-Destination VirtualService and DestinationRule (reference §4.3.1–4.3.2,
 * [CODE]): policies applied in `name.namespace.` key order, grouped by request-matcher identity, decorated,
 * expanded per Service port, split one match per route and sorted by specificity.
 */
export function translateV1TrafficPolicies(world: World, emit: Emitter): void {
  const policies = v1Objects(world, "TrafficPolicy");
  const accepted: V1Entry[] = [];
  for (const tp of policies) {
    emit.seen(tp.ref);
    const problems = v1RefProblems(world, specOf<V1TrafficPolicySpec>(tp.object).destinationSelector);
    for (const p of problems) emit.issue("V1_DESTINATION_NOT_FOUND", "error", `${describeRef(tp.ref, false)} destination ref ${p.message}`, [tp.ref], p.field, "INVALID");
    if (problems.length === 0) accepted.push(tp);
  }
  const applied = new Map<string, { d: DestinationView; tps: V1Entry[] }>();
  for (const tp of accepted) {
    for (const d of selectV1Destinations(world, specOf<V1TrafficPolicySpec>(tp.object).destinationSelector)) {
      const k = refKey(destinationService(d));
      const e = applied.get(k) ?? { d, tps: [] };
      e.tps.push(tp);
      applied.set(k, e);
    }
  }
  for (const { d, tps } of applied.values()) {
    if (!world.meshClusters.has(d.cluster)) continue;
    emitVirtualService(world, emit, d, tps);
    emitDestinationRule(world, emit, d, tps, accepted);
  }
}

type Rec = Record<string, unknown>;

function emitVirtualService(world: World, emit: Emitter, d: DestinationView, tps: readonly V1Entry[]): void {
  const host = v1Host(world, destinationService(d), d.cluster);
  const groups = new Map<string, V1Entry[]>();
  for (const tp of tps) {
    const spec = specOf<V1TrafficPolicySpec>(tp.object);
    const key = JSON.stringify({ s: (spec.sourceSelector ?? []).map(sourceIdentity).sort(), m: spec.httpRequestMatchers ?? [] });
    groups.set(key, [...(groups.get(key) ?? []), tp]);
  }
  const routes: Rec[] = [];
  for (const group of groups.values()) {
    const spec = specOf<V1TrafficPolicySpec>(group[0]?.object ?? { apiVersion: "", kind: "", metadata: { name: "" } });
    if (!includesCluster(spec.sourceSelector, d.cluster)) continue;
    const route: Rec = {};
    for (const tp of group) decorate(world, emit, route, tp, d);
    if (Object.keys(route).length === 0) continue;
    const matches = baseMatches(spec);
    routes.push(...expandPorts(route, matches, d, host));
  }
  if (routes.length === 0) return;
  const parents: ObjectRef[] = [destinationService(d), ...tps.map((t) => t.ref)];
  const object = { apiVersion: NETWORKING_API, kind: "VirtualService", metadata: v1Meta(world, d.name, d.namespace, DESTINATION_GVK, [{ name: d.discoveredName, namespace: GLOO_MESH_NAMESPACE }], d), spec: { hosts: [host], http: sortV1Routes(routes) } };
  emit.output(d.cluster, canonical(object), parents, `Gloo Mesh v1 TrafficPolicies applied to Destination ${d.discoveredName}.`);
}

function sourceIdentity(s: V1WorkloadSelector): string {
  const m = s.kubeWorkloadMatcher ?? {};
  return JSON.stringify({ l: m.labels ?? {}, n: [...(m.namespaces ?? [])].sort() });
}

function includesCluster(sources: readonly V1WorkloadSelector[] | undefined, cluster: string): boolean {
  if (!sources || sources.length === 0) return true;
  return sources.some((s) => (s.kubeWorkloadMatcher?.clusters ?? []).length === 0 || (s.kubeWorkloadMatcher?.clusters ?? []).includes(cluster));
}

/** Source matches × request matches (§4.3.1); empty when the policy matches every request. */
function baseMatches(spec: Partial<V1TrafficPolicySpec>): HttpMatchRequest[] {
  const sources: HttpMatchRequest[] = [];
  for (const s of spec.sourceSelector ?? []) {
    const m = s.kubeWorkloadMatcher ?? {};
    const labels = m.labels && Object.keys(m.labels).length > 0 ? m.labels : undefined;
    const namespaces = m.namespaces ?? [];
    if (!labels && namespaces.length === 0) continue;
    if (namespaces.length === 0) sources.push(compact({ sourceLabels: labels }));
    else for (const ns of namespaces) sources.push(compact({ sourceNamespace: ns, sourceLabels: labels }));
  }
  const requests = (spec.httpRequestMatchers ?? []).map((r): HttpMatchRequest => {
    const uri = v1MatcherUri(r);
    const out: HttpMatchRequest = {};
    if (uri?.exact !== undefined) out.uri = { exact: uri.exact };
    else if (uri?.prefix !== undefined) out.uri = { prefix: uri.prefix };
    else if (uri?.regex !== undefined) out.uri = { regex: uri.regex };
    for (const h of r.headers ?? []) {
      const target = h.invertMatch ? (out.withoutHeaders ??= {}) : (out.headers ??= {});
      target[h.name] = h.regex ? { regex: h.value ?? "" } : { exact: h.value ?? "" };
    }
    for (const q of r.queryParameters ?? []) (out.queryParams ??= {})[q.name] = q.regex ? { regex: q.value ?? "" } : { exact: q.value ?? "" };
    if (r.method) out.method = { exact: r.method };
    return out;
  });
  if (requests.length === 0) return sources;
  return (sources.length > 0 ? sources : [{}]).flatMap((s) => requests.map((r) => ({ ...s, ...r })));
}

/** One copy per Service port (match port and default destination port), then one route per match. */
function expandPorts(route: Rec, matches: readonly HttpMatchRequest[], d: DestinationView, host: string): Rec[] {
  const out: Rec[] = [];
  for (const port of d.ports) {
    const ms = (matches.length > 0 ? matches : [{}]).map((m) => ({ ...m, port: port.port }));
    const dests = ((route.route as Rec[] | undefined) ?? [{ destination: { host } }]).map((r) => {
      const dest = r.destination as Rec;
      return { ...r, destination: dest.port ? dest : { ...dest, port: { number: port.port } } };
    });
    for (const m of ms) out.push({ ...route, match: [m], route: dests });
  }
  return out;
}

function emitDestinationRule(world: World, emit: Emitter, d: DestinationView, tps: readonly V1Entry[], all: readonly V1Entry[]): void {
  const host = v1Host(world, destinationService(d), d.cluster);
  const trafficPolicy: Rec = { tls: { mode: "ISTIO_MUTUAL" } };
  for (const tp of tps) {
    const policy = specOf<V1TrafficPolicySpec>(tp.object).policy;
    const od = policy?.outlierDetection;
    if (od && !trafficPolicy.outlierDetection) {
      trafficPolicy.outlierDetection = { consecutive5xxErrors: od.consecutiveErrors ?? 5, interval: od.interval ?? "10s", baseEjectionTime: od.baseEjectionTime ?? "30s", maxEjectionPercent: od.maxEjectionPercent ?? 100 };
    }
    const mode = policy?.mtls?.istio?.tlsMode;
    if (mode) trafficPolicy.tls = { mode };
  }
  const subsets = new Map<string, Record<string, string>>();
  for (const tp of all) {
    for (const dest of specOf<V1TrafficPolicySpec>(tp.object).policy?.trafficShift?.destinations ?? []) {
      const k = dest.kubeService;
      if (k?.subset && k.name === d.name && (k.namespace ?? "") === d.namespace && (k.clusterName ?? "") === d.cluster) subsets.set(subsetName(k.subset), k.subset);
    }
  }
  const spec = compact({ host, trafficPolicy, subsets: subsetList(subsets) });
  const object = { apiVersion: NETWORKING_API, kind: "DestinationRule", metadata: v1Meta(world, d.name, d.namespace, DESTINATION_GVK, [{ name: d.discoveredName, namespace: GLOO_MESH_NAMESPACE }], d), spec };
  emit.output(d.cluster, canonical(object), [destinationService(d), ...tps.map((t) => t.ref)], `Gloo Mesh v1 DestinationRule for Destination ${d.discoveredName}.`);
}
