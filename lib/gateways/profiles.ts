import type { ProfileId } from "./types";

/**
 * Controller profiles (rule G0 and the per-implementation behaviours of the reference). A Gateway is "ours"
 * when its class's controllerName is in the configured map; the map is configurable because the seed's
 * `gloo-gateway-v2` class has an [UNKNOWN] controllerName (reference §0, §11).
 */
export interface ControllerProfile {
  id: ProfileId;
  /** §2.1: how mixed attachment failures are ranked. */
  attachmentOrder: "spec" | "kind-namespace-first" | "istio";
  /** §2.2: Gloo Gateway 1.x rejects a route wildcard broader than the listener's wildcard. */
  strictWildcardIntersection: boolean;
  /** §2.4: Gloo/kgateway treat HTTP+HTTPS on one port as a protocol conflict. */
  glooConflicts: boolean;
  /** §3.1: reporters that fill missing types with positive defaults (Accepted/Programmed despite Conflicted). */
  positiveDefaults: boolean;
  /** §3.1: Gloo 1.x rebuilds `status.parents` from every parentRef of a route it processed. */
  rebuildsAllParents: boolean;
  /** §4.3: where RegularExpression paths rank. */
  regexRank: "before-prefix" | "after-prefix";
  /** §4.3: Istio trims one trailing `/` of a PathPrefix before comparing lengths. */
  trimPrefixSlash: boolean;
  /** §7.2: how `networking.istio.io/Hostname` backends resolve. */
  hostnameBackends: "istio" | "kgateway" | "none";
  /** Extension kinds understood in ExtensionRef filters and backendRefs. */
  extensions: "gloo-gateway-1" | "kgateway" | "none";
  /** Listener protocols the data plane implements. */
  protocols: readonly string[];
  /** Route kinds per protocol the controller supports (group gateway.networking.k8s.io). */
  routeKinds: Readonly<Record<string, readonly string[]>>;
  /** §4.5: answer when every weight of a rule is 0 (Istio 503; others [INFER] 500). */
  allZeroWeightsStatus: number;
}

const HTTP_KINDS = { HTTP: ["HTTPRoute", "GRPCRoute"], HTTPS: ["HTTPRoute", "GRPCRoute"], TLS: ["TLSRoute"], TCP: ["TCPRoute"], UDP: ["UDPRoute"] };

/** The built-in profiles. */
export const PROFILES: Readonly<Record<ProfileId, ControllerProfile>> = {
  "gloo-gateway-1": {
    id: "gloo-gateway-1", attachmentOrder: "kind-namespace-first", strictWildcardIntersection: true, glooConflicts: true, positiveDefaults: true,
    rebuildsAllParents: true, regexRank: "before-prefix", trimPrefixSlash: false, hostnameBackends: "kgateway", extensions: "gloo-gateway-1",
    protocols: ["HTTP", "HTTPS", "TCP", "TLS"], routeKinds: { HTTP: ["HTTPRoute"], HTTPS: ["HTTPRoute"], TCP: ["TCPRoute"], TLS: ["TLSRoute"] }, allZeroWeightsStatus: 500,
  },
  kgateway: {
    id: "kgateway", attachmentOrder: "kind-namespace-first", strictWildcardIntersection: false, glooConflicts: true, positiveDefaults: true,
    rebuildsAllParents: false, regexRank: "before-prefix", trimPrefixSlash: false, hostnameBackends: "kgateway", extensions: "kgateway",
    protocols: ["HTTP", "HTTPS", "TCP", "TLS"], routeKinds: HTTP_KINDS, allZeroWeightsStatus: 500,
  },
  istio: {
    id: "istio", attachmentOrder: "istio", strictWildcardIntersection: false, glooConflicts: false, positiveDefaults: false,
    rebuildsAllParents: false, regexRank: "after-prefix", trimPrefixSlash: true, hostnameBackends: "istio", extensions: "none",
    protocols: ["HTTP", "HTTPS", "TCP", "TLS"], routeKinds: HTTP_KINDS, allZeroWeightsStatus: 503,
  },
  spec: {
    id: "spec", attachmentOrder: "spec", strictWildcardIntersection: false, glooConflicts: false, positiveDefaults: false,
    rebuildsAllParents: false, regexRank: "after-prefix", trimPrefixSlash: false, hostnameBackends: "none", extensions: "none",
    protocols: ["HTTP", "HTTPS", "TLS", "TCP", "UDP"], routeKinds: HTTP_KINDS, allZeroWeightsStatus: 500,
  },
};

/**
 * Default controllerName → profile map. `solo.io/gloo-gateway-v2` is the demo's (and Gloo Gateway 2's)
 * kgateway-based class; its real controllerName is [UNKNOWN] in the reference, so callers may override.
 */
export const DEFAULT_CONTROLLERS: Readonly<Record<string, ProfileId>> = {
  "solo.io/gloo-gateway": "gloo-gateway-1",
  "kgateway.dev/kgateway": "kgateway",
  "solo.io/gloo-gateway-v2": "kgateway",
  "istio.io/gateway-controller": "istio",
};

/** The profile for a controllerName, or undefined when the controller is not one Meshpane knows. */
export function profileFor(controllers: Readonly<Record<string, ProfileId>>, controllerName: string | undefined): ControllerProfile | undefined {
  if (controllerName === undefined) return undefined;
  const id = controllers[controllerName];
  return id === undefined ? undefined : PROFILES[id];
}
