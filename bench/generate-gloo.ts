import type { KubeObject } from "@/lib/model/meta";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "@/lib/snapshot/snapshot";
import { generateCluster } from "./generate";

/**
 * Deterministic synthetic Gloo configuration for the translation benchmark: `services` Services (half in
 * each of two workload clusters, from generateCluster), one workspace per 100 Services (at least 5), and
 * `config` RouteTables plus policies (half each), VirtualDestinations for one Service in ten (shared by
 * every workspace), federation in workspace 1 and service isolation (with trimming) in workspace 2. Each
 * workspace also exports everything to the next one, which imports it.
 */
export function generateGlooSnapshot(services: number, config: number): Snapshot {
  const perCluster = Math.max(1, Math.floor(services / 2));
  const workspaces = Math.max(5, Math.floor(services / 100));
  const clusters = ["cluster-1", "cluster-2"].map((c) => buildSnapshotCluster(c, false, [...generateCluster(c, perCluster, 1, workspaces), ...eastWest(c)]));
  return buildSnapshot(1, [buildSnapshotCluster("mgmt", true, glooConfig(perCluster, workspaces, config)), ...clusters]);
}

function eastWest(cluster: string): KubeObject[] {
  return [{ apiVersion: "v1", kind: "Service", metadata: { name: "eastwest", namespace: "istio-system", labels: { istio: "eastwestgateway" } }, spec: { type: "LoadBalancer", selector: { istio: "eastwestgateway" }, ports: [{ name: "tls", port: 15443 }] }, status: { loadBalancer: { ingress: [{ ip: cluster === "cluster-1" ? "10.255.0.1" : "10.255.0.2" }] } } }];
}

const ws = (k: number) => `ws-${k}`;

function glooConfig(perCluster: number, workspaces: number, config: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (let k = 0; k < workspaces; k++) {
    out.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: `${ws(k)}-config` } });
    out.push({ apiVersion: "admin.gloo.solo.io/v2", kind: "Workspace", metadata: { name: ws(k), namespace: "gloo-mesh" }, spec: { workloadClusters: [{ name: "mgmt", configEnabled: true, namespaces: [{ name: `${ws(k)}-config` }] }, { name: "cluster-*", configEnabled: false, namespaces: [{ name: `ns-${k}` }] }] } });
    // Federation and service isolation are exercised in one workspace each: they multiply outputs per
    // Service and would otherwise dominate a benchmark about routes, destinations and policies.
    const options = { ...(k === 1 ? { federation: { enabled: true, serviceSelector: [{ namespace: `ns-${k}` }] } } : {}), ...(k === 2 ? { serviceIsolation: { enabled: true, trimProxyConfig: true } } : {}) };
    // A shared catalogue of VirtualDestinations (every workspace exports and imports them all); everything
    // else flows to the next workspace only.
    const shared = { workspaces: [{ name: "*" }], resources: [{ kind: "VIRTUAL_DESTINATION" }] };
    const exportTo = [{ workspaces: [{ name: ws((k + 1) % workspaces) }] }, shared];
    const importFrom = [{ workspaces: [{ name: ws((k + workspaces - 1) % workspaces) }] }, shared];
    out.push({ apiVersion: "admin.gloo.solo.io/v2", kind: "WorkspaceSettings", metadata: { name: ws(k), namespace: `${ws(k)}-config` }, spec: { exportTo, importFrom, options } });
  }
  for (let i = 0; i < perCluster; i += 10) {
    const k = i % workspaces;
    out.push({ apiVersion: "networking.gloo.solo.io/v2", kind: "VirtualDestination", metadata: { name: `vd-${i}`, namespace: `${ws(k)}-config`, labels: { failover: String(i % 20 === 0) } }, spec: { hosts: [`svc-${i}.global`], services: [{ labels: { app: `svc-${i}` } }], ports: [{ number: 9080, protocol: "HTTP" }] } });
  }
  for (let j = 0; j < Math.floor(config / 2); j++) out.push(routeTable(j, perCluster, workspaces));
  for (let j = 0; j < config - Math.floor(config / 2); j++) out.push(policy(j, workspaces));
  return out;
}

/**
 * A sidecar RouteTable of workspace k: a header-matched canary route and a 90/10 split, both to
 * VirtualDestinations (how multi-cluster routes are written: a Service ref is per cluster and would need
 * federation from the other cluster's clients).
 */
function routeTable(j: number, perCluster: number, workspaces: number): KubeObject {
  const i = j % perCluster;
  const k = i % workspaces;
  const vd = (n: number) => ({ kind: "VIRTUAL_DESTINATION", ref: { name: `vd-${n - (n % 10)}`, namespace: `${ws((n - (n % 10)) % workspaces)}-config`, cluster: "mgmt" }, port: { number: 9080 } });
  const ref = vd(i);
  return {
    apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: `rt-${j}`, namespace: `${ws(k)}-config`, labels: { team: ws(k) } },
    spec: {
      hosts: [`rt-${j}.${ws(k)}.internal`],
      workloadSelectors: [{ selector: { labels: { app: `svc-${(i + 1) % perCluster}` } } }],
      http: [
        { name: "canary", labels: { "bench.io/route": `r-${j}` }, matchers: [{ headers: [{ name: "x-canary", value: "1" }] }], forwardTo: { destinations: [ref] } },
        { name: "main", labels: { "bench.io/route": `r-${j}` }, matchers: [{ uri: { prefix: "/" } }], forwardTo: { destinations: [{ ...ref, weight: 90 }, { ...vd((i + 10) % perCluster), weight: 10 }] } },
      ],
    },
  };
}

const POLICIES: [string, string, Record<string, unknown>][] = [
  ["resilience", "RetryTimeoutPolicy", { requestTimeout: "5s", retries: { attempts: 2 } }],
  ["resilience", "FaultInjectionPolicy", { delay: { fixedDelay: "1s", percentage: 1 } }],
  ["security", "CORSPolicy", { allowOrigins: [{ exact: "https://example.com" }] }],
  ["trafficcontrol", "HeaderManipulationPolicy", { appendResponseHeaders: { "x-bench": "1" } }],
  ["resilience", "OutlierDetectionPolicy", { consecutiveErrors: 3 }],
];

function policy(j: number, workspaces: number): KubeObject {
  const [group, kind, config] = POLICIES[j % POLICIES.length] ?? POLICIES[0]!;
  const k = (j >> 1) % workspaces;
  const selector = kind === "OutlierDetectionPolicy" ? { applyToDestinations: [{ kind: "VIRTUAL_DESTINATION", selector: { labels: { failover: "true" } } }] } : { applyToRoutes: [{ route: { labels: { "bench.io/route": `r-${j >> 1}` } } }] };
  return { apiVersion: `${group}.policy.gloo.solo.io/v2`, kind, metadata: { name: `p-${j}`, namespace: `${ws(k)}-config`, creationTimestamp: `2025-01-01T00:00:${String(j % 60).padStart(2, "0")}Z` }, spec: { ...selector, config } };
}
