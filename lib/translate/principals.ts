import type { ObjectSelector } from "../model/gloo-common";
import { matchesLabels } from "../snapshot/labels";
import { nsKey, workspaceOfNamespace, type World } from "./world";

/**
 * Service-account principals for AuthorizationPolicies (reference §6.7): `<trust domain>/ns/<ns>/sa/<sa>`
 * without `spiffe://`, the trust domain being the mesh's of the service account's cluster.
 */

const labelCache = new WeakMap<World, Map<string, Record<string, string>>>();

function accountLabels(world: World): Map<string, Record<string, string>> {
  let map = labelCache.get(world);
  if (map) return map;
  map = new Map();
  for (const c of world.snapshot.clusters) {
    for (const sa of c.byKind.get("ServiceAccount") ?? []) map.set(`${c.name}/${sa.metadata.namespace ?? ""}/${sa.metadata.name}`, sa.metadata.labels ?? {});
  }
  labelCache.set(world, map);
  return map;
}

/** The principal of one service account, or undefined when its cluster runs no mesh. */
export function principalOf(world: World, cluster: string, namespace: string, account: string): string | undefined {
  const mesh = world.meshClusters.get(cluster);
  return mesh ? `${mesh.trustDomain}/ns/${namespace}/sa/${account}` : undefined;
}

/**
 * The principals a service-account selector picks among the service accounts the snapshot shows (objects
 * and workloads' accounts). A selector naming name, namespace and cluster yields its principal even when
 * the account does not exist yet (pre-authorisation, reference §6.7); label or workspace selectors do not.
 */
export function selectPrincipals(world: World, s: ObjectSelector): string[] {
  const out = new Set<string>();
  const labels = accountLabels(world);
  const candidates: [string, string][] = s.cluster && s.namespace ? [[s.cluster, s.namespace]] : [...world.serviceAccountsByNs.keys()].map(splitNs);
  for (const [cluster, namespace] of candidates) {
    if ((s.cluster && s.cluster !== cluster) || (s.namespace && s.namespace !== namespace)) continue;
    if (s.workspace && workspaceOfNamespace(world, cluster, namespace) !== s.workspace) continue;
    for (const account of world.serviceAccountsByNs.get(nsKey(cluster, namespace)) ?? []) {
      if (s.name && s.name !== account) continue;
      if (!matchesLabels(s.labels ?? {}, labels.get(`${cluster}/${namespace}/${account}`) ?? {})) continue;
      const p = principalOf(world, cluster, namespace, account);
      if (p) out.add(p);
    }
  }
  if (out.size === 0 && s.name && s.namespace && s.cluster && !s.labels && !s.workspace) {
    const p = principalOf(world, s.cluster, s.namespace, s.name);
    if (p) out.add(p);
  }
  return [...out].sort();
}

/** Principals of every service account in the given namespaces (`cluster/namespace` keys). */
export function namespacePrincipals(world: World, namespaces: Iterable<{ cluster: string; namespace: string }>): string[] {
  const out = new Set<string>();
  for (const n of namespaces) {
    for (const account of world.serviceAccountsByNs.get(nsKey(n.cluster, n.namespace)) ?? []) {
      const p = principalOf(world, n.cluster, n.namespace, account);
      if (p) out.add(p);
    }
  }
  return [...out].sort();
}

function splitNs(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}
