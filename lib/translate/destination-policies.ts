import type { FailoverConfig, OutlierDetectionConfig } from "../model/gloo-policy";
import type { ObjectRef } from "../snapshot/ref";
import { compact, sortKeys, stringSet } from "./canonical";
import { entryAt, type World } from "./world";

/**
 * Destination policies → DestinationRule traffic policy (reference §6.4, gloo-api-details §4.5.3):
 * FailoverPolicy → `loadBalancer.localityLbSetting`, OutlierDetectionPolicy → `outlierDetection`, both per
 * port next to the ISTIO_MUTUAL TLS settings of a VirtualDestination.
 */

const FAILOVER = "FailoverPolicy.resilience.policy.gloo.solo.io";
const OUTLIER = "OutlierDetectionPolicy.resilience.policy.gloo.solo.io";

type Rec = Record<string, unknown>;

/** The policy configs in effect on a destination, by kind (the oldest wins for one-per-target kinds). */
export function destinationConfigs(world: World, ref: ObjectRef): { failover?: FailoverConfig; outlier?: OutlierDetectionConfig } {
  const out: { failover?: FailoverConfig; outlier?: OutlierDetectionConfig } = {};
  for (const p of world.ctx.attachment.onDestination(ref)) {
    if (!p.effective) continue;
    const config = (entryAt(world, p.policy)?.object.spec as { config?: unknown } | undefined)?.config;
    if (config === undefined || config === null || typeof config !== "object") continue;
    if (p.gk === FAILOVER && !out.failover) out.failover = config as FailoverConfig;
    if (p.gk === OUTLIER && !out.outlier) out.outlier = config as OutlierDetectionConfig;
  }
  return out;
}

/**
 * `trafficPolicy` for a destination: per port, TLS (ISTIO_MUTUAL with `sans` when given, none for
 * external destinations), locality load balancing and outlier detection. Undefined when there is nothing.
 */
export function destinationTrafficPolicy(world: World, ref: ObjectRef, ports: readonly number[], sans: readonly string[] | undefined): Rec | undefined {
  const { failover, outlier } = destinationConfigs(world, ref);
  const lb = failover ? { localityLbSetting: localityLb(failover) } : undefined;
  const od = outlier ? outlierDetection(outlier) : undefined;
  const tls = sans !== undefined ? compact({ mode: "ISTIO_MUTUAL", subjectAltNames: stringSet(sans) }) : undefined;
  const settings = ports.map((n) => compact({ port: { number: n }, tls, loadBalancer: lb, outlierDetection: od })).filter((s) => Object.keys(s).length > 1);
  return settings.length > 0 ? { portLevelSettings: settings } : undefined;
}

/** Gloo OutlierDetection → Istio (`consecutiveErrors` → `consecutive5xxErrors`, defaults 5 / 10s / 30s / 100%). */
export function outlierDetection(c: OutlierDetectionConfig): Rec {
  return compact({
    consecutive5xxErrors: c.consecutiveErrors ?? 5,
    interval: c.interval ?? "10s",
    baseEjectionTime: c.baseEjectionTime ?? "30s",
    // 0 means "Istio's default" (10%): leave the field out.
    maxEjectionPercent: c.maxEjectionPercent === 0 ? undefined : (c.maxEjectionPercent ?? 100),
    consecutiveGatewayErrors: c.consecutiveGatewayErrors || undefined,
  });
}

/**
 * FailoverPolicy → localityLbSetting (exact v2 mapping UNKNOWN, see TRANSLATION_NOTES): region-to-region
 * mappings become `failover` pairs; mappings naming zones or weights become `distribute`; otherwise
 * `priorityLabels` become `failoverPriority`. localityMappings wins when both are set.
 */
export function localityLb(c: FailoverConfig): Rec {
  const mappings = c.localityMappings ?? [];
  const out: Rec = { enabled: true };
  if (mappings.length === 0) {
    const labels = c.priorityLabels?.labels ?? [];
    if (labels.length > 0) out.failoverPriority = labels;
    return out;
  }
  const failover: Rec[] = [];
  const distribute: Rec[] = [];
  for (const m of mappings) {
    const from = m.from ?? {};
    const to = m.to ?? [];
    const regionOnly = !from.zone && !from.subZone && to.every((t) => !t.zone && !t.subZone && t.weight === undefined);
    if (regionOnly && from.region) {
      for (const t of to) if (t.region) failover.push({ from: from.region, to: t.region });
      continue;
    }
    const given = to.filter((t) => t.weight !== undefined).reduce((a, t) => a + (t.weight ?? 0), 0);
    const rest = to.filter((t) => t.weight === undefined).length;
    const share = rest > 0 ? Math.max(1, Math.floor((100 - given) / rest)) : 0;
    distribute.push({ from: localityPath(from), to: sortKeys(Object.fromEntries(to.map((t) => [localityPath(t), t.weight ?? share]))) });
  }
  if (failover.length > 0) out.failover = failover;
  if (distribute.length > 0) out.distribute = distribute;
  return sortKeys(out);
}

/** `region/zone/subZone` with `*` for what is not given (Istio locality syntax). */
function localityPath(l: { region?: string; zone?: string; subZone?: string }): string {
  const parts = [l.region || "*", l.zone || "*", l.subZone || "*"];
  while (parts.length > 1 && parts[parts.length - 1] === "*" && parts[parts.length - 2] === "*") parts.pop();
  return parts.join("/");
}
