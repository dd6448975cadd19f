import type { DestinationView, MeshView, WorkloadView } from "../discovery/types";
import type { KubeObject } from "../model/meta";
import { refOf, type ObjectRef } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { push } from "../workspaces/collections";
import { cmp } from "../workspaces/kinds";
import type { CatalogEntry, NamespaceMembership } from "../workspaces/types";
import { sortKeys } from "./canonical";
import { NamedMap, refMap } from "./ref-map";
import type { TranslateContext } from "./types";

/**
 * Everything the per-kind translators look up, indexed once per pass so no translator scans the snapshot:
 * Services by ref, workloads and service accounts by namespace, meshes by cluster, the workspaces that
 * consume each exportable object, and each workspace's namespaces in clusters that run a mesh.
 */

export type Labels = Record<string, string>;

/** A Service port as written in the Service (targetPort a number or a name). */
export interface ServicePort {
  name: string;
  port: number;
  targetPort: number | string;
  protocol: string;
  appProtocol: string;
  nodePort: number;
}

/** A Kubernetes Service, with its discovered Destination when a mesh workload backs it. */
export interface ServiceInfo {
  ref: ObjectRef;
  object: KubeObject;
  selector: Labels;
  labels: Labels;
  ports: ServicePort[];
  destination: DestinationView | undefined;
}

/** A cluster that runs an Istio mesh: where translated objects can go. */
export interface MeshCluster {
  cluster: string;
  mesh: MeshView;
  trustDomain: string;
  clusterDomain: string;
  region: string;
}

/** The indexed view of one snapshot the translators share. */
export interface World {
  snapshot: Snapshot;
  ctx: TranslateContext;
  meshClusters: ReadonlyMap<string, MeshCluster>;
  services: NamedMap<ObjectRef, ServiceInfo>;
  /** Services per cluster, in namespace/name order. */
  servicesByCluster: ReadonlyMap<string, readonly ServiceInfo[]>;
  /** Every discovered workload by cluster, kind, namespace and name. */
  workloads: NamedMap<WorkloadKey, WorkloadView>;
  /** Mesh workloads per `cluster/namespace`. */
  workloadsByNs: ReadonlyMap<string, readonly WorkloadView[]>;
  /** Service account names per `cluster/namespace`, sorted (ServiceAccount objects and workload SAs). */
  serviceAccountsByNs: ReadonlyMap<string, readonly string[]>;
  /** Workspaces that receive each exported object (sorted names). */
  exportedTo: NamedMap<ObjectRef, readonly string[]>;
}

/** What identifies a workload controller (discovery's workload refs carry no group). */
export interface WorkloadKey {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
}

/** The key of a namespace in world maps. */
export function nsKey(cluster: string, namespace: string): string {
  return `${cluster}/${namespace}`;
}

/** Builds the world of one snapshot and its derived indexes. */
export function buildWorld(snapshot: Snapshot, ctx: TranslateContext): World {
  const meshClusters = indexMeshClusters(ctx);
  const destinations = new NamedMap<{ cluster: string; namespace: string; name: string }, DestinationView>((a, b) => a.cluster === b.cluster);
  for (const d of ctx.discovery.destinations) destinations.set(d, d);
  const services = refMap<ServiceInfo>();
  const servicesByCluster = new Map<string, ServiceInfo[]>();
  const accounts = new Map<string, Set<string>>();
  const keys = new Map<string, Map<string, string>>();
  for (const cluster of snapshot.clusters) {
    for (const object of cluster.byKind.get("Service") ?? []) {
      const ref = refOf(cluster.name, object);
      const info = serviceInfo(ref, object, destinations.get(ref));
      services.set(ref, info);
      push(servicesByCluster, cluster.name, info);
    }
    for (const sa of cluster.byKind.get("ServiceAccount") ?? []) addAccount(accounts, nsKeyOf(keys, cluster.name, sa.metadata.namespace ?? ""), sa.metadata.name);
  }
  const workloadsByNs = new Map<string, WorkloadView[]>();
  const workloads = new NamedMap<WorkloadKey, WorkloadView>((a, b) => a.kind === b.kind && a.cluster === b.cluster);
  for (const w of ctx.discovery.workloads) {
    workloads.set(w, w);
    if (!w.mesh) continue;
    const ns = nsKeyOf(keys, w.cluster, w.namespace);
    push(workloadsByNs, ns, w);
    if (w.serviceAccountName !== "") addAccount(accounts, ns, w.serviceAccountName);
  }
  const serviceAccountsByNs = new Map([...accounts].map(([k, set]) => [k, [...set].sort(cmp)] as const));
  const exportedTo = refMap<readonly string[]>();
  for (const ws of ctx.workspaces.workspaces) for (const e of ctx.workspaces.exportedBy(ws.name)) exportedTo.set(e.ref, e.to);
  return { snapshot, ctx, meshClusters, services, servicesByCluster, workloads, workloadsByNs, serviceAccountsByNs, exportedTo };
}

