import type { DestinationView } from "../discovery/types";
import type { V1AccessPolicySpec, V1IdentitySelector } from "../model/gloo-v1";
import { refKey } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import { canonical, compact } from "./canonical";
import type { Emitter } from "./emit";
import { SECURITY_API } from "./metadata";
import { DESTINATION_GVK, GLOO_MESH_NAMESPACE, destinationService, selectV1Destinations, v1Meta, v1Objects, v1RefProblems, type V1Entry } from "./v1-common";
import type { World } from "./world";

/**
 * Gloo Mesh v1 AccessPolicy → one AuthorizationPolicy per Destination (reference §4.3.3, [CODE]): named
 * after the Service, ALLOW, one rule per applied policy with one `from` entry per source selector and a
 * `to` entry only when paths, methods or ports restrict it. No rules ⇒ no policy (an empty ALLOW denies all).
 */
export function translateV1AccessPolicies(world: World, emit: Emitter): void {
  const applied = new Map<string, { d: DestinationView; aps: V1Entry[] }>();
  for (const ap of v1Objects(world, "AccessPolicy")) {
    emit.seen(ap.ref);
    const spec = specOf<V1AccessPolicySpec>(ap.object);
    const problems = v1RefProblems(world, spec.destinationSelector);
    for (const p of problems) emit.issue("V1_DESTINATION_NOT_FOUND", "error", `${describeRef(ap.ref, false)} destination ref ${p.message}`, [ap.ref], p.field, "INVALID");
    if (problems.length > 0) continue;
    for (const d of selectV1Destinations(world, spec.destinationSelector)) {
      const k = refKey(destinationService(d));
      const e = applied.get(k) ?? { d, aps: [] };
      e.aps.push(ap);
      applied.set(k, e);
    }
  }
  for (const { d, aps } of applied.values()) {
    if (!world.meshClusters.has(d.cluster)) continue;
    const rules = aps.map((ap) => ruleOf(world, emit, ap)).filter((r) => r !== undefined);
    if (rules.length === 0) continue;
    const object = {
      apiVersion: SECURITY_API, kind: "AuthorizationPolicy",
      metadata: v1Meta(world, d.name, d.namespace, DESTINATION_GVK, [{ name: d.discoveredName, namespace: GLOO_MESH_NAMESPACE }], d),
      spec: { selector: { matchLabels: d.workloadSelectorLabels }, action: "ALLOW", rules },
    };
    emit.output(d.cluster, canonical(object), [destinationService(d), ...aps.map((a) => a.ref)], `Gloo Mesh v1 AccessPolicies applied to Destination ${d.discoveredName}.`);
  }
}

function ruleOf(world: World, emit: Emitter, ap: V1Entry): Record<string, unknown> | undefined {
  const spec = specOf<V1AccessPolicySpec>(ap.object);
  const from: Record<string, unknown>[] = [];
  for (const [i, s] of (spec.sourceSelector ?? []).entries()) {
    const source = sourceOf(world, emit, ap, s, i);
    if (source) from.push({ source });
  }
  const operation = compact({ paths: spec.allowedPaths, methods: spec.allowedMethods, ports: spec.allowedPorts?.map(String) });
  return compact({ from, to: Object.keys(operation).length > 0 ? [{ operation }] : undefined });
}

function trustDomain(world: World, emit: Emitter, ap: V1Entry, cluster: string, field: string): string | undefined {
  const td = world.meshClusters.get(cluster)?.trustDomain;
  if (!td) emit.issue("V1_TRUST_DOMAIN_MISSING", "error", `Trust domain not found for cluster ${cluster}`, [ap.ref], field, "INVALID");
  return td;
}

function sourceOf(world: World, emit: Emitter, ap: V1Entry, s: V1IdentitySelector, i: number): Record<string, unknown> | undefined {
  const field = `spec.sourceSelector[${i}]`;
  const request = compact({ requestPrincipals: s.requestIdentityMatcher?.requestPrincipals, notRequestPrincipals: s.requestIdentityMatcher?.notRequestPrincipals });
  const m = s.kubeIdentityMatcher;
  if (m) {
    const clusters = m.clusters ?? [];
    const namespaces = m.namespaces ?? [];
    if (clusters.length === 0) return compact({ namespaces, ...request });
    const principals: string[] = [];
    for (const c of clusters) {
      const td = trustDomain(world, emit, ap, c, `${field}.kubeIdentityMatcher.clusters`);
      if (!td) continue;
      if (namespaces.length === 0) principals.push(`${td}/ns/*`);
      for (const ns of namespaces) principals.push(`${td}/ns/${ns}/sa/*`);
    }
    return compact({ principals, ...request });
  }
  const refs = s.kubeServiceAccountRefs?.serviceAccounts;
  if (refs) {
    const principals: string[] = [];
    for (const r of refs) {
      const clusters = r.clusterName ? [r.clusterName] : [...world.meshClusters.keys()];
      for (const c of clusters) {
        const td = trustDomain(world, emit, ap, c, `${field}.kubeServiceAccountRefs`);
        if (td) principals.push(`${td}/ns/${r.namespace ?? ""}/sa/${r.name ?? ""}`);
      }
    }
    return compact({ principals, ...request });
  }
  return request;
}
