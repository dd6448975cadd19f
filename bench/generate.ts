import type { KubeObject } from "@/lib/model/meta";

/**
 * Deterministic synthetic workload-cluster objects for benchmarks: `services` apps, each a Namespace-
 * spread Deployment → ReplicaSet → `podsPerService` Pods with sidecars, a Service and Endpoints, plus
 * an istiod with its mesh ConfigMap. Sizes are fixed by the caller so runs compare.
 */
export function generateCluster(cluster: string, services: number, podsPerService: number, namespaces = 20): KubeObject[] {
  const out: KubeObject[] = [node(cluster), ...istiod(cluster)];
  for (let n = 0; n < namespaces; n++) out.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: `ns-${n}`, labels: { "istio-injection": "enabled" } } });
  for (let s = 0; s < services; s++) out.push(...app(cluster, `ns-${s % namespaces}`, `svc-${s}`, s, podsPerService));
  return out;
}

function node(cluster: string): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name: `${cluster}-node-0`, labels: { "topology.kubernetes.io/region": "r1", "topology.kubernetes.io/zone": "z1" } } };
}

function istiod(cluster: string): KubeObject[] {
  const labels = { app: "istiod" };
  return [
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "istiod", namespace: "istio-system", uid: `${cluster}-istiod` }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { serviceAccountName: "istiod", containers: [{ name: "discovery", image: "docker.io/istio/pilot:1.22.3" }] } } } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio", namespace: "istio-system" }, data: { mesh: `trustDomain: ${cluster}\n` } },
  ];
}

function app(cluster: string, ns: string, name: string, i: number, pods: number): KubeObject[] {
  const labels = { app: name, version: `v${(i % 3) + 1}` };
  const dep = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: ns, uid: `${cluster}-d-${i}` }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { serviceAccountName: name, containers: [{ name: "app", image: "example/app:1" }] } } } };
  const rsName = `${name}-6d5f7c9b8`;
  const rs = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: rsName, namespace: ns, uid: `${cluster}-rs-${i}`, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: `${cluster}-d-${i}`, controller: true }] }, spec: { selector: { matchLabels: labels } } };
  const podObjects: KubeObject[] = [];
  const addresses = [];
  for (let p = 0; p < pods; p++) {
    const podName = `${rsName}-${p.toString(36).padStart(5, "x")}`;
    const ip = `10.${(i >> 8) & 255}.${i & 255}.${p + 1}`;
    podObjects.push({ apiVersion: "v1", kind: "Pod", metadata: { name: podName, namespace: ns, uid: `${cluster}-p-${i}-${p}`, labels: { ...labels, "pod-template-hash": "6d5f7c9b8" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rsName, uid: `${cluster}-rs-${i}`, controller: true }] }, spec: { nodeName: `${cluster}-node-0`, containers: [{ name: "app", image: "example/app:1" }, { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.22.3" }] }, status: { phase: "Running", podIP: ip, conditions: [{ type: "Ready", status: "True" }] } });
    addresses.push({ ip, nodeName: `${cluster}-node-0`, targetRef: { kind: "Pod", name: podName, namespace: ns } });
  }
  const svc = { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns, uid: `${cluster}-s-${i}`, labels: { app: name } }, spec: { selector: { app: name }, ports: [{ name: "http", port: 9080, targetPort: 9080, protocol: "TCP" }] } };
  const ep = { apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace: ns }, subsets: [{ addresses, ports: [{ name: "http", port: 9080, protocol: "TCP" }] }] };
  return [dep, rs, ...podObjects, svc, ep];
}
