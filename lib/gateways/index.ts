import { compareRefs } from "../snapshot/ref";
import type { Finding } from "./findings";
import type { GatewayAnalysisModel } from "./model";
import type { GatewayStatusView, PolicyStatusView, RouteStatusView, SoloKitStatusView } from "./types";

/**
 * The gateway side of Meshpane, pure: Gateway API (GatewayClass, Gateway, HTTPRoute, GRPCRoute,
 * ReferenceGrant), Gloo Gateway 1.x options, kgateway policies and the Gloo Edge function gateway.
 * Build the model once per snapshot version, then read status, routing tables, traces, findings and the
 * function inventory from it. Reference: gateway-api-and-gloo-gateway.md.
 */
export { buildGatewayModel, type GatewayAnalysisModel, type GatewayAnalysisOptions, type ClusterGateways } from "./model";
export { traceRequest, type TraceContext } from "./tracer";
export type { TraceInput, TraceResult, NearMiss } from "./trace-types";
export { routingTables, type GatewayRoutingTableView, type EdgeRoutingTableView, type RoutingRowView, type RoutingTableFilter } from "./table-views";
export { functionInventory, type UpstreamFunctionsView, type FunctionEntry, type FunctionCaller } from "./inventory";
export { defaultHostResolver, noHostResolver, type HostResolver, type HostResolution, type ResolvedWorkload, type MeshHopTracer } from "./resolver";
export { GATEWAY_FINDING_CATALOGUE, type CatalogueEntry, type FindingCode } from "./catalogue";
export type { Finding, Severity } from "./findings";
export { DEFAULT_CONTROLLERS, PROFILES, type ControllerProfile } from "./profiles";
export { openApiFunctionNames, upstreamFunctions, type UpstreamFunction } from "./upstream-functions";
export type * from "./types";

/** Every computed status of a model, with the live comparison, in stable order. */
export interface GatewayStatusReport {
  gateways: GatewayStatusView[];
  routes: RouteStatusView[];
  /** Gloo Gateway 1.x option objects (solo-kit states). */
  options: SoloKitStatusView[];
  /** kgateway policies (ancestor conditions). */
  policies: PolicyStatusView[];
  /** Gloo Edge Gateways, VirtualServices, RouteTables, Upstreams, UpstreamGroups (solo-kit states). */
  edge: SoloKitStatusView[];
}

function byRef<T extends { ref: Parameters<typeof compareRefs>[0] }>(list: T[]): T[] {
  return list.sort((a, b) => compareRefs(a.ref, b.ref));
}

/** Computed status of every Gateway and its listeners (all clusters), in stable order. */
export function gatewayStatusViews(model: GatewayAnalysisModel): GatewayStatusView[] {
  return byRef(model.clusters.flatMap((c) => c.gatewayViews));
}

/** Computed status of every Gateway, listener, route parent, option, policy and Edge object (all clusters). */
export function gatewayStatuses(model: GatewayAnalysisModel): GatewayStatusReport {
  return {
    gateways: gatewayStatusViews(model),
    routes: byRef(model.clusters.flatMap((c) => c.routeViews)),
    options: byRef(model.clusters.flatMap((c) => c.optionViews)),
    policies: byRef(model.clusters.flatMap((c) => c.policyViews)),
    edge: byRef(model.clusters.flatMap((c) => c.edge.statuses)),
  };
}

/** Every finding of the model, in stable order (codes in GATEWAY_FINDING_CATALOGUE). */
export function gatewayFindings(model: GatewayAnalysisModel): readonly Finding[] {
  return model.findings;
}
