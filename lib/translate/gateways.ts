import type { Listener, VirtualGatewaySpec } from "../model/gloo-networking";
import { workloadObjectSelector, type ObjectReference, type ObjectSelector } from "../model/gloo-common";
import type { RouteTableSpec } from "../model/gloo-networking-routes";
import { matchesGlob, matchesLabels } from "../snapshot/labels";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { ROUTE_TABLE_GK, specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import type { Emitter } from "./emit";
import { virtualGatewayOutputName } from "./names";
import { ownedEntries, workspaceOfNamespace, type Labels, type ServiceInfo, type World } from "./world";

/**
 * Which gateway Services each VirtualGateway selects (reference §2.8, §6.1) and which root RouteTables
 * bind to it. Both the Gateway and the gateway-bound VirtualServices are placed from this.
 */

export const VIRTUAL_GATEWAY_GK = "VirtualGateway.networking.gloo.solo.io";

/** One Istio Gateway a VirtualGateway produces: one per selected gateway Service. */
export interface GatewayPlacement {
  vg: CatalogEntry;
  service: ServiceInfo;
  cluster: string;
  namespace: string;
  /** Name of the Istio Gateway. */
  name: string;
  /** The gateway Service's selector: the Gateway's `selector` and the VirtualService matches' `sourceLabels`. */
  selector: Labels;
  workspace: string | undefined;
}

/** A root RouteTable bound to a VirtualGateway, with the listeners that allow it. */
export interface Binding {
  table: CatalogEntry;
  hosts: string[];
  /** Listener indexes that admit the table. */
  listeners: number[];
}

/** VirtualGateways with their placements and bindings. */
export interface GatewayIndex {
  placements: ReadonlyMap<string, GatewayPlacement[]>;
  bindings: ReadonlyMap<string, Binding[]>;
  /** refKey of a RouteTable → the VirtualGateways it binds to (resolved refs). */
  tableGateways: ReadonlyMap<string, CatalogEntry[]>;
}

/** Resolves every VirtualGateway's gateway Services and every root table's gateway bindings. */
export function indexGateways(world: World, emit: Emitter): GatewayIndex {
  const vgs = ownedEntries(world, VIRTUAL_GATEWAY_GK);
  const byKey = new Map(vgs.map((v) => [v.key, v] as const));
  const placements = new Map(vgs.map((vg) => [vg.key, selectGateways(world, emit, vg)] as const));
  const bindings = new Map<string, Binding[]>();
  const tableGateways = new Map<string, CatalogEntry[]>();
  for (const table of ownedEntries(world, ROUTE_TABLE_GK)) {
    const spec = specOf<RouteTableSpec>(table.object);
    const hosts = spec.hosts ?? [];
    if (hosts.length === 0) continue;
    (spec.virtualGateways ?? []).forEach((ref, i) => {
      const vg = resolveGateway(ref, table.ref, byKey);
      const field = `spec.virtualGateways[${i}]`;
      if (!vg) {
        emit.issue("RT_GATEWAY_NOT_FOUND", "error", `${describeRef(table.ref, false)} must bind to an existing VirtualGateway; ${ref.namespace ?? table.ref.namespace}/${ref.name} is not in any registered cluster`, [table.ref], field, "WARNING");
        return;
      }
      if (vg.owner === null || !world.ctx.workspaces.isVisible(table.ref, vg.owner)) {
        emit.issue("RT_GATEWAY_NOT_FOUND", "error", `${describeRef(table.ref, false)} must be owned by or exported to the workspace of ${describeRef(vg.ref, false)} (${vg.owner ?? "none"}) to bind to it`, [table.ref, vg.ref], field, "WARNING");
        return;
      }
      const listeners = admittingListeners(specOf<VirtualGatewaySpec>(vg.object).listeners ?? [], table, hosts, vg);
      if (listeners.length === 0) {
        emit.issue("RT_HOST_NOT_ALLOWED", "error", `${describeRef(table.ref, false)} must have a host that a listener of ${describeRef(vg.ref, false)} allows (allowedRouteTables); ${hosts.join(", ")} is not allowed`, [table.ref, vg.ref], "spec.hosts", "WARNING");
        return;
      }
      push(bindings, vg.key, { table, hosts, listeners });
      push(tableGateways, table.key, vg);
    });
  }
  return { placements, bindings, tableGateways };
}

function push<V>(map: Map<string, V[]>, key: string, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

function resolveGateway(ref: ObjectReference, table: ObjectRef, byKey: ReadonlyMap<string, CatalogEntry>): CatalogEntry | undefined {
  const target: ObjectRef = { cluster: ref.cluster || table.cluster, group: "networking.gloo.solo.io", kind: "VirtualGateway", namespace: ref.namespace || table.namespace, name: ref.name };
  return byKey.get(refKey(target));
}

/**
 * Listeners whose `allowedRouteTables` admit the table: no list admits any table; an entry admits it when
 * its `host` (`[ns/]dnsName`, `*` globs) matches one of the table's hosts and its selector (absent = any)
 * matches the table.
 */
function admittingListeners(listeners: readonly Listener[], table: CatalogEntry, hosts: readonly string[], vg: CatalogEntry): number[] {
  const out: number[] = [];
  listeners.forEach((l, i) => {
    const allowed = l.allowedRouteTables;
    if (!allowed || allowed.length === 0 || allowed.some((a) => admits(a.host, a.selector, table, hosts, vg))) out.push(i);
  });
  return out;
}

function admits(hostRule: string, selector: ObjectSelector | undefined, table: CatalogEntry, hosts: readonly string[], vg: CatalogEntry): boolean {
  const slash = hostRule.indexOf("/");
  const ns = slash < 0 ? "*" : hostRule.slice(0, slash);
  const host = slash < 0 ? hostRule : hostRule.slice(slash + 1);
  if (ns === ".") {
    if (table.ref.namespace !== vg.ref.namespace) return false;
  } else if (ns !== "*" && ns !== table.ref.namespace) return false;
  if (!hosts.some((h) => matchesGlob(host, h))) return false;
  return selectorMatches(selector, table.ref, table.object.metadata.labels, table.owner);
}

function selectorMatches(s: ObjectSelector | undefined, ref: ObjectRef, labels: Labels | undefined, owner: string | null): boolean {
  if (!s) return true;
  if (s.name && s.name !== ref.name) return false;
  if (s.namespace && s.namespace !== ref.namespace) return false;
  if (s.cluster && s.cluster !== ref.cluster) return false;
  if (s.workspace && s.workspace !== owner) return false;
  return matchesLabels(s.labels ?? {}, labels ?? {});
}

/**
 * The gateway Services a VirtualGateway selects among Services its workspace can see, in clusters with a
 * mesh. `workloads` omitted selects every gateway (a Service whose workloads carry the proxy in their pod
 * template); a selector's labels match the Service's selector or its own labels.
 */
function selectGateways(world: World, emit: Emitter, vg: CatalogEntry): GatewayPlacement[] {
  emit.seen(vg.ref);
  const spec = specOf<VirtualGatewaySpec>(vg.object);
  const owner = vg.owner;
  if (owner === null) return [];
  const selectors = spec.workloads;
  const out: GatewayPlacement[] = [];
  for (const [cluster, services] of world.servicesByCluster) {
    if (!world.meshClusters.has(cluster)) continue;
    for (const svc of services) {
      const picked = selectors === undefined ? isGatewayService(svc) : selectors.some((w) => w.kind !== "VM" && gatewayMatches(workloadObjectSelector(w), svc, world));
      if (!picked || !world.ctx.workspaces.isVisible(svc.ref, owner)) continue;
      out.push({
        vg, service: svc, cluster, namespace: svc.ref.namespace,
        name: virtualGatewayOutputName(vg.ref.name, vg.ref.namespace, vg.ref.cluster, svc.ref.name),
        selector: svc.selector, workspace: workspaceOfNamespace(world, cluster, svc.ref.namespace),
      });
    }
  }
  if (out.length === 0) {
    emit.issue("VG_NO_WORKLOADS", "warning", `${describeRef(vg.ref, false)} must select at least one gateway Service its workspace ${owner} can see in a cluster with a mesh; spec.workloads matches none`, [vg.ref], "spec.workloads", "WARNING");
  }
  return out;
}

function isGatewayService(svc: ServiceInfo): boolean {
  return (svc.destination?.workloads.length ?? 0) > 0 && Object.keys(svc.selector).some((k) => k === "istio" || k === "gateway.networking.k8s.io/gateway-name");
}

function gatewayMatches(s: ObjectSelector, svc: ServiceInfo, world: World): boolean {
  if (s.name && s.name !== svc.ref.name) return false;
  if (s.namespace && s.namespace !== svc.ref.namespace) return false;
  if (s.cluster && s.cluster !== svc.ref.cluster) return false;
  if (s.workspace && s.workspace !== world.ctx.workspaces.workspaceOfObject(svc.ref)) return false;
  const labels = s.labels ?? {};
  if (Object.keys(labels).length === 0) return s.name ? true : isGatewayService(svc);
  return matchesLabels(labels, svc.selector) || matchesLabels(labels, svc.labels);
}
