import type { MergedField } from "./policies";
import type { AppliedPolicy, BackendView } from "./types";

/**
 * Input and answer of the request tracer (reference §4.2). `path` may carry `?query`; `host` may carry
 * `:port` (which then implies the port). Header names are case-insensitive.
 */
export interface TraceInput {
  cluster?: string;
  /** The gateway to enter by; `kind` picks a Gloo Edge Gateway (`gateway.solo.io`) over a Gateway API one. */
  gateway?: { namespace: string; name: string; kind?: "Gateway" | "EdgeGateway" };
  host: string;
  port?: number;
  path: string;
  method?: string;
  headers?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string>>;
}

/** A route (or Edge VirtualService / RouteTable) a trace names. */
export interface TraceRouteRef {
  kind: string;
  namespace: string;
  name: string;
}

/** A row skipped on the way, with the criterion that failed (or why it was not consulted). */
export interface NearMiss {
  route: TraceRouteRef;
  rule: number;
  reason: string;
}

/** The tracer's answer: where the request went, what was done to it, and why. */
export interface TraceResult {
  cluster: string | null;
  gateway: { kind: "Gateway" | "EdgeGateway"; namespace: string; name: string } | null;
  listener: { name: string; port: number; protocol: string; hostname: string | null } | null;
  /** The virtual host chosen: the intersected hostname (Gateway API) or the VirtualService domain (Edge). */
  vhost: string | null;
  route: (TraceRouteRef & { rule: number; ruleName: string | null; match: number; matchText: string }) | null;
  /** Delegation on the way: the parent HTTPRoute rule, or the Edge VirtualService/RouteTable chain. */
  delegation: (TraceRouteRef & { rule: number })[];
  backends: BackendView[];
  redirect?: { status: number; location: string };
  rewrite?: { host: string; path: string };
  directResponse?: { status: number; body: string | null };
  /** Request headers as forwarded (names lower-case), after filters and policies. */
  headers: Record<string, string>;
  policies: AppliedPolicy[];
  /** Effective option/policy fields, keyed `<level>.<field>` (`route.timeout`, `virtualHost.cors`). */
  options: Record<string, MergedField>;
  /** The answer: 200 forwarded, 3xx redirect, direct-response status, 404 no match, 500 invalid backend … */
  status: number;
  nearMisses: NearMiss[];
  /** Why each choice was made, in order. */
  notes: string[];
  /** Hops inside the mesh, when a MeshHopTracer is plugged in. */
  mesh: { backend: string; description: string; workloads: string[] }[];
}

/** An empty 404 answer with notes. */
export function notFound(notes: string[], partial: Partial<TraceResult> = {}): TraceResult {
  return {
    cluster: null, gateway: null, listener: null, vhost: null, route: null, delegation: [], backends: [], headers: {}, policies: [], options: {},
    status: 404, nearMisses: [], notes, mesh: [], ...partial,
  };
}
