import type { DestinationView, MeshView } from "../discovery/types";
import type { V1Federation, V1VirtualMeshSpec } from "../model/gloo-v1";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import { canonical, compact } from "./canonical";
import type { Emitter } from "./emit";
import { NETWORKING_API, SECURITY_API } from "./metadata";
import { sanitizeNameV2, virtualIp } from "./names";
import { serviceEntryProtocol } from "./protocols";
import { GLOO_MESH_NAMESPACE, VIRTUAL_MESH_GVK, destinationService, matchesV1Destination, v1Meta, v1Objects, type V1Entry } from "./v1-common";
import type { World } from "./world";

/**
 * Gloo Mesh v1 VirtualMesh (reference §4.4–4.5, [CODE]): a Mesh may be in one VirtualMesh only; with two
 * or more meshes, one AUTO_PASSTHROUGH Gateway per east-west gateway and ServiceEntries for every federated
 * Destination (remote copies through the gateways, a local copy with the pod endpoints); with
 * `globalAccessPolicy: ENABLED`, a deny-all policy per mesh plus allow-all for its gateways. Shared-trust
 * mTLS produces certificates, not Istio objects, and v1 never writes a PeerAuthentication.
 */

interface EwGateway {
  destination: DestinationView;
  port: number;
  addresses: string[];
}

/** Translates every VirtualMesh on the management clusters. */
export function translateV1VirtualMeshes(world: World, emit: Emitter): void {
  const meshes = new Map(world.ctx.discovery.meshes.map((m) => [m.discoveredName, m] as const));
  const taken = new Map<string, V1Entry>();
  for (const vm of v1Objects(world, "VirtualMesh")) {
    emit.seen(vm.ref);
    const spec = specOf<V1VirtualMeshSpec>(vm.object);
    const members: MeshView[] = [];
    (spec.meshes ?? []).forEach((ref, i) => {
      const mesh = meshes.get(ref.name);
      const owner = taken.get(ref.name);
      if (!mesh) emit.issue("V1_DESTINATION_NOT_FOUND", "error", `${describeRef(vm.ref, false)} must list discovered meshes; Mesh ${ref.name}.${ref.namespace ?? GLOO_MESH_NAMESPACE} not found`, [vm.ref], `spec.meshes[${i}]`, "INVALID");
      else if (owner) emit.issue("V1_MESH_IN_TWO_VIRTUAL_MESHES", "error", `Includes a Mesh (${ref.name}.${ref.namespace ?? GLOO_MESH_NAMESPACE}) that already is grouped in a VirtualMesh (${owner.ref.name}.${owner.ref.namespace})`, [vm.ref, owner.ref], `spec.meshes[${i}]`, "INVALID");
      else {
        taken.set(ref.name, vm);
        members.push(mesh);
      }
    });
    const gateways = new Map(members.map((m) => [m.discoveredName, eastWestGateways(world, spec.federation, m)] as const));
    if (spec.globalAccessPolicy === "ENABLED") globalAccess(world, emit, vm, members, gateways);
    if (members.length >= 2) federate(world, emit, vm, spec.federation ?? {}, members, gateways);
  }
}

/** East-west gateways of a mesh: VirtualMesh selectors, else the deprecated Mesh ingress gateways, else the first `istio: ingressgateway` Destination. */
function eastWestGateways(world: World, fed: V1Federation | undefined, mesh: MeshView): EwGateway[] {
  const inCluster = world.ctx.discovery.destinations.filter((d) => d.cluster === mesh.cluster);
  const selectors = fed?.eastWestIngressGatewaySelectors ?? fed?.ingressGatewaySelectors ?? [];
  let picked: { d: DestinationView; portName: string }[] = [];
  if (selectors.length > 0) {
    picked = inCluster.flatMap((d) => selectors.filter((s) => (s.destinationSelectors ?? []).some((ds) => matchesV1Destination(ds, d))).slice(0, 1).map((s) => ({ d, portName: s.portName || "tls" })));
  } else if (mesh.ingressGateways.length > 0) {
    picked = mesh.ingressGateways.flatMap((g) => inCluster.filter((d) => d.name === g.name && d.namespace === g.namespace).map((d) => ({ d, portName: "tls" })));
  } else {
    const first = inCluster.find((d) => d.workloadSelectorLabels.istio === "ingressgateway");
    if (first) picked = [{ d: first, portName: "tls" }];
  }
  const out: EwGateway[] = [];
  for (const { d, portName } of picked) {
    const port = d.ports.find((p) => p.name === portName);
    if (!port) continue;
    const external = d.serviceType === "NODE_PORT" ? port.nodePort : port.port;
    out.push({ destination: d, port: external, addresses: d.externalAddresses.map((a) => ("ip" in a ? a.ip : a.dnsName)) });
  }
  return out;
}

function gatewayName(g: EwGateway): string {
  return sanitizeNameV2(`${g.destination.discoveredName}-${GLOO_MESH_NAMESPACE}`);
}

