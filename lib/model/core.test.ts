import { describe, expect, it } from "vitest";
import { kinds, serviceKind } from "./core";
import { kindByGroupKind, parseObject } from "./registry";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "reviews-v1", namespace: "bookinfo", labels: { app: "reviews" }, ownerReferences: [] },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "reviews", version: "v1" } },
    template: {
      metadata: { labels: { app: "reviews", version: "v1" }, annotations: { "sidecar.istio.io/inject": "true" } },
      spec: { serviceAccountName: "bookinfo-reviews", hostNetwork: false, containers: [{ name: "reviews", image: "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2", imagePullPolicy: "IfNotPresent" }] },
    },
    strategy: { type: "RollingUpdate" },
  },
  status: { replicas: 1, readyReplicas: 1, observedGeneration: 3 },
};

describe("core kinds", () => {
  it("registers every kind discovery reads, under its group-kind key", () => {
    const keys = kinds.map((k) => (k.group === "" ? k.kind : `${k.kind}.${k.group}`)).sort();
    expect(keys).toEqual([
      "ConfigMap", "DaemonSet.apps", "Deployment.apps", "EndpointSlice.discovery.k8s.io", "Endpoints", "Namespace", "Node", "Pod",
      "ReplicaSet.apps", "Service", "ServiceAccount", "StatefulSet.apps",
    ]);
    for (const key of keys) expect(kindByGroupKind(key)).toBeDefined();
  });

  it("accepts a full Deployment and keeps unknown fields", () => {
    const result = parseObject(deployment);
    expect(result).toMatchObject({ ok: true, modelled: true });
    if (result.ok) expect((result.object.spec as { strategy: unknown }).strategy).toEqual({ type: "RollingUpdate" });
  });

  it("rejects a pod template container without a name, with a Kubernetes-style field path", () => {
    const bad = structuredClone(deployment);
    (bad.spec.template.spec.containers[0] as { name?: string }).name = undefined;
    const result = parseObject(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe("spec.template.spec.containers[0].name");
  });

  it("types Service targetPort as a number or a name, and nothing else", () => {
    const svc = (targetPort: unknown) => ({
      apiVersion: "v1", kind: "Service", metadata: { name: "s", namespace: "n" },
      spec: { type: "NodePort", selector: { app: "s" }, externalIPs: ["192.0.2.1"], ports: [{ name: "http", port: 80, targetPort, protocol: "TCP", appProtocol: "http", nodePort: 30080 }] },
      status: { loadBalancer: { ingress: [{ ip: "34.1.2.3" }, { hostname: "lb.example.com" }] } },
    });
    expect(serviceKind.schema.safeParse(svc(8080)).success).toBe(true);
    expect(serviceKind.schema.safeParse(svc("http-web")).success).toBe(true);
    expect(serviceKind.schema.safeParse(svc(true)).success).toBe(false);
  });

  it("accepts Pods, Endpoints and EndpointSlices as the API server returns them", () => {
    const objects = [
      {
        apiVersion: "v1", kind: "Pod",
        metadata: { name: "reviews-v1-7d9f8c-abcde", namespace: "bookinfo", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "reviews-v1-7d9f8c", uid: "u1", controller: true, blockOwnerDeletion: true }] },
        spec: { nodeName: "node-1", containers: [{ name: "reviews", image: "r:1" }, { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.22.0" }] },
        status: { phase: "Running", podIP: "10.2.0.1", podIPs: [{ ip: "10.2.0.1" }], conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2024-01-01T00:00:00Z" }] },
      },
      {
        apiVersion: "v1", kind: "Endpoints", metadata: { name: "reviews", namespace: "bookinfo" },
        subsets: [{ addresses: [{ ip: "10.2.0.1", nodeName: "node-1", targetRef: { kind: "Pod", name: "reviews-v1-7d9f8c-abcde", namespace: "bookinfo", uid: "p1" } }], notReadyAddresses: [{ ip: "10.2.0.2" }], ports: [{ name: "http", port: 9080, protocol: "TCP" }] }],
      },
      {
        apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "reviews-x1", namespace: "bookinfo", labels: { "kubernetes.io/service-name": "reviews" } },
        addressType: "IPv4", endpoints: [{ addresses: ["10.2.0.1"], conditions: { ready: true, serving: true, terminating: false }, nodeName: "node-1", zone: "us-east-1a" }], ports: [{ name: "http", port: 9080, protocol: "TCP" }],
      },
      { apiVersion: "v1", kind: "Node", metadata: { name: "node-1", labels: { "topology.kubernetes.io/zone": "a" } }, status: { addresses: [{ type: "InternalIP", address: "10.0.0.1" }], images: [{ names: ["kindest/kindnetd:v1"], sizeBytes: 1 }] } },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "bookinfo", labels: { "istio-injection": "enabled" } }, status: { phase: "Active" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio", namespace: "istio-system" }, data: { mesh: "trustDomain: cluster.local\n" } },
      { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "bookinfo-reviews", namespace: "bookinfo" } },
    ];
    for (const obj of objects) expect(parseObject(obj), obj.kind).toMatchObject({ ok: true, modelled: true });
  });

  it("rejects an apps kind under the wrong apiVersion", () => {
    expect(parseObject({ ...deployment, apiVersion: "apps/v1beta1" })).toMatchObject({ ok: false });
  });
});
