import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { discover } from "./index";
import { imageVersion, parseImageRef, readMeshConfig } from "./mesh-config";
import { configMap, controller, deployment, istiod, meshConfig, node, pod, service, snapshotOf } from "./testdata/fixtures";

/** Compares with `testdata/<name>.golden.json`; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGolden(name: string, value: unknown): void {
  const file = new URL(`./testdata/${name}.golden.json`, import.meta.url);
  const plain: unknown = JSON.parse(JSON.stringify(value));
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  expect(plain).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

const DNS_MESH = `trustDomain: plain.example
defaultConfig:
  proxyMetadata:
    ISTIO_META_DNS_CAPTURE: "true"
`;

/** One cluster per rule of reference §1.3, so each golden entry shows one behaviour. */
function meshScenario() {
  return snapshotOf({
    // Tag version, trust domain and smart DNS from the mesh config, region from the first Node in skv2
    // order (node-a, deprecated label spelling), cert-agent namespace, a LoadBalancer ingress gateway.
    "c-plain": [
      istiod({ matchLabels: { app: "istiod" } }),
      meshConfig("istio-system", DNS_MESH),
      node("node-b", { labels: { "topology.kubernetes.io/region": "us-east-1" } }),
      node("node-a", { labels: { "failure-domain.beta.kubernetes.io/region": "us-west-2" } }),
      controller("Deployment", "cert-agent", { namespace: "gloo-mesh", templateLabels: { app: "cert-agent" } }),
      service("istio-ingressgateway", {
        namespace: "istio-system", type: "LoadBalancer", selector: { istio: "ingressgateway", app: "istio-ingressgateway" },
        ports: [{ name: "http2", port: 80, targetPort: 8080 }, { name: "tls", port: 15443, targetPort: 15443, nodePort: 31443 }],
        loadBalancerIngress: [{ ip: "34.1.2.3" }, { ip: "34.1.2.4" }],
      }),
    ],
    // Two control planes: the revisioned one reads `istio-1-12` (not `istio`), has an empty trust
    // domain, and sorts first (`istiod-1-12-…` < `istiod-istio-…`), so the other gets a warning.
    "c-revision": [
      istiod({ name: "istiod-1-12", image: "gcr.io/istio-release/pilot:1.12.6", matchLabels: { app: "istiod", "istio.io/rev": "1-12" } }),
      istiod({ image: "gcr.io/istio-release/pilot:1.11.8" }),
      meshConfig("istio-system", "defaultConfig:\n  proxyMetadata: {}\n", "istio-1-12"),
      meshConfig("istio-system", "trustDomain: default-revision.example\n"),
      node("node-1", { labels: { "topology.kubernetes.io/region": "eu-west-1", "failure-domain.beta.kubernetes.io/region": "ignored" } }),
    ],
    // A revisioned istiod whose `istio-1-13` ConfigMap is missing: `istio` does not stand in for it.
    "c-rev-nocm": [istiod({ name: "istiod-1-13", image: "docker.io/istio/pilot:1.13.9" }), meshConfig()],
    // A digest and no tag (behind a registry with a port): the version is the digest.
    "c-digest": [istiod({ image: "localhost:5000/istio/pilot@sha256:3f1d2a" }), meshConfig()],
    // A registry port and no tag or digest: no Mesh, a diagnostic.
    "c-noversion": [istiod({ image: "localhost:5000/istio/pilot" }), meshConfig()],
    // Missing mesh ConfigMap; a ConfigMap without the `mesh` key; a `mesh` key that is not YAML.
    "c-nocm": [istiod()],
    "c-nokey": [istiod(), configMap("istio", "istio-system", { meshNetworks: "networks: {}" })],
    "c-badyaml": [istiod(), meshConfig("istio-system", "trustDomain: [unclosed\n")],
    // Named like istiod without a pilot image (info); a pilot image not named istiod (ignored).
    "c-notpilot": [
      deployment("istiod-helper", { namespace: "istio-system", containers: [{ name: "helper", image: "busybox:1.36" }] }),
      deployment("pilot", { namespace: "istio-system", containers: [{ name: "discovery", image: "docker.io/istio/pilot:1.22.0" }] }),
      meshConfig(),
    ],
    // NodePort gateway on a kind node (InternalIP); gateways skipped for a named target port, no TLS
    // port, a ClusterIP type; a gateway-like Service in another namespace is not considered.
    "c-nodeport": [
      istiod(),
      meshConfig(),
      node("kind-control-plane", { kind: true, addresses: [{ type: "Hostname", address: "kind-control-plane" }, { type: "InternalIP", address: "172.18.0.2" }] }),
      pod("istio-ingressgateway-5c8d-abcde", { namespace: "istio-system", labels: { istio: "ingressgateway" }, nodeName: "kind-control-plane" }),
      service("istio-ingressgateway", { namespace: "istio-system", type: "NodePort", selector: { istio: "ingressgateway" }, ports: [{ name: "tls", port: 15443, targetPort: 8443, nodePort: 32443 }] }),
      service("gw-named-target", { namespace: "istio-system", type: "LoadBalancer", selector: { istio: "ingressgateway" }, ports: [{ name: "tls", port: 443, targetPort: "https" }], externalIPs: ["192.0.2.10"] }),
      service("gw-no-tls", { namespace: "istio-system", type: "LoadBalancer", selector: { istio: "ingressgateway" }, ports: [{ name: "https", port: 443 }] }),
      service("gw-clusterip", { namespace: "istio-system", selector: { istio: "ingressgateway" }, ports: [{ name: "tls", port: 443 }] }),
      service("gw-elsewhere", { namespace: "gateways", type: "LoadBalancer", selector: { istio: "ingressgateway" }, ports: [{ name: "tls", port: 443 }] }),
    ],
  });
}

