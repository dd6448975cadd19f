import { workloadObjectSelector } from "../model/gloo-common";
import type { RouteTableSpec } from "../model/gloo-networking-routes";
import { matchesLabels } from "../snapshot/labels";
import type { WorkloadView } from "../discovery/types";
import type { ObjectRef } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { ROUTE_TABLE_GK, specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import { compact, sortKeys, stringSet, subsetList } from "./canonical";
import { expandRoutes, type ExpandedRoute } from "./delegation";
import type { Emitter } from "./emit";
import { federatedHostPolicy, type FederationIndex } from "./federation";
import type { GatewayIndex } from "./gateways";
import { buildHttpRoute } from "./http-route";
import { NETWORKING_API, v2Object } from "./metadata";
import { routeTableOutputName, serviceRuleName, subsetName } from "./names";
import { placementFree, type Placement, type SubsetNeed } from "./route-destinations";
import { consumersOf, meshNamespacesOf, ownedEntries, workspaceOfNamespace, type Labels, type World } from "./world";

/**
 * RouteTable → VirtualService (+ client-side DestinationRules for subsets), reference §6.2. A root table
 * bound to VirtualGateways gets one VirtualService per gateway (in the gateway's namespace, matches bound
 * to the gateway's pods by `sourceLabels`); a table for sidecars (no VirtualGateways, or VirtualGateways
 * plus non-empty workloadSelectors) gets one copy per namespace of the workspaces that can use it where a
 * selected mesh workload runs, each with `exportTo: ["."]`. Delegated tables are merged into their roots.
 */
export function translateRouteTables(world: World, emit: Emitter, gateways: GatewayIndex, fed: FederationIndex): void {
  const tables = ownedEntries(world, ROUTE_TABLE_GK);
  for (const table of tables) {
    emit.seen(table.ref);
    if ((specOf<RouteTableSpec>(table.object).hosts ?? []).length > 0) translateRoot(world, emit, gateways, fed, table);
  }
  for (const table of tables) {
    const spec = specOf<RouteTableSpec>(table.object);
    if ((spec.hosts ?? []).length === 0 && !emit.delegated.has(table.key)) {
      emit.status(table.ref, "WARNING", `${describeRef(table.ref, false)} has no hosts and no root RouteTable delegates to it, so it produces no VirtualService`);
    }
    if ((spec.tcp ?? []).length > 0 || (spec.tls ?? []).length > 0) {
      emit.issue("ROUTE_UNSUPPORTED_ACTION", "info", `${describeRef(table.ref, false)} has tcp or tls routes, which Meshpane does not translate yet; only its http routes appear in the preview`, [table.ref], (spec.tcp ?? []).length > 0 ? "spec.tcp" : "spec.tls");
    }
  }
}

interface VsPlacement extends Placement {
  gateways: string[];
  sourceLabels: Labels[];
  /** Identifies `sourceLabels` (routes built for one set serve every placement with that set). */
  labelsKey: string;
  /** Extra parents (the VirtualGateway and gateway Service) and the whole reason of the copy's outputs. */
  parents: ObjectRef[];
  reason: string;
}

/** The routes of a root table built for one set of placements, with what every copy of them adds. */
interface BuiltRoutes {
  http: Record<string, unknown>[];
  parents: ObjectRef[];
  subsets: SubsetNeed[];
  /** The table's ref then `parents`: the parents of every copy whose placement adds none, built once. */
  withTable?: readonly ObjectRef[];
}

/** Lists every sidecar copy shares (outputs may share structure; nobody modifies them). */
const MESH_GATEWAYS = ["mesh"];
const NO_PARENTS: ObjectRef[] = [];
const EXPORT_HERE = ["."];

function translateRoot(world: World, emit: Emitter, gateways: GatewayIndex, fed: FederationIndex, table: CatalogEntry): void {
  const routes = expandRoutes(world, emit, table);
  // Routes differ per cluster only through Service destinations (local or federated host); otherwise the
  // copies in every cluster and namespace share one build.
  const perCluster = routes.some((x) => !placementFree(x));
  // Builds by cluster ("" when routes do not depend on it) and labelsKey: a table has a few, so a list.
  const built: { cluster: string; labelsKey: string; list: BuiltRoutes | "freeze" }[] = [];
  for (const place of placementsOf(world, gateways, table)) {
    const cluster = perCluster ? place.cluster : "";
    let list = built.find((b) => b.cluster === cluster && b.labelsKey === place.labelsKey)?.list;
    if (list === undefined) built.push({ cluster, labelsKey: place.labelsKey, list: (list = buildRoutes(world, emit, fed, routes, place)) });
    if (list === "freeze") return;
    emitVirtualService(world, emit, fed, table, place, list);
  }
}

function buildRoutes(world: World, emit: Emitter, fed: FederationIndex, routes: readonly ExpandedRoute[], place: VsPlacement): BuiltRoutes | "freeze" {
  const out: BuiltRoutes = { http: [], parents: [], subsets: [] };
  for (const x of routes) {
    const r = buildHttpRoute(world, emit, fed, x, place, place.sourceLabels, out);
    if (r === "freeze") return "freeze";
    if (r === "skip") continue;
    // Routes are assembled piecemeal (action, rewrite, policies): sorted once here, shared by every copy.
    out.http.push(sortKeys(r));
  }
  return out;
}

/** Gateway placements (one per Gateway of each bound VirtualGateway), then sidecar placements. */
function placementsOf(world: World, gateways: GatewayIndex, table: CatalogEntry): VsPlacement[] {
  const spec = specOf<RouteTableSpec>(table.object);
  const out: VsPlacement[] = [];
  for (const vg of gateways.tableGateways.get(table.key) ?? []) {
    for (const p of gateways.placements.get(vg.key) ?? []) {
      out.push({
        cluster: p.cluster, namespace: p.namespace, workspace: p.workspace ?? vg.owner ?? "", gateways: [p.name], sourceLabels: [p.selector], labelsKey: JSON.stringify([p.selector]),
        parents: [vg.ref], reason: `RouteTable ${table.ref.namespace}/${table.ref.name} bound to VirtualGateway ${vg.ref.namespace}/${vg.ref.name} on gateway ${p.namespace}/${p.service.ref.name} in ${p.cluster}.`,
      });
    }
  }
  const selectors = spec.workloadSelectors ?? [];
  if ((spec.virtualGateways ?? []).length > 0 && selectors.length === 0) return out;
  const labelSets = selectors.filter((w) => w.kind !== "VM").map((w) => workloadObjectSelector(w).labels ?? {});
  if (selectors.length > 0 && labelSets.length === 0) return out;
  const wanted = labelSets.length > 0 ? labelSets : [{}];
  const labelsKey = JSON.stringify(labelSets);
  const clients = clientIndex(world);
  for (const ws of consumersOf(world, table.ref, table.owner ?? "")) {
    for (const n of meshNamespacesOf(world, ws)) {
      if (!hasClient(clients.get(n.cluster)?.get(n.namespace), wanted)) continue;
      out.push({
        cluster: n.cluster, namespace: n.namespace, workspace: ws, gateways: MESH_GATEWAYS, sourceLabels: labelSets, labelsKey, parents: NO_PARENTS,
        reason: `RouteTable ${table.ref.namespace}/${table.ref.name} for the sidecars of workspace ${ws} in ${n.cluster}/${n.namespace}.`,
      });
    }
  }
  return out;
}

/** The sidecar workloads of one namespace, all of them and by each pod label's key and value. */
interface NamespaceClients {
  all: WorkloadView[];
  byLabel: Map<string, Map<string, WorkloadView[]>>;
}

/** Sidecar workloads by cluster, then namespace. */
type ClientIndex = Map<string, Map<string, NamespaceClients>>;

const clientIndexes = new WeakMap<World, ClientIndex>();

function clientIndex(world: World): ClientIndex {
  let index = clientIndexes.get(world);
  if (index) return index;
  index = new Map();
  for (const workloads of world.workloadsByNs.values()) {
    for (const w of workloads) {
      if (isGatewayProxy(w.podLabels)) continue;
      let byNs = index.get(w.cluster);
      if (!byNs) index.set(w.cluster, (byNs = new Map()));
      let clients = byNs.get(w.namespace);
      if (!clients) byNs.set(w.namespace, (clients = { all: [], byLabel: new Map() }));
      clients.all.push(w);
      for (const k in w.podLabels) {
        let byValue = clients.byLabel.get(k);
        if (!byValue) clients.byLabel.set(k, (byValue = new Map()));
        const v = w.podLabels[k] ?? "";
        const list = byValue.get(v);
        if (list) list.push(w);
        else byValue.set(v, [w]);
      }
    }
  }
  clientIndexes.set(world, index);
  return index;
}

/**
 * True when a sidecar workload of the namespace matches one of the label sets. Candidates are the workloads
 * with the rarest label of the set (from the label index), so the cost does not grow with the namespace.
 */
function hasClient(clients: NamespaceClients | undefined, wanted: readonly Labels[]): boolean {
  if (!clients) return false;
  for (const labels of wanted) {
    const candidates = rarestLabel(clients, labels);
    if (candidates) for (const w of candidates) if (matchesLabels(labels, w.podLabels)) return true;
  }
  return false;
}

/** The workloads with the rarest label of a set (all of them for an empty set); undefined when a label has none. */
function rarestLabel(clients: NamespaceClients, labels: Labels): readonly WorkloadView[] | undefined {
  let candidates = clients.all;
  for (const k in labels) {
    const list = clients.byLabel.get(k)?.get(labels[k] ?? "");
    if (!list) return undefined;
    if (list.length < candidates.length) candidates = list;
  }
  return candidates;
}

/** Istio gateway deployments are not sidecars: VirtualServices bound to `mesh` never apply to them. */
function isGatewayProxy(labels: Labels): boolean {
  return ["ingressgateway", "eastwestgateway", "egressgateway"].includes(labels.istio ?? "");
}

function emitVirtualService(world: World, emit: Emitter, fed: FederationIndex, table: CatalogEntry, place: VsPlacement, routes: BuiltRoutes): void {
  if (routes.http.length === 0) return;
  const spec = specOf<RouteTableSpec>(table.object);
  const name = routeTableOutputName(table.ref.name, table.ref.namespace, table.ref.cluster, place.workspace);
  const meta = { name, namespace: place.namespace, cluster: place.cluster, parent: table.ref, workspace: workspaceOfNamespace(world, place.cluster, place.namespace) };
  // Written in key order; every list is non-empty (root tables have hosts, placements gateways).
  const object = v2Object(NETWORKING_API, "VirtualService", meta, { exportTo: EXPORT_HERE, gateways: place.gateways, hosts: stringSet(spec.hosts ?? []), http: routes.http });
  const annotations = spec.virtualServiceAnnotations;
  if (annotations) object.metadata.annotations = sortKeys({ ...annotations, ...object.metadata.annotations });
  const parents = place.parents.length === 0 ? (routes.withTable ??= [table.ref, ...routes.parents]) : [table.ref, ...place.parents, ...routes.parents];
  emit.output(place.cluster, object, parents, place.reason);
  emitSubsetRules(world, emit, fed, table, place, routes.subsets);
}

/**
 * One client-side DestinationRule per Service host the routes use subsets of, in the VirtualService's
 * namespace. Istio reads the client namespace's rule first, so for a federated host it repeats the
 * federation rule's mTLS settings rather than shadow them.
 */
function emitSubsetRules(world: World, emit: Emitter, fed: FederationIndex, table: CatalogEntry, place: VsPlacement, needs: readonly SubsetNeed[]): void {
  if (needs.length === 0) return;
  const byHost = new Map<string, SubsetNeed[]>();
  for (const n of needs) byHost.set(n.host, [...(byHost.get(n.host) ?? []), n]);
  for (const [host, list] of [...byHost].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const svc = list[0]?.service;
    if (!svc) continue;
    const subsets = new Map<string, Labels>();
    for (const n of list) subsets.set(subsetName(n.labels), n.labels);
    const meta = { name: serviceRuleName(svc.name, svc.namespace, svc.cluster, place.workspace), namespace: place.namespace, cluster: place.cluster, parent: svc, workspace: workspaceOfNamespace(world, place.cluster, place.namespace) };
    const spec = compact({ host, exportTo: ["."], subsets: subsetList(subsets), trafficPolicy: federatedHostPolicy(world, fed, host) });
    emit.output(place.cluster, v2Object(NETWORKING_API, "DestinationRule", meta, spec), [svc, table.ref], `Subsets of ${host} that RouteTable ${table.ref.namespace}/${table.ref.name} routes to, for ${place.cluster}/${place.namespace}.`);
    // Observed for gateway-bound tables (jameshbarton/acme, reference §7 item 5): a copy in the Service's own
    // namespace when the table's workspace owns it.
    const ownNs = workspaceOfNamespace(world, svc.cluster, svc.namespace);
    if (place.gateways[0] !== "mesh" && svc.cluster === place.cluster && svc.namespace !== place.namespace && ownNs !== undefined && ownNs === table.owner) {
      const copy = { ...meta, name: serviceRuleName(svc.name, svc.namespace, svc.cluster, ownNs), namespace: svc.namespace, workspace: ownNs };
      emit.output(svc.cluster, v2Object(NETWORKING_API, "DestinationRule", copy, spec), [svc, table.ref], `Subsets of ${host} that RouteTable ${table.ref.namespace}/${table.ref.name} routes to, in the Service's own namespace.`);
    }
  }
}
