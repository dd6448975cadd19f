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
 */
export function generateGatewaySnapshot(routes: number): Snapshot {
  const objects: KubeObject[] = [...gateway(), ...services(routes)];
  for (let i = 0; i < routes; i++) objects.push(route(i));
  return buildSnapshot(1, [buildSnapshotCluster("cluster-1", false, objects)]);
}

const NAMESPACES = 20;
const ns = (i: number) => `team-${i % NAMESPACES}`;

function gateway(): KubeObject[] {
  const allowAll = { namespaces: { from: "All" } };
  return [
    { apiVersion: "gateway.networking.k8s.io/v1", kind: "GatewayClass", metadata: { name: "gloo-gateway" }, spec: { controllerName: "solo.io/gloo-gateway" } },
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

function route(i: number): KubeObject {
  const host = `host-${Math.floor(i / ROUTES_PER_HOST)}.example.com`;
  const backend = (v: string, weight?: number) => ({ name: i % 50 === 49 && v === "canary" ? `missing-${i}` : `svc-${i}-${v}`, port: 8080, ...(weight !== undefined ? { weight } : {}) });
  const filters = i % 100 === 0 ? [{ type: "ExtensionRef", extensionRef: { group: "gateway.solo.io", kind: "RouteOption", name: `opt-${i}` } }] : [];
  return {
    apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: `route-${i}`, namespace: ns(i), generation: 1, creationTimestamp: `2025-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z` },
    spec: {
      parentRefs: [{ name: "http", namespace: "gw", sectionName: "http" }],
      hostnames: [host],
      rules: [
        { matches: [{ path: { type: "PathPrefix", value: `/r${i % ROUTES_PER_HOST}` }, headers: [{ name: "x-canary", value: "1" }] }, { path: { type: "PathPrefix", value: `/r${i % ROUTES_PER_HOST}` } }], backendRefs: [backend("stable", 90), backend("canary", 10)], filters },
      ],
    },
  };
}
