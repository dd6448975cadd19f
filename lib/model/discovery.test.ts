import { describe, expect, it } from "vitest";
import { destinationKind, meshKind, workloadKind } from "./discovery";
import { parseObject } from "./registry";

/** Shapes as Gloo Mesh v1 writes them (reference §1.6, docs examples). */
const mesh = {
  apiVersion: "discovery.mesh.gloo.solo.io/v1",
  kind: "Mesh",
  metadata: { name: "istiod-istio-system-cluster-2", namespace: "gloo-mesh", labels: { "cluster.discovery.mesh.gloo.solo.io": "cluster-2", "owner.discovery.mesh.gloo.solo.io": "gloo-mesh" } },
  spec: {
    istio: {
      installation: { namespace: "istio-system", cluster: "cluster-2", podLabels: { app: "istiod" }, version: "1.10.3", region: "us-east-1" },
      trustDomain: "cluster-2", istiodServiceAccount: "istiod", smartDnsProxyingEnabled: true,
      ingressGateways: [{ name: "istio-ingressgateway", namespace: "istio-system", workloadLabels: { istio: "ingressgateway" }, externalAddress: "172.18.0.3", ip: "172.18.0.3", externalTlsPort: 32000, tlsContainerPort: 15443 }],
    },
    agentInfo: { agentNamespace: "gloo-mesh" },
  },
  status: { observedGeneration: 1, appliedVirtualMesh: { ref: { name: "virtual-mesh", namespace: "gloo-mesh" }, observedGeneration: 1, spec: { mtlsConfig: {} } } },
};

const workload = {
  apiVersion: "discovery.mesh.gloo.solo.io/v1",
  kind: "Workload",
  metadata: { name: "reviews-v1-bookinfo-cluster-1-deployment", namespace: "gloo-mesh" },
  spec: {
    kubernetes: { controller: { name: "reviews-v1", namespace: "bookinfo", clusterName: "cluster-1" }, podLabels: { app: "reviews", version: "v1" }, serviceAccountName: "bookinfo-reviews" },
    mesh: { name: "istiod-istio-system-cluster-1", namespace: "gloo-mesh" },
  },
};

const destination = {
  apiVersion: "discovery.mesh.gloo.solo.io/v1",
  kind: "Destination",
  metadata: { name: "reviews-bookinfo-cluster-1", namespace: "gloo-mesh" },
  spec: {
    kubeService: {
      ref: { name: "reviews", namespace: "bookinfo", clusterName: "cluster-1" },
      workloadSelectorLabels: { app: "reviews" },
      labels: { app: "reviews", service: "reviews" },
      ports: [{ port: 9080, name: "http", protocol: "TCP", targetPortNumber: 9080 }],
      subsets: { version: { values: ["v1", "v2"] } },
      region: "us-east-1",
      endpointSubsets: [{ endpoints: [{ ipAddress: "10.2.0.1", labels: { app: "reviews", version: "v1" }, subLocality: { zone: "us-east-1a" } }], ports: [{ port: 9080, name: "http", protocol: "TCP" }] }],
      serviceType: "CLUSTER_IP",
    },
    mesh: { name: "istiod-istio-system-cluster-1", namespace: "gloo-mesh" },
  },
  status: { observedGeneration: 1, localFqdn: "reviews.bookinfo.svc.cluster.local", appliedTrafficPolicies: [{ ref: { name: "tp", namespace: "bookinfo" }, spec: {} }] },
};

describe("discovery kinds", () => {
  it("parses Mesh, Workload and Destination as Gloo writes them", () => {
    for (const obj of [mesh, workload, destination]) expect(parseObject(obj), obj.kind).toMatchObject({ ok: true, modelled: true });
    expect(meshKind.plural).toBe("meshes");
    expect(workloadKind.namespaced).toBe(true);
  });

  it("rejects a serviceType outside the v1 enum", () => {
    const bad = structuredClone(destination);
    (bad.spec.kubeService as { serviceType: string }).serviceType = "HEADLESS";
    expect(destinationKind.schema.safeParse(bad).success).toBe(false);
  });
});
