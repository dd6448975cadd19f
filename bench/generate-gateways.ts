import type { KubeObject } from "@/lib/model/meta";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "@/lib/snapshot/snapshot";

/** How many HTTPRoutes share one hostname in the generated gateway environment. */
export const ROUTES_PER_HOST = 10;

/**
 * Deterministic synthetic Gateway API environment for the gateway benchmarks, in one cluster: a Gloo
 * Gateway GatewayClass, one Gateway (`gw/http`) with an HTTP listener for `*.example.com` on port 80 and
 * one for `api.example.com` on 8080, and `routes` HTTPRoutes in 20 namespaces (all namespaces allowed).
 * Every ten routes share a hostname `host-<h>.example.com`; each route has one rule with two matches (a
 * header-matched and a plain path prefix, so the table exercises precedence) and a 90/10 split over two
 * Services. One route in fifty points at a missing Service (a BackendNotFound row), and one in a hundred
 * adds a RouteOption through an ExtensionRef filter.
 *
 * With `grpcEvery: k`, every k-th route is a GRPCRoute on the same listener instead, and the class is
 * kgateway's (Gloo Gateway 1.x carries no GRPCRoutes): it exercises the HTTPRoute/GRPCRoute hostname conflict
 * (§1.4) on a listener carrying both kinds.
 */
export function generateGatewaySnapshot(routes: number, options: { grpcEvery?: number } = {}): Snapshot {
  const every = options.grpcEvery ?? 0;
  const objects: KubeObject[] = [...gateway(every > 0 ? "kgateway.dev/kgateway" : "solo.io/gloo-gateway"), ...services(routes)];
  for (let i = 0; i < routes; i++) objects.push(every > 0 && i % every === every - 1 ? grpcRoute(i, Math.floor(i / every)) : route(i));
  return buildSnapshot(1, [buildSnapshotCluster("cluster-1", false, objects)]);
}

/** The GRPCRoute share of the mixed benchmark: one route in four. */
export const GRPC_EVERY = 4;

const NAMESPACES = 20;
const ns = (i: number) => `team-${i % NAMESPACES}`;

function gateway(controllerName: string): KubeObject[] {
  const allowAll = { namespaces: { from: "All" } };
  return [
    { apiVersion: "gateway.networking.k8s.io/v1", kind: "GatewayClass", metadata: { name: "gloo-gateway" }, spec: { controllerName } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "gw" } },
    {
      apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "http", namespace: "gw", generation: 1 },
      spec: { gatewayClassName: "gloo-gateway", listeners: [
        { name: "http", port: 80, protocol: "HTTP", hostname: "*.example.com", allowedRoutes: allowAll },
        { name: "api", port: 8080, protocol: "HTTP", hostname: "api.example.com", allowedRoutes: allowAll },
      ] },
    },
  ];
}

/** Two Services per hostname (stable and canary), plus the Namespaces. */
function services(routes: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (let n = 0; n < NAMESPACES; n++) out.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: `team-${n}` } });
  for (let i = 0; i < routes; i++) {
    for (const v of ["stable", "canary"]) {
      out.push({ apiVersion: "v1", kind: "Service", metadata: { name: `svc-${i}-${v}`, namespace: ns(i), labels: { app: `svc-${i}` } }, spec: { selector: { app: `svc-${i}`, track: v }, ports: [{ name: "http", port: 8080 }] } });
    }
  }
  return out;
}

const hostOf = (i: number) => `host-${Math.floor(i / ROUTES_PER_HOST)}.example.com`;
const backendOf = (i: number) => (v: string, weight?: number) => ({ name: i % 50 === 49 && v === "canary" ? `missing-${i}` : `svc-${i}-${v}`, port: 8080, ...(weight !== undefined ? { weight } : {}) });

/** A route of slot i on listener `http` of `gw/http`, created at a second derived from i (ages repeat hourly). */
function routeObject(kind: "HTTPRoute" | "GRPCRoute", name: string, i: number, host: string, rule: Record<string, unknown>): KubeObject {
  const created = `2025-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z`;
  const backend = backendOf(i);
  return {
    apiVersion: "gateway.networking.k8s.io/v1", kind, metadata: { name, namespace: ns(i), generation: 1, creationTimestamp: created },
    spec: { parentRefs: [{ name: "http", namespace: "gw", sectionName: "http" }], hostnames: [host], rules: [{ ...rule, backendRefs: [backend("stable", 90), backend("canary", 10)] }] },
  };
}

function route(i: number): KubeObject {
  const filters = i % 100 === 0 ? [{ type: "ExtensionRef", extensionRef: { group: "gateway.solo.io", kind: "RouteOption", name: `opt-${i}` } }] : [];
  const prefix = { type: "PathPrefix", value: `/r${i % ROUTES_PER_HOST}` };
  return routeObject("HTTPRoute", `route-${i}`, i, hostOf(i), { matches: [{ path: prefix, headers: [{ name: "x-canary", value: "1" }] }, { path: prefix }], filters });
}

/**
 * The k-th GRPCRoute (route slot i): half share the hostname of the HTTPRoutes around it (older and newer ones,
 * so either kind may lose the listener), the other half have a gRPC hostname of their own, and one in fifty
 * of those a wildcard (`*.g<k>.example.com`) that intersects no HTTPRoute.
 */
function grpcRoute(i: number, k: number): KubeObject {
  const host = k % 2 === 0 ? hostOf(i) : k % 50 === 25 ? `*.g${k}.example.com` : `grpc-${k}.example.com`;
  const service = `svc${i}.Api`;
  return routeObject("GRPCRoute", `grpc-${i}`, i, host, { matches: [{ method: { service, method: "Get" }, headers: [{ name: "x-canary", value: "1" }] }, { method: { service } }] });
}
