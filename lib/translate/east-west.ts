import type { EastWestGatewaySelector } from "../model/gloo-admin";
import { matchesLabels } from "../snapshot/labels";
import type { ServiceInfo, World } from "./world";

/**
 * East-west gateways (reference §2.4, §3 item 8; gloo-api-details §3.8): where cross-cluster traffic to a
 * cluster enters. Selected per workspace by `options.eastWestGateways` (default: Services labelled
 * `istio: eastwestgateway`), port `tls` (SNI passthrough) unless the selector names another.
 */

/** One reachable east-west gateway address in a cluster. */
export interface EastWestEndpoint {
  service: ServiceInfo;
  /** IP or hostname clients in other clusters dial. */
  address: string;
  /** The port they dial: the Service port (LoadBalancer) or its node port (NodePort). */
  port: number;
  /** Region of the gateway's cluster (`<region>` locality), empty when unknown. */
  region: string;
}

const DEFAULT_SELECTORS: readonly EastWestGatewaySelector[] = [{ selector: { labels: { istio: "eastwestgateway" } } }];
/** Per world, selector list (by identity: one per workspace's settings) and cluster. */
const cache = new WeakMap<World, Map<readonly EastWestGatewaySelector[], Map<string, EastWestEndpoint[]>>>();

/** The east-west gateway endpoints of `cluster` that a workspace's settings select, in Service order. */
export function eastWestEndpoints(world: World, selectors: readonly EastWestGatewaySelector[] | undefined, cluster: string): EastWestEndpoint[] {
  const list = selectors && selectors.length > 0 ? selectors : DEFAULT_SELECTORS;
  let perWorld = cache.get(world);
  if (!perWorld) cache.set(world, (perWorld = new Map()));
  let perList = perWorld.get(list);
  if (!perList) perWorld.set(list, (perList = new Map()));
  const hit = perList.get(cluster);
  if (hit) return hit;
  const out: EastWestEndpoint[] = [];
  for (const svc of world.servicesByCluster.get(cluster) ?? []) {
    for (const sel of list) {
      const s = sel.selector ?? {};
      if (s.name && s.name !== svc.ref.name) continue;
      if (s.namespace && s.namespace !== svc.ref.namespace) continue;
      if (s.cluster && s.cluster !== cluster) continue;
      if (!matchesLabels(s.labels ?? {}, svc.labels)) continue;
      out.push(...endpointsOf(world, svc, sel));
      break;
    }
  }
  perList.set(cluster, out);
  return out;
}

function endpointsOf(world: World, svc: ServiceInfo, sel: EastWestGatewaySelector): EastWestEndpoint[] {
  const want = sel.port ?? { name: "tls" };
  const port = svc.ports.find((p) => (want.number !== undefined ? p.port === want.number : p.name === want.name));
  if (!port) return [];
  const type = String(((svc.object.spec ?? {}) as { type?: unknown }).type ?? "ClusterIP");
  const dialPort = type === "NodePort" ? port.nodePort : port.port;
  const region = world.meshClusters.get(svc.ref.cluster)?.region ?? svc.destination?.region ?? "";
  const overrides = sel.hostInfoOverrides ?? [];
  if (overrides.length > 0) {
    return overrides.filter((o) => o.addr).map((o) => ({ service: svc, address: o.addr ?? "", port: o.port ?? dialPort, region }));
  }
  return addressesOf(svc).map((address) => ({ service: svc, address, port: dialPort, region }));
}

/** External addresses of a gateway Service: discovery's when known, else the Service's own status. */
function addressesOf(svc: ServiceInfo): string[] {
  const found = (svc.destination?.externalAddresses ?? []).map((a) => ("ip" in a ? a.ip : a.dnsName));
  if (found.length > 0) return found;
  const spec = (svc.object.spec ?? {}) as { externalIPs?: unknown };
  const status = (svc.object.status ?? {}) as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
  const fromStatus = (status.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? "").filter((a) => a !== "");
  const external = Array.isArray(spec.externalIPs) ? spec.externalIPs.filter((a): a is string => typeof a === "string") : [];
  return [...fromStatus, ...external];
}
