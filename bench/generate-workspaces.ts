import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import type { KubeObject } from "@/lib/model/meta";

/**
 * A synthetic environment with `count` workspaces for the graph benchmarks: a management cluster with
 * Workspaces and WorkspaceSettings (each team exports to the next two and imports from the previous
 * two), and one workload cluster with a namespace and a Service per team. With `config`, each team also
 * gets that many RouteTables (one route each, to its own Service) and as many RetryTimeoutPolicies
 * selecting those routes by label, for policy attachment. `cluster` names the workload cluster.
 */
export function workspaceEnvironment(count: number, config = 0, cluster = "workload"): { mgmt: KubeObject[]; workload: KubeObject[] } {
  const mgmt: KubeObject[] = [];
  const workload: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const ws = `team-${i}`;
    const neighbours = (d: number[]) => d.map((k) => ({ name: `team-${(i + k + count) % count}` }));
    mgmt.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: `${ws}-config` } });
    mgmt.push({ apiVersion: "admin.gloo.solo.io/v2", kind: "Workspace", metadata: { name: ws, namespace: "gloo-mesh", labels: { team: ws } }, spec: { workloadClusters: [{ name: "mgmt", namespaces: [{ name: `${ws}-config` }] }, { name: cluster, namespaces: [{ name: ws }] }] } });
    mgmt.push({ apiVersion: "admin.gloo.solo.io/v2", kind: "WorkspaceSettings", metadata: { name: ws, namespace: `${ws}-config` }, spec: { exportTo: [{ workspaces: neighbours([1, 2]) }], importFrom: [{ workspaces: neighbours([-1, -2]) }] } });
    workload.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: ws } });
    workload.push({ apiVersion: "v1", kind: "Service", metadata: { name: `svc-${i}`, namespace: ws, labels: { app: `svc-${i}` } }, spec: { selector: { app: `svc-${i}` }, ports: [{ name: "http", port: 8080 }] } });
    for (let r = 0; r < config; r++) mgmt.push(...teamConfig(ws, i, r, cluster));
  }
  return { mgmt, workload };
}

function teamConfig(ws: string, i: number, r: number, cluster: string): KubeObject[] {
  const ns = `${ws}-config`;
  const destination = { ref: { name: `svc-${i}`, namespace: ws, cluster }, port: { number: 8080 } };
  return [
    { apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: `rt-${r}`, namespace: ns }, spec: { hosts: [`rt-${r}.${ws}.internal`], http: [{ name: "main", labels: { route: `r-${r}` }, forwardTo: { destinations: [destination] } }] } },
    { apiVersion: "resilience.policy.gloo.solo.io/v2", kind: "RetryTimeoutPolicy", metadata: { name: `retry-${r}`, namespace: ns, creationTimestamp: "2025-01-01T00:00:00Z" }, spec: { applyToRoutes: [{ route: { labels: { route: `r-${r}` } } }], config: { requestTimeout: "5s" } } },
  ];
}

/** Writes `workspaceEnvironment(count)` as a directory source and returns its meshpane config path. */
export function writeWorkspaceEnvironment(dir: string, count: number): string {
  const { mgmt, workload } = workspaceEnvironment(count);
  fs.mkdirSync(path.join(dir, "mgmt"), { recursive: true });
  fs.mkdirSync(path.join(dir, "workload"), { recursive: true });
  fs.writeFileSync(path.join(dir, "mgmt", "all.yaml"), mgmt.map((o) => stringify(o)).join("---\n"));
  fs.writeFileSync(path.join(dir, "workload", "all.yaml"), workload.map((o) => stringify(o)).join("---\n"));
  const config = path.join(dir, "meshpane.config.yaml");
  fs.writeFileSync(config, `clusters:\n  - name: mgmt\n    management: true\n    source: { directory: mgmt }\n  - name: workload\n    source: { directory: workload }\nauth: { demo: true }\n`);
  return config;
}
