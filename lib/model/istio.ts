import type { KindDef } from "./meta";
import { istioGatewayKind, serviceEntryKind, sidecarKind, workloadEntryKind } from "./istio-networking";
import { destinationRuleKind, virtualServiceKind } from "./istio-traffic";
import { authorizationPolicyKind, peerAuthenticationKind } from "./istio-security";

export * from "./istio-networking";
export * from "./istio-traffic";
export * from "./istio-security";

/**
 * The Istio kinds Meshpane emits when translating Gloo resources: `networking.istio.io` (v1, v1beta1,
 * v1alpha3) ServiceEntry, WorkloadEntry, VirtualService, DestinationRule, Gateway, Sidecar and
 * `security.istio.io` (v1, v1beta1) AuthorizationPolicy, PeerAuthentication. The schemas live in
 * istio-networking.ts, istio-traffic.ts and istio-security.ts; this file joins them for the registry.
 */
export const kinds: readonly KindDef[] = [
  serviceEntryKind,
  workloadEntryKind,
  virtualServiceKind,
  destinationRuleKind,
  istioGatewayKind,
  sidecarKind,
  authorizationPolicyKind,
  peerAuthenticationKind,
];
