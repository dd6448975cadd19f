import type { KubeObject } from "../../model/meta";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../../snapshot/snapshot";

/**
 * A small two-cluster world for validation tests (the same shape as the translator's golden base):
 * workspaces `app` (reviews v1/v2 in cluster-1, v3 in cluster-2, ratings), `client` and `gw` (ingress and
 * east-west gateways) with Gloo config on `mgmt`; `app` exports everything to both. Tests add, replace
 * or remove objects and build a snapshot.
 */

type Labels = Record<string, string>;
export type Item = [cluster: string, object: KubeObject];

const meta = (name: string, namespace?: string, labels?: Labels, extra: Record<string, unknown> = {}) =>
  ({ name, ...(namespace !== undefined ? { namespace } : {}), ...(labels ? { labels } : {}), ...extra });

export const obj = (apiVersion: string, kind: string, name: string, namespace: string | undefined, spec: unknown, labels?: Labels, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion, kind, metadata: meta(name, namespace, labels, (extra.metadata as Record<string, unknown>) ?? {}), ...(spec !== undefined ? { spec } : {}), ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "metadata")) });

export const deploy = (name: string, ns: string, labels: Labels, sa = name, sidecar = true): KubeObject =>
  obj("apps/v1", "Deployment", name, ns, { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { serviceAccountName: sa, containers: [{ name: "app", image: "x:1" }, ...(sidecar ? [{ name: "istio-proxy", image: "proxyv2:1.22" }] : [])] } } });
export const svc = (name: string, ns: string, selector: Labels, ports: Record<string, unknown>[], labels: Labels = { app: name }, extra: Record<string, unknown> = {}): KubeObject =>
  obj("v1", "Service", name, ns, { selector, ports, ...(extra.type ? { type: extra.type } : {}) }, labels, extra.status ? { status: extra.status } : {});
export const port = (n: number, name = "http", target: number | string = n): Record<string, unknown> => ({ name, port: n, targetPort: target, protocol: "TCP" });
export const ns = (name: string, labels?: Labels): KubeObject => obj("v1", "Namespace", name, undefined, undefined, labels);
export const rt = (name: string, namespace: string, spec: Record<string, unknown>, labels?: Labels, created?: string): KubeObject =>
  obj("networking.gloo.solo.io/v2", "RouteTable", name, namespace, spec, labels, created ? { metadata: { creationTimestamp: created } } : {});
export const net = (kind: string, name: string, namespace: string, spec: Record<string, unknown>, labels?: Labels): KubeObject => obj("networking.gloo.solo.io/v2", kind, name, namespace, spec, labels);
export const pol = (group: string, kind: string, name: string, namespace: string, spec: Record<string, unknown>, created?: string): KubeObject =>
  obj(`${group}.policy.gloo.solo.io/v2`, kind, name, namespace, spec, undefined, created ? { metadata: { creationTimestamp: created } } : {});
export const istio = (kind: string, name: string, namespace: string, spec: Record<string, unknown>, labels?: Labels): KubeObject =>
  obj(kind === "AuthorizationPolicy" || kind === "PeerAuthentication" ? "security.istio.io/v1beta1" : "networking.istio.io/v1beta1", kind, name, namespace, spec, labels);
export const dest = (name: string, extra: Record<string, unknown> = {}, cluster = "cluster-1", namespace = "app") => ({ ref: { name, namespace, cluster }, port: { number: 9080 }, ...extra });

function workspace(name: string, namespaces: string[]): KubeObject {
  return obj("admin.gloo.solo.io/v2", "Workspace", name, "gloo-mesh", { workloadClusters: [{ name: "mgmt", configEnabled: true, namespaces: [{ name: `${name}-config` }] }, { name: "cluster-*", configEnabled: false, namespaces: namespaces.map((n) => ({ name: n })) }] });
}

export const settings = (name: string, spec: Record<string, unknown>, namespace = `${name}-config`, created?: string): KubeObject =>
  obj("admin.gloo.solo.io/v2", "WorkspaceSettings", name, namespace, spec, undefined, created ? { metadata: { creationTimestamp: created } } : {});

