import type { ExternalEndpoint, ExternalServicePort, ExternalServiceSpec } from "../model/gloo-networking";
import { matchesLabels } from "../snapshot/labels";
import { EXTERNAL_SERVICE_GK, specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import { canonical, compact } from "./canonical";
import { destinationConfigs, outlierDetection } from "./destination-policies";
import type { Emitter } from "./emit";
import { exportList } from "./federation";
import { NETWORKING_API, v2Object } from "./metadata";
import { externalServiceEntryName, externalServiceRuleName } from "./names";
import { generatedPortName, glooProtocol } from "./protocols";
import { consumersOf, namespacesByCluster, ownedEntries, workspaceOfNamespace, type World } from "./world";

/**
 * ExternalService → ServiceEntry + DestinationRule (reference §6.6): in every mesh cluster where the owner
 * or an importer has namespaces, one MESH_EXTERNAL ServiceEntry (DNS resolution for hosts, NONE for
 * wildcard hosts, STATIC with ExternalEndpoints or addresses) and, per host, a DestinationRule that
 * originates TLS on HTTPS/TLS ports (or where `clientsideTls` is set) and carries outlier detection.
 */
export function translateExternalServices(world: World, emit: Emitter, services: readonly CatalogEntry[]): void {
  const endpoints = ownedEntries(world, "ExternalEndpoint.networking.gloo.solo.io");
  for (const es of services) {
    emit.seen(es.ref);
    if (es.owner !== null) translateOne(world, emit, es, es.owner, endpoints);
  }
}

/** The ExternalServices workspaces own. */
export function ownedExternalServices(world: World): CatalogEntry[] {
  return ownedEntries(world, EXTERNAL_SERVICE_GK);
}

function translateOne(world: World, emit: Emitter, es: CatalogEntry, owner: string, allEndpoints: readonly CatalogEntry[]): void {
  const spec = specOf<ExternalServiceSpec>(es.object);
  const hosts = (spec.hosts ?? []).length > 0 ? spec.hosts ?? [] : [`${es.ref.name}.${es.ref.namespace}.external`];
  const ports = (spec.ports ?? []).map((p) => compact({ name: p.name || generatedPortName(glooProtocol(p.protocol), p.number), number: p.number, protocol: glooProtocol(p.protocol), targetPort: p.targetPort?.number }));
  const endpoints = spec.selector ? allEndpoints.filter((e) => e.owner === owner && matchesLabels(spec.selector, e.object.metadata.labels ?? {})) : [];
  const resolution = (spec.addresses ?? []).length > 0 || endpoints.length > 0 ? "STATIC" : hosts.some((h) => h.startsWith("*")) ? "NONE" : "DNS";
  const { outlier } = destinationConfigs(world, es.ref);
  for (const [cluster, namespaces] of namespacesByCluster(world, consumersOf(world, es.ref, owner))) {
    const home = namespaces.includes(es.ref.namespace) ? es.ref.namespace : (namespaces[0] ?? "");
    const base = { namespace: home, cluster, parent: es.ref, workspace: workspaceOfNamespace(world, cluster, home) };
    const se = compact({
      hosts, addresses: spec.addresses, ports, location: "MESH_EXTERNAL", resolution, exportTo: exportList(namespaces, home),
      endpoints: endpoints.map((e) => endpointOf(e, ports)),
    });
    emit.output(cluster, canonical(v2Object(NETWORKING_API, "ServiceEntry", { ...base, name: externalServiceEntryName(es.ref.name, es.ref.namespace, es.ref.cluster, owner) }, se)), [es.ref, ...endpoints.map((e) => e.ref)], `ExternalService ${es.ref.namespace}/${es.ref.name} for the workspaces that can use it in ${cluster}.`);
    for (const host of spec.hosts ?? []) {
      const portLevelSettings = (spec.ports ?? []).map((p) => portSettings(p, host)).filter((s) => s !== undefined);
      const trafficPolicy = compact({ portLevelSettings, outlierDetection: outlier ? outlierDetection(outlier) : undefined });
      if (Object.keys(trafficPolicy).length === 0) continue;
      const dr = { host, exportTo: exportList(namespaces, home), trafficPolicy };
      emit.output(cluster, canonical(v2Object(NETWORKING_API, "DestinationRule", { ...base, name: externalServiceRuleName(es.ref.name, es.ref.namespace, es.ref.cluster, host, owner) }, dr)), [es.ref], `TLS origination and destination policies for ExternalService ${es.ref.namespace}/${es.ref.name} (${host}) in ${cluster}.`);
    }
  }
}

/** TLS settings of one port: `clientsideTls` when set, SIMPLE with the host as SNI for HTTPS/TLS ports. */
function portSettings(p: ExternalServicePort, host: string): Record<string, unknown> | undefined {
  const proto = (p.protocol ?? "").toUpperCase();
  const tls = p.clientsideTls;
  if (!tls && proto !== "HTTPS" && proto !== "TLS") return undefined;
  const mode = tls?.mode ?? "SIMPLE";
  return {
    port: { number: p.number },
    tls: compact({
      mode,
      sni: mode === "DISABLE" ? undefined : (tls?.sni ?? (host.startsWith("*") ? undefined : host)),
      credentialName: tls?.credentialName, clientCertificate: tls?.clientCertificate, privateKey: tls?.privateKey,
      caCertificates: tls?.caCertificates, insecureSkipVerify: tls?.insecureSkipVerify,
    }),
  };
}

function endpointOf(e: CatalogEntry, ports: readonly Record<string, unknown>[]): Record<string, unknown> {
  const spec = specOf<ExternalEndpoint["spec"]>(e.object);
  const byName = new Map((spec.ports ?? []).map((p) => [p.name ?? "", p.number] as const));
  const map: Record<string, number> = {};
  for (const p of ports) {
    const name = String(p.name);
    const n = byName.get(name) ?? spec.ports?.[0]?.number;
    if (n !== undefined) map[name] = n;
  }
  const loc = spec.locality;
  const locality = loc?.region ? [loc.region, loc.zone, loc.subZone].filter((x) => x).join("/") : undefined;
  return compact({ address: spec.address, ports: map, labels: e.object.metadata.labels, locality });
}
