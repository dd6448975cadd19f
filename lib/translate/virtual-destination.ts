import type { VirtualDestinationSpec } from "../model/gloo-networking";
import type { ObjectSelector } from "../model/gloo-common";
import { matchesLabels } from "../snapshot/labels";
import { describeRef } from "../workspaces/findings";
import { SERVICE_GK, VIRTUAL_DESTINATION_GK, compareAge, specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import { canonicalUnder, compact, stringSet } from "./canonical";
import { destinationTrafficPolicy } from "./destination-policies";
import { eastWestEndpoints } from "./east-west";
import type { Emitter } from "./emit";
import { exportList, serviceSans } from "./federation";
import { NETWORKING_API, v2Object } from "./metadata";
import { vdDestinationRuleName, vdServiceEntryName, vdWorkloadEntryName, virtualIp } from "./names";
import { generatedPortName, glooProtocol } from "./protocols";
import { consumersOf, namespacesByCluster, serviceAt, workspaceOfNamespace, type ServiceInfo, type World } from "./world";

/**
 * VirtualDestination → ServiceEntry + WorkloadEntries + DestinationRule (reference §6.4): in every mesh
 * cluster where its owner or an importer has namespaces, one ServiceEntry (VIP, MESH_INTERNAL, STATIC,
 * `exportTo` = those namespaces) selecting the local backing pods, one WorkloadEntry per remote backing
 * cluster's east-west gateway address, and one DestinationRule per host with ISTIO_MUTUAL per port plus
 * the Failover / OutlierDetection policies in effect.
 */
export function translateVirtualDestinations(world: World, emit: Emitter, vds: readonly CatalogEntry[]): void {
  for (const vd of vds) {
    emit.seen(vd.ref);
    if (vd.owner !== null) translateOne(world, emit, vd, vd.owner);
  }
}

/** The VirtualDestinations workspaces own, by ref. */
export function ownedVirtualDestinations(world: World): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const ws of world.ctx.workspaces.workspaces) for (const e of world.ctx.workspaces.ownedBy(ws.name)) if (e.gk === VIRTUAL_DESTINATION_GK) out.push(e);
  return out;
}

/** The backing Services of a VirtualDestination, one per cluster (the oldest when several match). */
export function backingServices(world: World, emit: Emitter | undefined, vd: CatalogEntry, owner: string): ServiceInfo[] {
  const selectors = specOf<VirtualDestinationSpec>(vd.object).services ?? [];
  if (selectors.length === 0) return [];
  const byCluster = new Map<string, ServiceInfo[]>();
  const visible = visibleServices(world, owner);
  for (const i of candidates(visible, selectors)) {
    const v = visible.all[i]!;
    if (!selectors.some((s) => matchesService(s, v.svc, v.owner))) continue;
    const list = byCluster.get(v.svc.ref.cluster);
    if (list) list.push(v.svc);
    else byCluster.set(v.svc.ref.cluster, [v.svc]);
  }
  const out: ServiceInfo[] = [];
  for (const [cluster, list] of [...byCluster].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => compareAge({ ref: a.ref, object: a.object }, { ref: b.ref, object: b.object }));
    const [first, ...rest] = list;
    if (!first) continue;
    out.push(first);
    if (rest.length > 0 && emit) {
      emit.issue("VD_MULTIPLE_SERVICES", "warning", `${describeRef(vd.ref, false)} must select at most one Service per cluster; in ${cluster} it selects ${list.map((s) => `${s.ref.namespace}/${s.ref.name}`).join(", ")}, so the oldest, ${first.ref.namespace}/${first.ref.name}, is used`, [vd.ref, ...list.map((s) => s.ref)], "spec.services", "WARNING");
    }
  }
  return out;
}

/** The Services a workspace sees (in visibleTo order), indexed by each `key=value` label. */
interface VisibleServices {
  all: { svc: ServiceInfo; owner: string }[];
  byLabel: Map<string, number[]>;
}

const visibleServiceCache = new WeakMap<World, Map<string, VisibleServices>>();

