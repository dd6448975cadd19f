import type { EndpointAddress, Endpoints, EndpointSlice, Service } from "../model/core";
import { report, type DiagnosticSink } from "./diagnostics";
import { nsKey, type ClusterIndex } from "./indexes";
import { nodeSubLocality } from "./locality";
import type { EndpointPortView, EndpointView, Labels, WorkloadView } from "./types";

/**
 * A Destination's endpoints (reference §1.5 step 4): the ready addresses of the Service's Endpoints
 * object, each with the pod labels of its backing workload and the zone of its Node.
 *
 * Meshpane's fallback: when there is no Endpoints object (Kubernetes ≥1.33 deprecates it; a manifest
 * directory may carry only slices), the EndpointSlices labelled `kubernetes.io/service-name` are
 * read instead, one subset per slice, keeping endpoints whose `conditions.ready` is not false (an
 * unset condition means ready, as the EndpointSlice API says).
 */
export function discoverEndpoints(index: ClusterIndex, svc: Service, backing: readonly WorkloadView[], sink: DiagnosticSink): EndpointView[] {
  const key = nsKey(svc.metadata.namespace, svc.metadata.name);
  const endpoints = index.endpoints.get(key);
  if (endpoints) return fromEndpoints(index, endpoints, backing);
  const slices = index.endpointSlices.get(key);
  if (slices && slices.length > 0) return fromSlices(index, slices, backing);
  report(sink, "ENDPOINTS_MISSING", "info", index.cluster.name, svc,
    `Service ${svc.metadata.namespace ?? ""}/${svc.metadata.name} has no Endpoints object and no EndpointSlices, so its Destination lists no endpoints`);
  return [];
}

function fromEndpoints(index: ClusterIndex, endpoints: Endpoints, backing: readonly WorkloadView[]): EndpointView[] {
  const out: EndpointView[] = [];
  for (const subset of endpoints.subsets ?? []) {
    const ports = (subset.ports ?? []).map((p) => toPort(p.port, p.name, p.protocol, p.appProtocol));
    // Only `addresses` (ready); `notReadyAddresses` never become endpoints. A subset without ready
    // addresses contributes nothing, which is Gloo's "subsets with no addresses are dropped".
    for (const addr of subset.addresses ?? []) out.push(toEndpoint(index, addr.ip, addr.nodeName, addr.targetRef, ports, backing));
  }
  return out;
}

function fromSlices(index: ClusterIndex, slices: readonly EndpointSlice[], backing: readonly WorkloadView[]): EndpointView[] {
  const out: EndpointView[] = [];
  for (const slice of slices) {
    const ports = (slice.ports ?? []).flatMap((p) => (p.port === undefined ? [] : [toPort(p.port, p.name, p.protocol, p.appProtocol)]));
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions?.ready === false) continue;
      for (const ip of endpoint.addresses) out.push(toEndpoint(index, ip, endpoint.nodeName, endpoint.targetRef, ports, backing));
    }
  }
  return out;
}

/** Port fields as the API server stores them: protocol defaults to TCP, the rest to empty. */
function toPort(port: number, name: string | undefined, protocol: string | undefined, appProtocol: string | undefined): EndpointPortView {
  return { port, name: name ?? "", protocol: protocol ?? "TCP", appProtocol: appProtocol ?? "" };
}

function toEndpoint(
  index: ClusterIndex,
  ip: string,
  nodeName: string | undefined,
  targetRef: EndpointAddress["targetRef"],
  ports: EndpointPortView[],
  backing: readonly WorkloadView[],
): EndpointView {
  return {
    ipAddress: ip,
    labels: labelsOfTarget(targetRef, backing),
    subLocality: nodeName === undefined ? null : nodeSubLocality(index.nodes.get(nodeName)),
    ports: ports.map((p) => ({ ...p })),
  };
}

/**
 * Pod labels of the first backing workload (in Gloo's order) in the target's namespace whose
 * controller name followed by `-` prefixes the target's name. A prefix test, as in Gloo: a workload
 * `reviews` would also claim Pods of `reviews-v2` if it came first.
 */
function labelsOfTarget(targetRef: EndpointAddress["targetRef"], backing: readonly WorkloadView[]): Labels {
  if (!targetRef) return {};
  const name = targetRef.name ?? "";
  const owner = backing.find((w) => targetRef.namespace === w.namespace && name.startsWith(`${w.name}-`));
  return owner ? { ...owner.podLabels } : {};
}
