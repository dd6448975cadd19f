import type { KubeObject } from "../model/meta";
import type { GatewayClass, Gateway, HTTPRoute, GRPCRoute, ReferenceGrant } from "../model/gateway-api";
import type { ServiceEntry } from "../model/istio-networking";
import type { SnapshotCluster } from "../snapshot/snapshot";

/**
 * One cluster's objects as the gateway analysis needs them: maps keyed by `namespace/name`, built once per
 * cluster so that no computation scans a kind per lookup. Kinds are read by group-kind key; the generation
 * of an extension kind is told by its API group (never by product name).
 */
export const GK = {
  gatewayClass: "GatewayClass.gateway.networking.k8s.io",
  gateway: "Gateway.gateway.networking.k8s.io",
  httpRoute: "HTTPRoute.gateway.networking.k8s.io",
  grpcRoute: "GRPCRoute.gateway.networking.k8s.io",
  referenceGrant: "ReferenceGrant.gateway.networking.k8s.io",
  service: "Service",
  namespace: "Namespace",
  secret: "Secret",
  serviceEntry: "ServiceEntry.networking.istio.io",
  routeOption: "RouteOption.gateway.solo.io",
  virtualHostOption: "VirtualHostOption.gateway.solo.io",
  listenerOption: "ListenerOption.gateway.solo.io",
  httpListenerOption: "HttpListenerOption.gateway.solo.io",
  glooDirectResponse: "DirectResponse.gateway.gloo.solo.io",
  authConfig: "AuthConfig.enterprise.gloo.solo.io",
  rateLimitConfig: "RateLimitConfig.ratelimit.solo.io",
  upstream: "Upstream.gloo.solo.io",
  upstreamGroup: "UpstreamGroup.gloo.solo.io",
  settings: "Settings.gloo.solo.io",
  edgeGateway: "Gateway.gateway.solo.io",
  virtualService: "VirtualService.gateway.solo.io",
  edgeRouteTable: "RouteTable.gateway.solo.io",
  trafficPolicy: "TrafficPolicy.gateway.kgateway.dev",
  httpListenerPolicy: "HTTPListenerPolicy.gateway.kgateway.dev",
  listenerPolicy: "ListenerPolicy.gateway.kgateway.dev",
  backendConfigPolicy: "BackendConfigPolicy.gateway.kgateway.dev",
  kgBackend: "Backend.gateway.kgateway.dev",
  kgDirectResponse: "DirectResponse.gateway.kgateway.dev",
  gatewayExtension: "GatewayExtension.gateway.kgateway.dev",
  kgParameters: "GatewayParameters.gateway.kgateway.dev",
  glooParameters: "GatewayParameters.gateway.gloo.solo.io",
  virtualDestination: "VirtualDestination.networking.gloo.solo.io",
  deployment: "Deployment.apps",
} as const;

/** A group-kind key (`Kind.group`, core kinds bare); the GK constants name the ones the analysis reads. */
export type GroupKindKey = string;

/** `namespace/name` of an object (cluster-scoped: `/name`). */
export function nsKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}

/** A Service port as the backend checks need it. */
export interface ServicePortInfo {
  port: number;
  name?: string;
  appProtocol?: string;
}

/** Lookups over one cluster's objects (by group-kind and namespace/name), built once per snapshot. */
export interface ClusterIndex {
  cluster: string;
  /** Objects of every kind the analysis reads, by group-kind, in namespace/name order. */
  list<T extends KubeObject = KubeObject>(gk: GroupKindKey): readonly T[];
  /** One object by group-kind and `namespace/name`. */
  get<T extends KubeObject = KubeObject>(gk: GroupKindKey, namespace: string, name: string): T | undefined;
  /** Whether the snapshot carries the kind at all (Secrets are often not read; then cert refs are unknown). */
  has(gk: GroupKindKey): boolean;
  classes: ReadonlyMap<string, GatewayClass>;
  gateways: readonly Gateway[];
  httpRoutes: readonly HTTPRoute[];
  grpcRoutes: readonly GRPCRoute[];
  /** Namespace labels (with the automatic `kubernetes.io/metadata.name`), for every namespace seen. */
  namespaceLabels(namespace: string): Readonly<Record<string, string>>;
  /** Every namespace name known in the cluster (Namespace objects plus namespaces objects live in). */
  namespaces: readonly string[];
  grantsIn(namespace: string): readonly ReferenceGrant[];
  servicePorts(namespace: string, name: string): readonly ServicePortInfo[] | undefined;
  /** ServiceEntries listing a host, oldest first. */
  serviceEntriesFor(host: string): readonly ServiceEntry[];
}

function byNsName(objects: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((o) => [nsKey(o), o] as const));
}

