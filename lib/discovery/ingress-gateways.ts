import type { Service, ServicePort } from "../model/core";
import type { KubeObject } from "../model/meta";
import { matchesLabels } from "../snapshot/labels";
import { objectsOf, type Snapshot } from "../snapshot/snapshot";
import { report, type DiagnosticSink } from "./diagnostics";
import { podsMatching, sortBySkv2, type ClusterIndex } from "./indexes";
import { gatewayNodeAddress } from "./locality";
import { isRecord } from "./mesh-config";
import type { ExternalAddress, IngressGatewayView, Labels } from "./types";

/**
 * The deprecated `Mesh.spec.istio.ingressGateways` (reference §1.3 step 8): Services in istiod's
 * namespace that select the gateway workload labels and have the TLS port.
 */

/** How ingress gateways are recognised in one cluster. */
export interface GatewayDetector {
  workloadLabels: Labels;
  tlsPortName: string;
}

const DEFAULT_DETECTOR: GatewayDetector = { workloadLabels: { istio: "ingressgateway" }, tlsPortName: "tls" };

/**
 * Per-cluster detectors from `Settings.spec.discovery.istio.ingressGatewayDetectors` on the management
 * cluster: the cluster's own entry, then the `*` entry, field by field, then the defaults
 * (`{istio: ingressgateway}`, port `tls`). Read defensively: Settings is not modelled here.
 */
export function readGatewayDetectors(snapshot: Snapshot): (cluster: string) => GatewayDetector {
  const settings = snapshot.clusters.filter((c) => c.management).flatMap((c) => objectsOf(c, "Settings.settings.mesh.gloo.solo.io"));
  const detectors = detectorMap(settings[0]);
  return (cluster) => {
    const own = detectors[cluster];
    const wildcard = detectors["*"];
    const labels = nonEmptyLabels(own?.gatewayWorkloadLabels) ?? nonEmptyLabels(wildcard?.gatewayWorkloadLabels);
    const port = nonEmptyString(own?.gatewayTlsPortName) ?? nonEmptyString(wildcard?.gatewayTlsPortName);
    return { workloadLabels: labels ?? DEFAULT_DETECTOR.workloadLabels, tlsPortName: port ?? DEFAULT_DETECTOR.tlsPortName };
  };
}

function detectorMap(settings: KubeObject | undefined): Record<string, Record<string, unknown> | undefined> {
  const spec = isRecord(settings?.spec) ? settings.spec : {};
  const discovery = isRecord(spec.discovery) ? spec.discovery : {};
  const istio = isRecord(discovery.istio) ? discovery.istio : {};
  const map = isRecord(istio.ingressGatewayDetectors) ? istio.ingressGatewayDetectors : {};
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, isRecord(v) ? v : undefined]));
}

function nonEmptyLabels(value: unknown): Labels | undefined {
  if (!isRecord(value) || Object.keys(value).length === 0) return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Ingress gateways of the mesh whose istiod runs in `namespace`. A Service matches when the
 * detector's labels are a subset of its selector. Services that match but cannot be described
 * (no TLS port, no address, a named target port, an unsupported type) are skipped with a warning.
 */
export function detectIngressGateways(index: ClusterIndex, namespace: string, detector: GatewayDetector, sink: DiagnosticSink): IngressGatewayView[] {
  const out: IngressGatewayView[] = [];
  for (const svc of sortBySkv2(index.servicesByNamespace.get(namespace) ?? [])) {
    if (!matchesLabels(detector.workloadLabels, svc.spec?.selector ?? {})) continue;
    const result = describeGateway(index, svc, detector);
    if (typeof result === "string") {
      report(sink, "INGRESS_GATEWAY_SKIPPED", "warning", index.cluster.name, svc, `Service ${namespace}/${svc.metadata.name} is not listed as an ingress gateway: ${result}`);
    } else {
      out.push(result);
    }
  }
  return out;
}

/** The gateway entry for one Service, or why there is none. */
function describeGateway(index: ClusterIndex, svc: Service, detector: GatewayDetector): IngressGatewayView | string {
  const tlsPort = (svc.spec?.ports ?? []).find((p) => (p.name ?? "") === detector.tlsPortName);
  if (!tlsPort) return `it has no port named "${detector.tlsPortName}"`;
  const external = externalEndpoint(index, svc, tlsPort, detector);
  if (typeof external === "string") return external;
  if (typeof tlsPort.targetPort === "string" && tlsPort.targetPort !== "") return `its "${detector.tlsPortName}" port has a named targetPort, which must be a number`;
  const target = typeof tlsPort.targetPort === "number" ? tlsPort.targetPort : 0;
  return {
    name: svc.metadata.name,
    namespace: svc.metadata.namespace ?? "",
    workloadLabels: { ...(svc.spec?.selector ?? {}) },
    address: external.address,
    externalTlsPort: external.port,
    tlsContainerPort: target !== 0 ? target : tlsPort.port,
  };
}

/**
 * Where the gateway is reached from outside. NodePort: the Node of the first Pod with the gateway
 * labels (falling back to the first `externalIPs`), on the node port. LoadBalancer: the first ingress
 * IP, else its hostname (falling back to the first `externalIPs`), on the service port.
 */
function externalEndpoint(index: ClusterIndex, svc: Service, tlsPort: ServicePort, detector: GatewayDetector): { address: ExternalAddress; port: number } | string {
  const externalIP = svc.spec?.externalIPs?.[0];
  const type = svc.spec?.type ?? "ClusterIP";
  if (type === "NodePort") {
    const addr = gatewayNodeIp(index, svc.metadata.namespace ?? "", detector.workloadLabels);
    if (typeof addr === "string") return { address: { ip: addr }, port: tlsPort.nodePort ?? 0 };
    if (externalIP !== undefined) return { address: { ip: externalIP }, port: tlsPort.nodePort ?? 0 };
    return addr.error;
  }
  if (type === "LoadBalancer") {
    const ingress = svc.status?.loadBalancer?.ingress?.[0];
    if (ingress === undefined) {
      if (externalIP !== undefined) return { address: { ip: externalIP }, port: tlsPort.port };
      return "no status.loadBalancer.ingress is reported and spec.externalIPs is empty";
    }
    const address: ExternalAddress = ingress.ip ? { ip: ingress.ip } : { dnsName: ingress.hostname ?? "" };
    return { address, port: tlsPort.port };
  }
  return `its type ${type} is not NodePort or LoadBalancer`;
}

function gatewayNodeIp(index: ClusterIndex, namespace: string, labels: Labels): string | { error: string } {
  const pod = podsMatching(index, namespace, labels)[0];
  if (!pod) return { error: `no Pod in ${namespace} has the gateway labels and spec.externalIPs is empty` };
  const node = index.nodes.get(pod.spec.nodeName ?? "");
  if (!node) return { error: `the Node of Pod ${pod.metadata.name} is unknown and spec.externalIPs is empty` };
  return gatewayNodeAddress(node) ?? { error: `Node ${node.metadata.name} reports no external address and spec.externalIPs is empty` };
}
