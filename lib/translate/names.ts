import { sanitizeNameV2 } from "../discovery/names";

export { sanitizeNameV2 };

/**
 * Names of translated objects (reference §5.1, §5.3). Short v2 names follow the observed patterns
 * exactly; long ones pass through the sanitiser and get its MD5 suffix. The v2 hash pre-image is
 * UNKNOWN (§5.1), so hashed names are Meshpane's own and never expected to equal Gloo's; live objects
 * are joined to their inputs through the `gloo.solo.io/parent_*` labels instead.
 */

/** `routetable-<rt>-<ns>-<cluster>-<consumer workspace>` (observed 2.0 and 2.4). */
export function routeTableOutputName(rt: string, ns: string, cluster: string, workspace: string): string {
  return sanitizeNameV2(`routetable-${rt}-${ns}-${cluster}-${workspace}`);
}

/** `virtualgateway-<vg>-<ns>-<cluster>-<gateway service>` (observed hashed; pre-image chosen here). */
export function virtualGatewayOutputName(vg: string, ns: string, cluster: string, gatewayService: string): string {
  return sanitizeNameV2(`virtualgateway-${vg}-${ns}-${cluster}-${gatewayService}`);
}

/** `vd-<sanitised host>-<workspace>` for VirtualDestination and federation ServiceEntries. */
export function vdServiceEntryName(host: string, workspace: string): string {
  return sanitizeNameV2(`vd-${host}-${workspace}`);
}

/** `vd-<host>-<workspace>-<k>-<v>…-<address>` for a WorkloadEntry of a remote backend. */
export function vdWorkloadEntryName(host: string, workspace: string, labels: Record<string, string>, address: string): string {
  const pairs = Object.keys(labels).sort().map((k) => `${k}-${labels[k] ?? ""}`).join("-");
  return sanitizeNameV2(`vd-${host}-${workspace}-${pairs}-${address}`);
}

/** `<sanitised host>-virtual-destination-<workspace>` (observed prefix `…-virtual-dest`). */
export function vdDestinationRuleName(host: string, workspace: string): string {
  return sanitizeNameV2(`${host}-virtual-destination-${workspace}`);
}

/** `<sanitised federated host>-<workspace>` for a federation DestinationRule. */
export function federationRuleName(host: string, workspace: string): string {
  return sanitizeNameV2(`${host}-${workspace}`);
}

/** `<svc>-<ns>-<cluster>-<consumer workspace>` for the client-side DestinationRule of a Service (subsets). */
export function serviceRuleName(svc: string, ns: string, cluster: string, workspace: string): string {
  return sanitizeNameV2(`${svc}-${ns}-${cluster}-${workspace}`);
}

/** `externalservice-<es>-<ns>-<cluster>-<workspace>`. */
export function externalServiceEntryName(es: string, ns: string, cluster: string, workspace: string): string {
  return sanitizeNameV2(`externalservice-${es}-${ns}-${cluster}-${workspace}`);
}

/** `externalservice-<es>-<ns>-<cluster>-<sanitised host>-<workspace>`. */
export function externalServiceRuleName(es: string, ns: string, cluster: string, host: string, workspace: string): string {
  return sanitizeNameV2(`externalservice-${es}-${ns}-${cluster}-${host}-${workspace}`);
}

/** `settings-<svc>-<port>-<workspace>` for service-isolation AuthorizationPolicies and PeerAuthentications. */
export function isolationName(svc: string, port: number, workspace: string): string {
  return sanitizeNameV2(`settings-${svc}-${port}-${workspace}`);
}

/** `sidecar-<workload>-<ns>-<cluster>-<workspace>`. */
export function sidecarName(workload: string, ns: string, cluster: string, workspace: string): string {
  return sanitizeNameV2(`sidecar-${workload}-${ns}-${cluster}-${workspace}`);
}

/** `accesspolicy-<svc>-<port>-<policy>-<policy ns>-<policy cluster>` (observed prefix `accesspolicy-<svc>-<port>-`). */
export function accessPolicyServiceName(svc: string, port: number, policy: string, ns: string, cluster: string): string {
  return sanitizeNameV2(`accesspolicy-${svc}-${port}-${policy}-${ns}-${cluster}`);
}

/** `accesspolicy-<policy>-<policy ns>-<policy cluster>-<index>` for workload-selector AccessPolicies. */
export function accessPolicyWorkloadName(policy: string, ns: string, cluster: string, index: number): string {
  return sanitizeNameV2(`accesspolicy-${policy}-${ns}-${cluster}-${index}`);
}

/**
 * Subset name (v1 `SubsetName`, v2 observed the same): sorted `key-value` pairs joined by `-`, sanitised.
 * `{version: v1}` → `version-v1`.
 */
export function subsetName(labels: Record<string, string>): string {
  return sanitizeNameV2(Object.keys(labels).sort().map((k) => `${k}-${labels[k] ?? ""}`).join("-"));
}

/**
 * Virtual IP for a ServiceEntry (reference §5.2, v1 exact): FNV-1 32-bit over `name + namespace + cluster
 * + scope`, bytes least-significant first as octets, first octet OR 240. v2's inputs are UNKNOWN; Meshpane
 * uses the v1 function with its own scopes (see TRANSLATION_NOTES).
 */
export function virtualIp(name: string, namespace: string, cluster: string, scope: string): string {
  const text = name + namespace + cluster + scope;
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII code units are the UTF-8 bytes (every Kubernetes name); anything else is encoded first.
    if (c >= 0x80) {
      h = FNV_OFFSET;
      for (const byte of encoder.encode(text)) h = fnvStep(h, byte);
      break;
    }
    h = fnvStep(h, c);
  }
  return [(h & 0xff) | 240, (h >>> 8) & 0xff, (h >>> 16) & 0xff, h >>> 24].join(".");
}

const FNV_OFFSET = 0x811c9dc5;
const encoder = new TextEncoder();

function fnvStep(h: number, byte: number): number {
  return ((Math.imul(h, 0x01000193) >>> 0) ^ byte) >>> 0;
}