function servicePortsOf(svc: KubeObject): ServicePortInfo[] {
  const ports = (svc as { spec?: { ports?: { port?: unknown; name?: unknown; appProtocol?: unknown }[] } }).spec?.ports ?? [];
  return ports
    .filter((p) => typeof p.port === "number")
    .map((p) => ({ port: p.port as number, ...(typeof p.name === "string" ? { name: p.name } : {}), ...(typeof p.appProtocol === "string" ? { appProtocol: p.appProtocol } : {}) }));
}

/** Creation order: older first, then namespace/name (the tie-break every controller uses). */
export function compareAge(a: KubeObject, b: KubeObject): number {
  const at = a.metadata.creationTimestamp ?? "";
  const bt = b.metadata.creationTimestamp ?? "";
  if (at !== bt) return at < bt ? -1 : 1;
  const ak = nsKey(a);
  const bk = nsKey(b);
  return ak < bk ? -1 : ak > bk ? 1 : 0;
}

function indexServiceEntries(entries: readonly ServiceEntry[]): Map<string, ServiceEntry[]> {
  const out = new Map<string, ServiceEntry[]>();
  for (const se of [...entries].sort(compareAge)) {
    for (const host of se.spec.hosts) {
      const list = out.get(host);
      if (list) list.push(se);
      else out.set(host, [se]);
    }
  }
  return out;
}

/** Sorted by `namespace/name`, each key built once (a comparator building keys would build n log n of them). */
function sortByNsName(objects: readonly KubeObject[]): KubeObject[] {
  const keyed = objects.map((o) => ({ o, k: nsKey(o) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.o);
}

/**
 * Builds the index of one snapshot cluster. Lists are re-sorted by namespace/name here so that nothing
 * downstream depends on the order objects were read in.
 */
export function buildClusterIndex(cluster: SnapshotCluster): ClusterIndex {
  const sorted = new Map<string, readonly KubeObject[]>();
  const objectsOf = <T extends KubeObject>(c: SnapshotCluster, gk: string): readonly T[] => {
    let list = sorted.get(gk);
    if (!list) sorted.set(gk, (list = sortByNsName(c.byKind.get(gk) ?? [])));
    return list as readonly T[];
  };
  const maps = new Map<string, Map<string, KubeObject>>();
  const mapOf = (gk: GroupKindKey) => {
    let m = maps.get(gk);
    if (!m) maps.set(gk, (m = byNsName(objectsOf(cluster, gk))));
    return m;
  };
  const grants = new Map<string, ReferenceGrant[]>();
  for (const g of objectsOf<ReferenceGrant>(cluster, GK.referenceGrant)) {
    const ns = g.metadata.namespace ?? "";
    grants.set(ns, [...(grants.get(ns) ?? []), g]);
  }
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of objectsOf(cluster, GK.namespace)) nsLabels.set(ns.metadata.name, ns.metadata.labels ?? {});
  const namespaces = new Set(nsLabels.keys());
  for (const list of cluster.byKind.values()) for (const o of list) if (o.metadata.namespace) namespaces.add(o.metadata.namespace);
  const seByHost = indexServiceEntries(objectsOf<ServiceEntry>(cluster, GK.serviceEntry));
  const portsCache = new Map<string, ServicePortInfo[]>();
  return {
    cluster: cluster.name,
    list: <T extends KubeObject>(gk: GroupKindKey) => objectsOf<T>(cluster, gk),
    get: <T extends KubeObject>(gk: GroupKindKey, namespace: string, name: string) => mapOf(gk).get(`${namespace}/${name}`) as T | undefined,
    has: (gk) => cluster.byKind.has(gk),
    classes: new Map(objectsOf<GatewayClass>(cluster, GK.gatewayClass).map((c) => [c.metadata.name, c] as const)),
    gateways: objectsOf<Gateway>(cluster, GK.gateway),
    httpRoutes: objectsOf<HTTPRoute>(cluster, GK.httpRoute),
    grpcRoutes: objectsOf<GRPCRoute>(cluster, GK.grpcRoute),
    namespaceLabels: (namespace) => ({ ...(nsLabels.get(namespace) ?? {}), "kubernetes.io/metadata.name": namespace }),
    namespaces: [...namespaces].sort(),
    grantsIn: (namespace) => grants.get(namespace) ?? [],
    servicePorts: (namespace, name) => {
      const key = `${namespace}/${name}`;
      const cached = portsCache.get(key);
      if (cached) return cached;
      const svc = mapOf(GK.service).get(key);
      if (!svc) return undefined;
      const ports = servicePortsOf(svc);
      portsCache.set(key, ports);
      return ports;
    },
    serviceEntriesFor: (host) => seByHost.get(host) ?? [],
  };
}
