import type { KubeObject } from "../model/meta";
import type { VirtualDestination } from "../model/gloo-networking";
import { matchesLabels } from "../snapshot/labels";
import { refOf, type ObjectRef } from "../snapshot/ref";
import { objectsOf, type Snapshot } from "../snapshot/snapshot";
import { compareAge, GK } from "./cluster-index";

/** One workload serving a resolved host, with the labels that tell its subset apart (e.g. `{version: v2}`). */
export interface ResolvedWorkload {
  cluster: string;
  namespace: string;
  name: string;
  subsetLabels: Record<string, string>;
}

/** What a mesh hostname resolves to: the VirtualDestination behind it and the workloads that serve it. */
export interface HostResolution {
  virtualDestination: ObjectRef;
  workloads: ResolvedWorkload[];
}

/**
 * Resolves a mesh hostname and port, as seen from a cluster, to the VirtualDestination and workloads behind
 * it (reference §7.2, seed 003 step 5). The lead plugs the VirtualDestination translation in here later;
 * `defaultHostResolver` is a simple stand-in that reads VirtualDestinations straight from the snapshot.
 * Returns null when nothing serves the host on that port.
 */
export type HostResolver = (cluster: string, host: string, port: number) => HostResolution | null;

/**
 * Extension point for tracing a request inside the mesh (from a gateway backend, or later from a workload
 * to a host): given where a hop arrives, it returns the next hop or null. The gateway tracer calls it for
 * every backend when provided; a workload-origin tracer can reuse `HostResolver` and `matchHttpRequest`.
 */
export interface MeshHopTracer {
  next(hop: { cluster: string; host: string; port: number; path: string; headers: Readonly<Record<string, string>> }): { description: string; workloads: ResolvedWorkload[] } | null;
}

/** A resolver that never resolves (for tests and for snapshots without a mesh). */
export const noHostResolver: HostResolver = () => null;

interface ServiceRecord {
  cluster: string;
  svc: KubeObject;
}

const NOISE_LABELS = new Set(["pod-template-hash", "controller-revision-hash"]);

function deploymentsBySelector(snapshot: Snapshot): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const c of snapshot.clusters) {
    for (const d of objectsOf(c, GK.deployment)) {
      const key = `${c.name}|${d.metadata.namespace ?? ""}`;
      out.set(key, [...(out.get(key) ?? []), d]);
    }
  }
  return out;
}

function workloadsOf(rec: ServiceRecord, deployments: Map<string, KubeObject[]>): ResolvedWorkload[] {
  const ns = rec.svc.metadata.namespace ?? "";
  const selector = (rec.svc as { spec?: { selector?: Record<string, string> } }).spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return (deployments.get(`${rec.cluster}|${ns}`) ?? [])
    .filter((d) => matchesLabels(selector, templateLabels(d)))
    .map((d) => {
      const subsetLabels = Object.fromEntries(Object.entries(templateLabels(d)).filter(([k]) => !(k in selector) && !NOISE_LABELS.has(k)));
      return { cluster: rec.cluster, namespace: ns, name: d.metadata.name, subsetLabels };
    });
}

function templateLabels(d: KubeObject): Record<string, string> {
  return (d as { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } }).spec?.template?.metadata?.labels ?? {};
}

/**
 * The default resolver: VirtualDestinations (any cluster) whose `spec.hosts` list the host and whose ports list
 * the port; backing Services are those matching `spec.services[]` selectors (labels, name, namespace, cluster)
 * in every cluster, and workloads are the Deployments those Services select. Workspace visibility is not
 * checked here (the VirtualDestination translation the lead plugs in will). Oldest VirtualDestination wins.
 */
export function defaultHostResolver(snapshot: Snapshot): HostResolver {
  const byHost = new Map<string, { cluster: string; vd: VirtualDestination }[]>();
  for (const c of snapshot.clusters) {
    for (const vd of objectsOf<VirtualDestination>(c, GK.virtualDestination)) {
      for (const host of vd.spec.hosts ?? []) byHost.set(host, [...(byHost.get(host) ?? []), { cluster: c.name, vd }]);
    }
  }
  for (const list of byHost.values()) list.sort((a, b) => compareAge(a.vd, b.vd) || (a.cluster < b.cluster ? -1 : 1));
  const services: ServiceRecord[] = snapshot.clusters.flatMap((c) => objectsOf(c, "Service").map((svc) => ({ cluster: c.name, svc })));
  const deployments = deploymentsBySelector(snapshot);
  const cache = new Map<string, HostResolution | null>();
  return (_cluster, host, port) => {
    const key = `${host}|${port}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const found = (byHost.get(host) ?? []).find(({ vd }) => vd.spec.ports.some((p) => p.number === port));
    let result: HostResolution | null = null;
    if (found) {
      const selectors = found.vd.spec.services ?? [];
      const backing = services.filter((rec) => selectors.some((s) =>
        (s.cluster === undefined || s.cluster === "" || s.cluster === rec.cluster) &&
        (s.namespace === undefined || s.namespace === "" || s.namespace === rec.svc.metadata.namespace) &&
        (s.name === undefined || s.name === "" || s.name === rec.svc.metadata.name) &&
        matchesLabels(s.labels, rec.svc.metadata.labels)));
      result = { virtualDestination: refOf(found.cluster, found.vd), workloads: backing.flatMap((rec) => workloadsOf(rec, deployments)) };
    }
    cache.set(key, result);
    return result;
  };
}