/** `nsKey`, each built once per pass: most namespaces hold many objects. */
function nsKeyOf(keys: Map<string, Map<string, string>>, cluster: string, namespace: string): string {
  let byNs = keys.get(cluster);
  if (!byNs) keys.set(cluster, (byNs = new Map()));
  let key = byNs.get(namespace);
  if (key === undefined) byNs.set(namespace, (key = nsKey(cluster, namespace)));
  return key;
}

function addAccount(map: Map<string, Set<string>>, key: string, name: string): void {
  const set = map.get(key);
  if (set) set.add(name);
  else map.set(key, new Set([name]));
}

/** The first Istio mesh of each cluster (reference §1.4: one mesh per cluster), with its trust and DNS domains. */
function indexMeshClusters(ctx: TranslateContext): Map<string, MeshCluster> {
  const domains = new Map<string, string>();
  for (const d of ctx.discovery.destinations) {
    const prefix = `${d.name}.${d.namespace}.svc.`;
    if (!domains.has(d.cluster) && d.localFqdn.startsWith(prefix)) domains.set(d.cluster, d.localFqdn.slice(prefix.length));
  }
  const out = new Map<string, MeshCluster>();
  for (const mesh of ctx.discovery.meshes) {
    if (out.has(mesh.cluster)) continue;
    out.set(mesh.cluster, {
      cluster: mesh.cluster, mesh, trustDomain: mesh.effectiveTrustDomain,
      clusterDomain: domains.get(mesh.cluster) ?? "cluster.local", region: mesh.installation.region,
    });
  }
  return out;
}

function serviceInfo(ref: ObjectRef, object: KubeObject, destination: DestinationView | undefined): ServiceInfo {
  const spec = (object.spec ?? {}) as { selector?: Labels; ports?: Record<string, unknown>[] };
  const ports = (Array.isArray(spec.ports) ? spec.ports : []).map((p): ServicePort => ({
    name: typeof p.name === "string" ? p.name : "",
    port: typeof p.port === "number" ? p.port : 0,
    targetPort: typeof p.targetPort === "number" || typeof p.targetPort === "string" ? p.targetPort : typeof p.port === "number" ? p.port : 0,
    protocol: typeof p.protocol === "string" ? p.protocol : "TCP",
    appProtocol: typeof p.appProtocol === "string" ? p.appProtocol : "",
    nodePort: typeof p.nodePort === "number" ? p.nodePort : 0,
  }));
  const selector = spec.selector && typeof spec.selector === "object" ? sortKeys(spec.selector) : {};
  return { ref, object, selector, labels: object.metadata.labels ?? {}, ports, destination };
}

/** The Service at a ref, if any. */
export function serviceAt(world: World, ref: ObjectRef): ServiceInfo | undefined {
  return world.services.get(ref);
}

/**
 * The catalog entry at a ref, remembered per pass by namespace and name: routes name the same few
 * destinations and policies over and over, and the workspace index builds a string key per lookup.
 */
