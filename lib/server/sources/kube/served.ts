import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import { allKinds, groupKind } from "@/lib/model/registry";
import type { KindDef } from "@/lib/model/meta";
import { kubeJson } from "./http";

/** A kind Meshpane reads, as this API server serves it. */
export interface ServedKind {
  def: KindDef;
  groupKind: string;
  apiVersion: string;
  plural: string;
  namespaced: boolean;
}

export interface ServedKinds {
  kinds: ServedKind[];
  /** API groups Meshpane models that this server does not serve (CRDs not installed): shown, not an error. */
  absentGroups: string[];
}

interface ApiGroupList {
  groups: { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion?: { version: string } }[];
}
interface ResourceList {
  resources: { name: string; kind: string; namespaced: boolean; verbs: string[] }[];
}

/**
 * Asks the API server which of Meshpane's kinds it serves: `/api/v1` for the core group, `/apis` for
 * the rest, then each group-version Meshpane models, preferring the server's preferred version.
 */
export async function discoverServedKinds(kc: KubeConfig, signal?: AbortSignal): Promise<ServedKinds> {
  const groups = (await kubeJson<ApiGroupList>(kc, { path: "/apis", signal })).groups;
  const servedVersions = new Map<string, string[]>([["", ["v1"]]]);
  for (const g of groups) {
    const preferred = g.preferredVersion?.version;
    const versions = g.versions.map((v) => v.version);
    servedVersions.set(g.name, preferred ? [preferred, ...versions.filter((v) => v !== preferred)] : versions);
  }
  const kinds: ServedKind[] = [];
  const absent = new Set<string>();
  const resourceCache = new Map<string, Promise<ResourceList>>();
  const resources = (gv: string) => {
    if (!resourceCache.has(gv)) resourceCache.set(gv, kubeJson<ResourceList>(kc, { path: gv === "v1" ? "/api/v1" : `/apis/${gv}`, signal }));
    return resourceCache.get(gv)!;
  };
  for (const def of allKinds) {
    const versions = (servedVersions.get(def.group) ?? []).filter((v) => def.versions.includes(v));
    if (versions.length === 0) {
      absent.add(def.group);
      continue;
    }
    const version = versions[0]!;
    const apiVersion = def.group === "" ? version : `${def.group}/${version}`;
    const resource = (await resources(apiVersion)).resources.find((r) => r.kind === def.kind && !r.name.includes("/"));
    if (!resource || !resource.verbs.includes("watch")) continue;
    kinds.push({ def, groupKind: groupKind(def.group, def.kind), apiVersion, plural: resource.name, namespaced: resource.namespaced });
  }
  return { kinds, absentGroups: [...absent].sort() };
}

/** The collection path of a served kind, across all namespaces. */
export function collectionPath(kind: ServedKind): string {
  return kind.apiVersion === "v1" ? `/api/v1/${kind.plural}` : `/apis/${kind.apiVersion}/${kind.plural}`;
}

/** The path of one object of a served kind. */
export function objectPath(kind: ServedKind, namespace: string, name: string): string {
  const base = kind.apiVersion === "v1" ? "/api/v1" : `/apis/${kind.apiVersion}`;
  const ns = kind.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  return `${base}${ns}/${kind.plural}/${encodeURIComponent(name)}`;
}