function federate(world: World, emit: Emitter, vm: V1Entry, fed: V1Federation, members: readonly MeshView[], gateways: ReadonlyMap<string, EwGateway[]>): void {
  const suffix = fed.hostnameSuffix || "global";
  for (const mesh of members) {
    const list = gateways.get(mesh.discoveredName) ?? [];
    if (list.length === 0) {
      emit.issue("V1_NO_EAST_WEST_GATEWAY", "error", `${describeRef(vm.ref, false)} needs an east-west ingress gateway with a port named tls for Mesh ${mesh.discoveredName}; none is found, so its Destinations are not federated`, [vm.ref], "spec.federation", "INVALID");
    }
    for (const g of list) {
      const object = { apiVersion: NETWORKING_API, kind: "Gateway", metadata: v1Meta(world, gatewayName(g), mesh.installation.namespace, VIRTUAL_MESH_GVK, [vm.ref]), spec: { selector: g.destination.workloadSelectorLabels, servers: [{ port: { number: g.port, protocol: "TLS", name: "tls" }, hosts: [`*.${suffix}`], tls: { mode: "AUTO_PASSTHROUGH" } }] } };
      emit.output(mesh.cluster, canonical(object), [vm.ref, destinationService(g.destination)], `East-west gateway of Mesh ${mesh.discoveredName} for VirtualMesh ${vm.ref.namespace}/${vm.ref.name}.`);
    }
  }
  for (const d of world.ctx.discovery.destinations) {
    const own = members.find((m) => m.cluster === d.cluster);
    if (!own) continue;
    const targets = federatedTo(fed, d, members).filter((m) => m.discoveredName !== own.discoveredName);
    if (targets.length === 0) continue;
    const host = `${d.name}.${d.namespace}.svc.${d.cluster}.${suffix}`;
    const ports = d.ports.map((p) => ({ number: p.port, name: p.name || serviceEntryProtocol(p).toLowerCase(), protocol: serviceEntryProtocol(p) }));
    const base = { hosts: [host], addresses: [virtualIp(d.name, d.namespace, d.cluster, "kube-service")], location: "MESH_INTERNAL", ports };
    const remote = (gateways.get(own.discoveredName) ?? []).flatMap((g) => g.addresses.flatMap((address) => (d.endpoints.length > 0 ? d.endpoints : [{ labels: {} }]).map((e) => compact({ address, ports: Object.fromEntries(ports.map((p) => [p.name, g.port])), labels: e.labels }))));
    if (remote.length === 0) continue;
    const resolution = remote.some((e) => /[a-z]/i.test(String(e.address)) && !String(e.address).includes(":")) ? "DNS" : "STATIC";
    for (const m of targets) {
      emit.output(m.cluster, canonical({ apiVersion: NETWORKING_API, kind: "ServiceEntry", metadata: v1Meta(world, host, m.installation.namespace, VIRTUAL_MESH_GVK, [vm.ref]), spec: { ...base, endpoints: remote, resolution } }), [vm.ref, destinationService(d)], `Destination ${d.discoveredName} federated to Mesh ${m.discoveredName} by VirtualMesh ${vm.ref.name}.`);
    }
    const local = d.endpoints.map((e) => compact({ address: e.ipAddress, ports: Object.fromEntries(ports.map((p) => [p.name, e.ports.find((ep) => ep.name === p.name)?.port ?? p.number])), labels: e.labels }));
    emit.output(d.cluster, canonical({ apiVersion: NETWORKING_API, kind: "ServiceEntry", metadata: v1Meta(world, host, own.installation.namespace, VIRTUAL_MESH_GVK, [vm.ref]), spec: compact({ ...base, exportTo: ["."], endpoints: local, resolution: "STATIC" }) }), [vm.ref, destinationService(d)], `Local copy of federated Destination ${d.discoveredName} for VirtualMesh ${vm.ref.name}.`);
  }
}

/** Meshes a Destination is federated to (§4.5): permissive ⇒ all; else the union of matching selectors (no meshes ⇒ all). */
function federatedTo(fed: V1Federation, d: DestinationView, members: readonly MeshView[]): MeshView[] {
  const selectors = fed.selectors ?? [];
  if (selectors.length === 0) return fed.permissive ? [...members] : [];
  const out = new Map<string, MeshView>();
  for (const s of selectors) {
    const dsel = s.destinationSelectors ?? [];
    if (dsel.length > 0 && !dsel.some((x) => matchesV1Destination(x, d))) continue;
    const names = (s.meshes ?? []).map((m) => m.name);
    if (names.length === 0) return [...members];
    for (const m of members) if (names.includes(m.discoveredName)) out.set(m.discoveredName, m);
  }
  return [...out.values()];
}

function globalAccess(world: World, emit: Emitter, vm: V1Entry, members: readonly MeshView[], gateways: ReadonlyMap<string, EwGateway[]>): void {
  for (const mesh of members) {
    const ns = mesh.installation.namespace;
    emit.output(mesh.cluster, canonical({ apiVersion: SECURITY_API, kind: "AuthorizationPolicy", metadata: v1Meta(world, "global-access-control", ns, VIRTUAL_MESH_GVK, [vm.ref]), spec: {} }), [vm.ref], `globalAccessPolicy ENABLED on VirtualMesh ${vm.ref.name}: deny all in Mesh ${mesh.discoveredName} unless an AccessPolicy allows it.`);
    for (const g of gateways.get(mesh.discoveredName) ?? []) {
      const name = `allow-ingress-gateway-${gatewayName(g)}`;
      emit.output(mesh.cluster, canonical({ apiVersion: SECURITY_API, kind: "AuthorizationPolicy", metadata: v1Meta(world, name.length < 63 ? name : sanitizeNameV2(name), g.destination.namespace, VIRTUAL_MESH_GVK, [vm.ref]), spec: { selector: { matchLabels: g.destination.workloadSelectorLabels }, action: "ALLOW", rules: [{}] } }), [vm.ref, destinationService(g.destination)], `globalAccessPolicy ENABLED: the east-west gateway of Mesh ${mesh.discoveredName} accepts all traffic.`);
    }
  }
}
