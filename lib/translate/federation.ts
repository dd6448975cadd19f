import type { WorkspaceOptions } from "../model/gloo-admin";
import { matchesLabels } from "../snapshot/labels";
import type { ObjectRef } from "../snapshot/ref";
import { SERVICE_GK } from "../workspaces/kinds";
import type { WorkspaceInfo } from "../workspaces/types";
import { canonicalUnder, compact, sortKeys, stringSet } from "./canonical";
import { eastWestEndpoints } from "./east-west";
import type { Emitter } from "./emit";
import { NETWORKING_API, v2Object } from "./metadata";
import { federationRuleName, vdServiceEntryName, virtualIp } from "./names";
import { generatedPortName, serviceEntryProtocol } from "./protocols";
import { consumersOf, namespacesByCluster, serviceAt, workspaceOfNamespace, type ServiceInfo, type ServicePort, type World } from "./world";
import { refMap, type NamedMap } from "./ref-map";

/**
 * Workspace federation (`options.federation`, reference §3 item 7, §6.5): every selected Service the
 * workspace can see gets the host `<svc>.<ns>.svc.<cluster>.<suffix>`, reachable from every cluster where
 * the workspace (and, for its own Services, the workspaces importing them) has namespaces: a ServiceEntry
 * with the local pods in the Service's cluster, with the remote east-west gateway elsewhere, plus an
 * ISTIO_MUTUAL DestinationRule.
 */

export const DEFAULT_HOST_SUFFIX = "global";

/** One Service federated by one workspace. */
export interface FederatedService {
  service: ServiceInfo;
  workspace: WorkspaceInfo;
  host: string;
  ports: ServicePort[];
}

/** Federated Services by Service ref (every workspace that federates it). */
export type FederationIndex = NamedMap<ObjectRef, FederatedService[]>;

/** `<svc>.<ns>.svc.<cluster>.<suffix>` (observed 2.0 format; the proto comment's format omits `svc`). */
export function federatedHost(svc: ObjectRef, suffix: string): string {
  return `${svc.name}.${svc.namespace}.svc.${svc.cluster}.${suffix}`;
}

/** Finds every (workspace, Service) pair federation covers: visible Services in mesh clusters, selector-matched. */
export function indexFederation(world: World): FederationIndex {
  const out = refMap<FederatedService[]>();
  for (const ws of world.ctx.workspaces.workspaces) {
    const fed = ws.settings?.options.federation;
    if (!fed?.enabled) continue;
    const suffix = fed.hostSuffix || DEFAULT_HOST_SUFFIX;
    for (const v of world.ctx.workspaces.visibleTo(ws.name).get(SERVICE_GK) ?? []) {
      const svc = serviceAt(world, v.ref);
      if (!svc?.destination || !world.meshClusters.has(svc.ref.cluster) || !selected(fed, svc, v.owner)) continue;
      const ports = svc.ports.filter((p) => (fed.ports ?? []).length === 0 || (fed.ports ?? []).some((s) => (s.number !== undefined ? s.number === p.port : s.name === p.name)));
      const list = out.get(svc.ref);
      const item = { service: svc, workspace: ws, host: federatedHost(svc.ref, suffix), ports };
      if (list) list.push(item);
      else out.set(svc.ref, [item]);
    }
  }
  return out;
}

function selected(fed: NonNullable<WorkspaceOptions["federation"]>, svc: ServiceInfo, owner: string): boolean {
  const selectors = fed.serviceSelector ?? [];
  if (selectors.length === 0) return true;
  return selectors.some((s) =>
    (!s.name || s.name === svc.ref.name) && (!s.namespace || s.namespace === svc.ref.namespace) && (!s.cluster || s.cluster === svc.ref.cluster)
    && (!s.workspace || s.workspace === owner) && matchesLabels(s.labels ?? {}, svc.labels));
}

/**
 * The federated host a route in `workspace` uses for a Service in another cluster: the workspace's own
 * federation first, else the owner's federation when the workspace can see the Service; undefined when
 * neither federates it (a cross-cluster route then has no host).
 */
export function federatedHostFor(world: World, index: FederationIndex, svc: ObjectRef, workspace: string): string | undefined {
  const list = index.get(svc) ?? [];
  const own = list.find((f) => f.workspace.name === workspace);
  if (own) return own.host;
  const owner = world.ctx.workspaces.workspaceOfObject(svc);
  const byOwner = list.find((f) => f.workspace.name === owner);
  return byOwner && world.ctx.workspaces.isVisible(svc, workspace) ? byOwner.host : undefined;
}

/** Emits the ServiceEntries and DestinationRules of every federated Service. */
export function translateFederation(world: World, emit: Emitter, index: FederationIndex): void {
  for (const list of index.values()) for (const f of list) emitFederated(world, emit, f);
}