describe("mesh detection (reference §1.3)", () => {
  it("matches the golden for every rule and edge case", () => {
    const { meshes, diagnostics } = discover(meshScenario());
    expectGolden("meshes", { meshes, diagnostics: diagnostics.filter((d) => d.code.startsWith("MESH_") || d.code === "INGRESS_GATEWAY_SKIPPED") });
  });

  it("takes ingress gateway detectors from Settings: the cluster's entry, then `*`, then defaults", () => {
    const settings = {
      apiVersion: "settings.mesh.gloo.solo.io/v1",
      kind: "Settings",
      metadata: { name: "settings", namespace: "gloo-mesh" },
      spec: { discovery: { istio: { ingressGatewayDetectors: { "c-a": { gatewayTlsPortName: "mtls" }, "*": { gatewayWorkloadLabels: { gw: "east-west" } } } } } },
    };
    const gw = (tlsName: string) =>
      service("eastwest", { namespace: "istio-system", type: "LoadBalancer", selector: { gw: "east-west" }, ports: [{ name: tlsName, port: 15443 }], loadBalancerIngress: [{ hostname: "gw.example.com" }] });
    const snap = snapshotOf({ mgmt: [settings], "c-a": [istiod(), meshConfig(), gw("mtls")], "c-b": [istiod(), meshConfig(), gw("tls")] }, ["mgmt"]);
    const byCluster = Object.fromEntries(discover(snap).meshes.map((m) => [m.cluster, m.ingressGateways]));
    expect(byCluster["c-a"]).toEqual([{ name: "eastwest", namespace: "istio-system", workloadLabels: { gw: "east-west" }, address: { dnsName: "gw.example.com" }, externalTlsPort: 15443, tlsContainerPort: 15443 }]);
    expect(byCluster["c-b"]).toHaveLength(1);
  });
});

describe("image references", () => {
  it.each([
    ["docker.io/istio/pilot:1.22.0", "1.22.0", ""],
    ["istio/pilot", "", ""],
    ["localhost:5000/istio/pilot", "", ""],
    ["localhost:5000/istio/pilot:1.20.1-distroless", "1.20.1-distroless", ""],
    ["gcr.io/istio-release/pilot@sha256:abc", "", "sha256:abc"],
    ["gcr.io/istio-release/pilot:1.9.5@sha256:abc", "1.9.5", "sha256:abc"],
  ])("%s", (image, tag, digest) => {
    expect(parseImageRef(image)).toEqual({ tag, digest });
  });

  it("uses the digest as the version when there is one, as Gloo's detector does", () => {
    expect(imageVersion("gcr.io/istio-release/pilot:1.9.5@sha256:abc")).toBe("sha256:abc");
    expect(imageVersion("istio/pilot")).toBe("");
  });
});

describe("readMeshConfig", () => {
  it("reads an empty document as an empty MeshConfig", () => {
    expect(readMeshConfig("")).toEqual({ ok: true, facts: { trustDomain: "", smartDnsProxyingEnabled: false } });
  });

  it("enables smart DNS only for the string \"true\"", () => {
    const facts = (v: string) => readMeshConfig(`defaultConfig:\n  proxyMetadata:\n    ISTIO_META_DNS_CAPTURE: ${v}\n`);
    expect(facts('"true"')).toMatchObject({ ok: true, facts: { smartDnsProxyingEnabled: true } });
    expect(facts('"false"')).toMatchObject({ ok: true, facts: { smartDnsProxyingEnabled: false } });
  });

  it("rejects YAML that is not a mapping", () => {
    expect(readMeshConfig("- a\n- b\n")).toMatchObject({ ok: false });
  });
});