export function entryAt(world: World, ref: ObjectRef): CatalogEntry | undefined {
  let cache = entryCache.get(world);
  if (!cache) entryCache.set(world, (cache = refMap()));
  let hit = cache.get(ref);
  if (hit === undefined) cache.set(ref, (hit = world.ctx.workspaces.entry(ref) ?? null));
  return hit ?? undefined;
}

const entryCache = new WeakMap<World, NamedMap<ObjectRef, CatalogEntry | null>>();

/**
 * The workspace that owns a namespace, remembered per pass by cluster and namespace: every output asks for
 * the namespace it is written to, and the workspace index builds a string key per lookup.
 */
export function workspaceOfNamespace(world: World, cluster: string, namespace: string): string | undefined {
  let byCluster = namespaceOwnerCache.get(world);
  if (!byCluster) namespaceOwnerCache.set(world, (byCluster = new Map()));
  let byNs = byCluster.get(cluster);
  if (!byNs) byCluster.set(cluster, (byNs = new Map()));
  let hit = byNs.get(namespace);
  if (hit === undefined) byNs.set(namespace, (hit = world.ctx.workspaces.workspaceOfNamespace(cluster, namespace) ?? null));
  return hit ?? undefined;
}

const namespaceOwnerCache = new WeakMap<World, Map<string, Map<string, string | null>>>();

/** The workspaces that can use an owned object: its owner first, then those it is exported to (sorted). */
export function consumersOf(world: World, ref: ObjectRef, owner: string): string[] {
  const to = world.exportedTo.get(ref);
  if (!to) return [owner];
  return to.includes(owner) ? [owner, ...to.filter((w) => w !== owner)] : [owner, ...to];
}

/** The namespaces a workspace owns alone in clusters that run a mesh (where outputs can go), sorted. */
export function meshNamespacesOf(world: World, workspace: string): NamespaceMembership[] {
  let cache = meshNamespaceCache.get(world);
  if (!cache) meshNamespaceCache.set(world, (cache = new Map()));
  const hit = cache.get(workspace);
  if (hit) return hit;
  const ws = world.ctx.workspaces.workspace(workspace);
  const list = ws ? ws.namespaces.filter((n) => n.contestedWith.length === 0 && world.meshClusters.has(n.cluster)) : [];
  cache.set(workspace, list);
  return list;
}

const meshNamespaceCache = new WeakMap<World, Map<string, NamespaceMembership[]>>();

/** The catalogued objects of one group-kind that workspaces own, by ref. */
export function ownedEntries(world: World, gk: string): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const ws of world.ctx.workspaces.workspaces) for (const e of world.ctx.workspaces.ownedBy(ws.name)) if (e.gk === gk) out.push(e);
  return out;
}

/**
 * Namespaces per cluster of a set of workspaces (mesh clusters only): cluster → sorted namespaces. The answer
 * depends on the set only, and objects exported to everyone share one, so it is memoised per set; callers
 * must not modify it.
 */
export function namespacesByCluster(world: World, workspaces: readonly string[]): ReadonlyMap<string, readonly string[]> {
  let cache = namespacesCache.get(world);
  if (!cache) namespacesCache.set(world, (cache = new Map()));
  const key = workspaces.length === 1 ? (workspaces[0] as string) : [...new Set(workspaces)].sort(cmp).join("\u0000");
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = computeNamespacesByCluster(world, workspaces)));
  return hit;
}

const namespacesCache = new WeakMap<World, Map<string, Map<string, string[]>>>();

function computeNamespacesByCluster(world: World, workspaces: readonly string[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const ws of workspaces) {
    for (const n of meshNamespacesOf(world, ws)) {
      const set = out.get(n.cluster);
      if (set) set.add(n.namespace);
      else out.set(n.cluster, new Set([n.namespace]));
    }
  }
  return new Map([...out].sort(([a], [b]) => cmp(a, b)).map(([c, set]) => [c, [...set].sort(cmp)] as const));
}