function emitFederated(world: World, emit: Emitter, f: FederatedService): void {
  const svc = f.service;
  const owner = world.ctx.workspaces.workspaceOfObject(svc.ref);
  const consumers = owner === f.workspace.name ? consumersOf(world, svc.ref, owner) : [f.workspace.name];
  const settingsRef = f.workspace.settings?.ref;
  const parents = settingsRef ? [svc.ref, settingsRef] : [svc.ref];
  const ports = canonicalUnder("ports", f.ports.map((p) => ({ name: generatedPortName(serviceEntryProtocol(p), p.port), number: p.port, protocol: serviceEntryProtocol(p) })));
  const sans = serviceSans(world, svc);
  for (const [cluster, namespaces] of namespacesByCluster(world, consumers)) {
    const local = cluster === svc.ref.cluster;
    const home = local ? svc.ref.namespace : (namespaces[0] ?? svc.ref.namespace);
    const meta = { name: vdServiceEntryName(f.host, f.workspace.name), namespace: home, cluster, parent: svc.ref, workspace: workspaceOfNamespace(world, cluster, home) };
    const endpoints = local ? undefined : remoteEndpoints(world, f, ports);
    if (!local && endpoints?.length === 0) continue;
    const se = compact({
      hosts: [f.host], addresses: [virtualIp(svc.ref.name, svc.ref.namespace, svc.ref.cluster, "kube-service")], ports,
      location: "MESH_INTERNAL", resolution: "STATIC", exportTo: exportList(namespaces, home),
      workloadSelector: local ? { labels: svc.selector } : undefined, endpoints,
    });
    const why = `Workspace ${f.workspace.name} federates Service ${svc.ref.namespace}/${svc.ref.name} of ${svc.ref.cluster} as ${f.host}`;
    emit.output(cluster, v2Object(NETWORKING_API, "ServiceEntry", meta, se), parents, `${why}; ${local ? "local endpoints" : "through the east-west gateway"} in ${cluster}.`);
    const dr = compact({ host: f.host, exportTo: exportList(namespaces, home), trafficPolicy: federationTrafficPolicy(f, sans) });
    emit.output(cluster, v2Object(NETWORKING_API, "DestinationRule", { ...meta, name: federationRuleName(f.host, f.workspace.name) }, dr), parents, `${why}; mTLS to it in ${cluster}.`);
  }
}

/** ISTIO_MUTUAL with the backing workloads' identities on every federated port. */
export function federationTrafficPolicy(f: FederatedService, sans: readonly string[]): Record<string, unknown> {
  const tls = compact({ mode: "ISTIO_MUTUAL", subjectAltNames: stringSet(sans) });
  return { portLevelSettings: canonicalUnder("portLevelSettings", f.ports.map((p) => ({ port: { number: p.port }, tls }))) };
}

/** The traffic policy a client-side DestinationRule for a federated host must repeat (it shadows the shared one). */
export function federatedHostPolicy(world: World, index: FederationIndex, host: string): Record<string, unknown> | undefined {
  let byHost = hostIndexes.get(index);
  if (!byHost) {
    // Indexed on first use: every subset rule asks, and a scan per rule would grow with the mesh twice over.
    hostIndexes.set(index, (byHost = new Map()));
    for (const list of index.values()) for (const x of list) if (!byHost.has(x.host)) byHost.set(x.host, x);
  }
  const f = byHost.get(host);
  return f ? federationTrafficPolicy(f, serviceSans(world, f.service)) : undefined;
}

const hostIndexes = new WeakMap<FederationIndex, Map<string, FederatedService>>();

/**
 * `exportTo`: the consumer namespaces (sorted, as namespacesByCluster gives them), with "." standing for the
 * object's own namespace; "." sorts before every namespace name, so the list stays a canonical set. Lists are
 * shared by the outputs of one namespace list (a VirtualDestination's entry and rules in a cluster).
 */
export function exportList(namespaces: readonly string[], home: string): string[] {
  let byHome = exportLists.get(namespaces);
  if (!byHome) exportLists.set(namespaces, (byHome = new Map()));
  let list = byHome.get(home);
  if (!list) byHome.set(home, (list = stringSet(namespaces.includes(home) ? [".", ...namespaces.filter((n) => n !== home)] : namespaces)));
  return list;
}

const exportLists = new WeakMap<readonly string[], Map<string, string[]>>();

/** One endpoint per (remote east-west gateway address, distinct pod label set), so subsets keep working. */
function remoteEndpoints(world: World, f: FederatedService, ports: readonly { name: string; number: number }[]): Record<string, unknown>[] {
  const gateways = eastWestEndpoints(world, f.workspace.settings?.options.eastWestGateways, f.service.ref.cluster);
  const labelSets = distinctLabelSets(f.service);
  const out: Record<string, unknown>[] = [];
  for (const gw of gateways) {
    const portMap = sortKeys(Object.fromEntries(ports.map((p) => [p.name, gw.port])));
    for (const labels of labelSets) out.push(compact({ address: gw.address, ports: portMap, labels, locality: gw.region || undefined }));
  }
  return canonicalUnder("endpoints", out);
}

/** Pod label sets of a Service's backing workloads (selector labels when none are known). */
export function distinctLabelSets(svc: ServiceInfo): Record<string, string>[] {
  const seen = new Map<string, Record<string, string>>();
  for (const e of svc.destination?.endpoints ?? []) {
    if (Object.keys(e.labels).length === 0) continue;
    const labels = sortKeys(e.labels);
    seen.set(JSON.stringify(labels), labels);
  }
  if (seen.size === 0) seen.set("", svc.selector);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** `spiffe://<trust domain>/ns/<ns>/sa/<sa>` of every workload behind a Service. */
export function serviceSans(world: World, svc: ServiceInfo): string[] {
  const td = world.meshClusters.get(svc.ref.cluster)?.trustDomain ?? "cluster.local";
  const sas = new Set((svc.destination?.workloads ?? []).map((w) => world.workloads.get(w)?.serviceAccountName || "default"));
  return [...sas].sort().map((sa) => `spiffe://${td}/ns/${svc.ref.namespace}/sa/${sa}`);
}