function meshObjects(cluster: string): KubeObject[] {
  return [
    obj("apps/v1", "Deployment", "istiod", "istio-system", { selector: { matchLabels: { app: "istiod" } }, template: { metadata: { labels: { app: "istiod" } }, spec: { serviceAccountName: "istiod", containers: [{ name: "discovery", image: "docker.io/istio/pilot:1.22.3" }] } } }),
    obj("v1", "ConfigMap", "istio", "istio-system", undefined, undefined, { data: { mesh: `trustDomain: ${cluster}\n` } }),
    ns("app"), ns("istio-gateways"),
    deploy("istio-eastwestgateway", "istio-gateways", { app: "istio-eastwestgateway", istio: "eastwestgateway" }),
    svc("istio-eastwestgateway", "istio-gateways", { app: "istio-eastwestgateway", istio: "eastwestgateway" }, [port(15443, "tls")], { istio: "eastwestgateway" }, { type: "LoadBalancer", status: { loadBalancer: { ingress: [{ ip: cluster === "cluster-1" ? "34.0.0.1" : "35.0.0.2" }] } } }),
    svc("reviews", "app", { app: "reviews" }, [port(9080)]),
  ];
}

/** The base world as (cluster, object) items. */
export function baseWorld(): Item[] {
  const items: Item[] = [];
  const mgmt = (o: KubeObject) => items.push(["mgmt", o]);
  const c1 = (o: KubeObject) => items.push(["cluster-1", o]);
  const c2 = (o: KubeObject) => items.push(["cluster-2", o]);
  for (const c of ["cluster-1", "cluster-2"]) mgmt(obj("admin.gloo.solo.io/v2", "KubernetesCluster", c, "gloo-mesh", {}));
  [workspace("app", ["app"]), workspace("client", ["client"]), workspace("gw", ["istio-gateways"])].forEach(mgmt);
  ["gloo-mesh", "app-config", "client-config", "gw-config", "default"].forEach((n) => mgmt(ns(n)));
  mgmt(settings("app", { exportTo: [{ workspaces: [{ name: "client" }, { name: "gw" }] }] }));
  mgmt(settings("client", { importFrom: [{ workspaces: [{ name: "app" }] }] }));
  mgmt(settings("gw", { importFrom: [{ workspaces: [{ name: "app" }] }] }));
  meshObjects("cluster-1").forEach(c1);
  meshObjects("cluster-2").forEach(c2);
  [deploy("reviews-v1", "app", { app: "reviews", version: "v1" }, "reviews"), deploy("reviews-v2", "app", { app: "reviews", version: "v2" }, "reviews"),
    deploy("ratings-v1", "app", { app: "ratings", version: "v1" }, "ratings"), svc("ratings", "app", { app: "ratings" }, [port(9080)]),
    ns("client"), deploy("client", "client", { app: "client" }), obj("v1", "ServiceAccount", "client", "client", undefined),
    deploy("istio-ingressgateway", "istio-gateways", { app: "istio-ingressgateway", istio: "ingressgateway" }),
    svc("istio-ingressgateway", "istio-gateways", { app: "istio-ingressgateway", istio: "ingressgateway" }, [port(80, "http2", 8080)], { istio: "ingressgateway" })].forEach(c1);
  c2(deploy("reviews-v3", "app", { app: "reviews", version: "v3" }, "reviews"));
  return items;
}

/** A snapshot of items; clusters holding Workspaces are management clusters. */
export function snapshotOf(items: readonly Item[]): Snapshot {
  const by = new Map<string, KubeObject[]>();
  for (const [c, o] of items) by.set(c, [...(by.get(c) ?? []), o]);
  return buildSnapshot(1, [...by].map(([name, objects]) => buildSnapshotCluster(name, name === "mgmt", objects)));
}

/** Items without the objects `drop` picks. */
export function without(items: readonly Item[], drop: (cluster: string, o: KubeObject) => boolean): Item[] {
  return items.filter(([c, o]) => !drop(c, o));
}

/** Items with the object of the same cluster, kind, namespace and name replaced. */
export function replace(items: readonly Item[], cluster: string, o: KubeObject): Item[] {
  return [...without(items, (c, x) => c === cluster && x.kind === o.kind && x.metadata.name === o.metadata.name && x.metadata.namespace === o.metadata.namespace), [cluster, o]];
}