function visibleServices(world: World, owner: string): VisibleServices {
  let cache = visibleServiceCache.get(world);
  if (!cache) visibleServiceCache.set(world, (cache = new Map()));
  let index = cache.get(owner);
  if (index) return index;
  index = { all: [], byLabel: new Map() };
  for (const v of world.ctx.workspaces.visibleTo(owner).get(SERVICE_GK) ?? []) {
    const svc = serviceAt(world, v.ref);
    if (!svc) continue;
    const at = index.all.push({ svc, owner: v.owner }) - 1;
    for (const k of Object.keys(svc.labels)) {
      const key = labelKey(k, svc.labels[k] ?? "");
      const list = index.byLabel.get(key);
      if (list) list.push(at);
      else index.byLabel.set(key, [at]);
    }
  }
  cache.set(owner, index);
  return index;
}

function labelKey(k: string, v: string): string {
  return `${k}\u0000${v}`;
}

/**
 * Positions of the visible Services that may match one of the selectors, in visibleTo order: through the
 * label index when every selector names a label (so a VirtualDestination never scans every Service).
 */
function candidates(visible: VisibleServices, selectors: readonly ObjectSelector[]): Iterable<number> {
  const lists: number[][] = [];
  for (const s of selectors) {
    const labels = s.labels ?? {};
    const first = Object.keys(labels)[0];
    if (first === undefined) return visible.all.keys();
    lists.push(visible.byLabel.get(labelKey(first, labels[first] ?? "")) ?? []);
  }
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

function matchesService(s: ObjectSelector, svc: ServiceInfo, owner: string): boolean {
  return (!s.name || s.name === svc.ref.name) && (!s.namespace || s.namespace === svc.ref.namespace) && (!s.cluster || s.cluster === svc.ref.cluster)
    && (!s.workspace || s.workspace === owner) && matchesLabels(s.labels ?? {}, svc.labels);
}

function translateOne(world: World, emit: Emitter, vd: CatalogEntry, owner: string): void {
  const spec = specOf<VirtualDestinationSpec>(vd.object);
  const hosts = spec.hosts ?? [];
  if (hosts.length === 0) return;
  const backing = backingServices(world, emit, vd, owner);
  reportBacking(emit, vd, spec, backing);
  const ports = (spec.ports ?? []).map((p) => ({ name: generatedPortName(glooProtocol(p.protocol), p.number), number: p.number, protocol: glooProtocol(p.protocol), targetPort: targetPortOf(p.targetPort, backing) }));
  const sans = backing.flatMap((s) => serviceSans(world, s));
  const trafficPolicy = destinationTrafficPolicy(world, vd.ref, (spec.ports ?? []).map((p) => p.number), sans);
  const settings = world.ctx.workspaces.workspace(owner)?.settings;
  // The same in every cluster: built once.
  const sePorts = canonicalUnder("ports", ports.map((p) => compact({ ...p, targetPort: p.targetPort })));
  const portNames = ports.map((p) => p.name).sort();
  const ruleParents = [vd.ref, ...world.ctx.attachment.onDestination(vd.ref).filter((p) => p.effective).map((p) => p.policy)];
  for (const [cluster, namespaces] of namespacesByCluster(world, consumersOf(world, vd.ref, owner))) {
    const local = backing.find((s) => s.ref.cluster === cluster);
    const home = local?.ref.namespace ?? namespaces[0] ?? "";
    const labels = (local ?? backing[0])?.selector;
    const workspace = workspaceOfNamespace(world, cluster, home);
    const parents = [vd.ref, ...backing.map((s) => s.ref)];
    const base = { namespace: home, cluster, parent: vd.ref, workspace };
    const host0 = hosts[0] ?? "";
    const se = compact({
      hosts: stringSet(hosts), addresses: [virtualIp(vd.ref.name, vd.ref.namespace, vd.ref.cluster, "virtual-destination")],
      ports: sePorts, location: "MESH_INTERNAL", resolution: "STATIC",
      exportTo: exportList(namespaces, home), workloadSelector: labels ? { labels } : undefined,
    });
    emit.output(cluster, v2Object(NETWORKING_API, "ServiceEntry", { ...base, name: vdServiceEntryName(host0, owner) }, se), parents, `VirtualDestination ${vd.ref.namespace}/${vd.ref.name} for the workspaces that can use it in ${cluster}.`);
    for (const remote of backing.filter((s) => s.ref.cluster !== cluster)) {
      const gateways = eastWestEndpoints(world, settings?.options.eastWestGateways, remote.ref.cluster);
      if (gateways.length === 0) {
        emit.issue("VD_NO_EAST_WEST_GATEWAY", "warning", `${describeRef(vd.ref, false)} needs an east-west gateway in ${remote.ref.cluster} to reach ${describeRef(remote.ref)} from ${cluster}; workspace ${owner} selects none there, so that backend is left out`, [vd.ref, remote.ref], "spec.services", "WARNING");
      }
      for (const gw of gateways) {
        const we = compact({ address: gw.address, ports: Object.fromEntries(portNames.map((n) => [n, gw.port])), labels: labels ?? remote.selector, locality: gw.region || undefined });
        emit.output(cluster, v2Object(NETWORKING_API, "WorkloadEntry", { ...base, name: vdWorkloadEntryName(host0, owner, labels ?? remote.selector, gw.address) }, we), [vd.ref, remote.ref, gw.service.ref], `Backend ${remote.ref.namespace}/${remote.ref.name} of VirtualDestination ${vd.ref.namespace}/${vd.ref.name} in ${remote.ref.cluster}, reached from ${cluster} through its east-west gateway.`);
      }
    }
    for (const host of hosts) {
      const dr = compact({ host, exportTo: exportList(namespaces, home), trafficPolicy });
      emit.output(cluster, v2Object(NETWORKING_API, "DestinationRule", { ...base, name: vdDestinationRuleName(host, owner) }, dr), ruleParents, `mTLS and destination policies for VirtualDestination ${vd.ref.namespace}/${vd.ref.name} (${host}) in ${cluster}.`);
    }
  }
}

function targetPortOf(sel: { number?: number; name?: string } | undefined, backing: readonly ServiceInfo[]): number | undefined {
  if (sel?.number !== undefined) return sel.number;
  if (sel?.name === undefined) return undefined;
  for (const s of backing) {
    const p = s.ports.find((x) => x.name === sel.name);
    if (p) return p.port;
  }
  return undefined;
}

function reportBacking(emit: Emitter, vd: CatalogEntry, spec: Partial<VirtualDestinationSpec>, backing: readonly ServiceInfo[]): void {
  if ((spec.services ?? []).length > 0 && backing.length === 0) {
    emit.issue("VD_NO_BACKING_SERVICES", "warning", `${describeRef(vd.ref, false)} must select at least one Service its workspace can see; spec.services matches none, so the host has no endpoints`, [vd.ref], "spec.services", "WARNING");
  }
  if ((spec.externalServices ?? []).length > 0 || (spec.externalWorkloads ?? []).length > 0) {
    emit.issue("VD_UNSUPPORTED_BACKING", "info", `${describeRef(vd.ref, false)} is backed by ExternalServices or ExternalWorkloads, which Meshpane does not translate yet; only its Service backends appear in the preview`, [vd.ref], (spec.externalServices ?? []).length > 0 ? "spec.externalServices" : "spec.externalWorkloads");
  }
  (spec.ports ?? []).forEach((p, i) => {
    const sel = p.targetPort;
    if (!sel) return;
    for (const s of backing) {
      const ok = sel.number !== undefined ? s.ports.some((x) => x.port === sel.number || x.targetPort === sel.number) : s.ports.some((x) => x.name === sel.name);
      if (!ok) emit.issue("VD_TARGET_PORT_NOT_FOUND", "error", `port ${p.number} of ${describeRef(vd.ref, false)} must have a targetPort every backing Service has; ${describeRef(s.ref)} has no port ${sel.number ?? sel.name}`, [vd.ref, s.ref], `spec.ports[${i}].targetPort`, "WARNING");
    }
  });
}
