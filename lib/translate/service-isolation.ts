import type { RouteTableSpec } from "../model/gloo-networking-routes";
import type { VirtualDestinationSpec, ExternalServiceSpec } from "../model/gloo-networking";
import { EXTERNAL_SERVICE_GK, ROUTE_TABLE_GK, SERVICE_GK, VIRTUAL_DESTINATION_GK, specOf } from "../workspaces/kinds";
import type { WorkspaceInfo } from "../workspaces/types";
import { compact, sortKeys } from "./canonical";
import type { Emitter } from "./emit";
import type { FederationIndex } from "./federation";
import { NETWORKING_API, SECURITY_API, v2Object } from "./metadata";
import { isolationName, sidecarName } from "./names";
import { namespacePrincipals } from "./principals";
import { entryAt, meshNamespacesOf, nsKey, serviceAt, type World } from "./world";

/**
 * Service isolation (reference §3 item 6, §6.8): for every Service port of an isolated workspace, a STRICT
 * PeerAuthentication and an ALLOW AuthorizationPolicy `settings-<svc>-<port>-<workspace>` admitting the
 * service accounts of the workspace and of the workspaces importing from it; with `trimProxyConfig`, one
 * Sidecar per mesh workload limiting egress to the hosts the workspace can use.
 */
export function translateServiceIsolation(world: World, emit: Emitter, fed: FederationIndex): void {
  for (const ws of world.ctx.workspaces.workspaces) {
    const iso = ws.settings?.options.serviceIsolation;
    if (!iso?.enabled) continue;
    isolateServices(world, emit, ws);
    if (iso.trimProxyConfig) trimSidecars(world, emit, ws, fed);
  }
}

function isolateServices(world: World, emit: Emitter, ws: WorkspaceInfo): void {
  const own = namespacePrincipals(world, meshNamespacesOf(world, ws.name));
  const importers = world.ctx.workspaces.edges.filter((e) => e.from === ws.name).map((e) => e.to);
  const theirs = namespacePrincipals(world, importers.flatMap((w) => meshNamespacesOf(world, w))).filter((p) => !own.includes(p));
  const from = [own, theirs].filter((list) => list.length > 0).map((principals) => ({ source: { principals } }));
  const parents = ws.settings ? [ws.settings.ref] : [];
  for (const e of world.ctx.workspaces.ownedBy(ws.name)) {
    if (e.gk !== SERVICE_GK) continue;
    const svc = serviceAt(world, e.ref);
    if (!svc?.destination || !world.meshClusters.has(svc.ref.cluster) || Object.keys(svc.selector).length === 0) continue;
    for (const port of svc.ports) {
      const target = String(typeof port.targetPort === "number" ? port.targetPort : port.port);
      const meta = { name: isolationName(svc.ref.name, port.port, ws.name), namespace: svc.ref.namespace, cluster: svc.ref.cluster, parent: svc.ref, workspace: ws.name };
      const why = `Service isolation of workspace ${ws.name} for port ${port.port} of Service ${svc.ref.namespace}/${svc.ref.name} in ${svc.ref.cluster}.`;
      const ap = compact({ selector: { matchLabels: svc.selector }, action: "ALLOW", rules: [compact({ from, to: [{ operation: { ports: [target] } }] })] });
      emit.output(svc.ref.cluster, v2Object(SECURITY_API, "AuthorizationPolicy", meta, ap), [svc.ref, ...parents], why);
      const pa = { portLevelMtls: { [target]: { mode: "STRICT" } }, selector: { matchLabels: svc.selector } };
      emit.output(svc.ref.cluster, v2Object(SECURITY_API, "PeerAuthentication", meta, pa), [svc.ref, ...parents], why);
    }
  }
}

/** Every host the workspace's sidecars may reach: visible Services, VirtualDestinations, ExternalServices, route hosts, federated hosts. */
function egressHosts(world: World, ws: WorkspaceInfo, fed: FederationIndex): string[] {
  const hosts = new Set<string>();
  const visible = world.ctx.workspaces.visibleTo(ws.name);
  for (const v of visible.get(SERVICE_GK) ?? []) {
    const domain = world.meshClusters.get(v.ref.cluster)?.clusterDomain ?? "cluster.local";
    hosts.add(`*/${v.ref.name}.${v.ref.namespace}.svc.${domain}`);
    for (const f of fed.get(v.ref) ?? []) hosts.add(`*/${f.host}`);
  }
  for (const gk of [VIRTUAL_DESTINATION_GK, EXTERNAL_SERVICE_GK, ROUTE_TABLE_GK]) {
    for (const v of visible.get(gk) ?? []) {
      const entry = entryAt(world, v.ref);
      if (!entry) continue;
      for (const h of specOf<VirtualDestinationSpec & ExternalServiceSpec & RouteTableSpec>(entry.object).hosts ?? []) hosts.add(`*/${h}`);
    }
  }
  return [...hosts].sort();
}

function trimSidecars(world: World, emit: Emitter, ws: WorkspaceInfo, fed: FederationIndex): void {
  const hosts = egressHosts(world, ws, fed);
  if (hosts.length === 0) return;
  const parents = ws.settings ? [ws.settings.ref] : [];
  for (const n of meshNamespacesOf(world, ws.name)) {
    for (const w of world.workloadsByNs.get(nsKey(n.cluster, n.namespace)) ?? []) {
      const meta = { name: sidecarName(w.name, w.namespace, w.cluster, ws.name), namespace: w.namespace, cluster: w.cluster, parent: w.controller, workspace: ws.name };
      const spec = { egress: [{ hosts }], workloadSelector: { labels: sortKeys(w.podLabels) } };
      emit.output(w.cluster, v2Object(NETWORKING_API, "Sidecar", meta, spec), [w.controller, ...parents], `trimProxyConfig of workspace ${ws.name} for ${w.kind} ${w.namespace}/${w.name} in ${w.cluster}.`);
    }
  }
}
