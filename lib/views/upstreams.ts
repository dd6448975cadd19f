import {
  functionInventory, gatewayStatuses, traceRequest,
  type Finding, type FunctionEntry, type GatewayAnalysisModel, type ResolvedWorkload, type TraceInput, type TraceResult,
} from "../gateways";
import type { Upstream } from "../model/gloo-edge-upstream";
import type { ObjectRef } from "../snapshot/ref";
import { findingsTouching } from "./gateways";

/**
 * Views of function upstreams (Upstreams and kgateway Lambda Backends with their functions and callers) and of
 * a request trace enriched with how Hostname backends resolve to VirtualDestinations and workloads per cluster.
 */

/** One Upstream (or Lambda Backend) with its functions, the routes calling each, its status and findings. */
export interface UpstreamListItem {
  cluster: string;
  namespace: string;
  name: string;
  kind: string;
  group: string;
  /** `rest`, `aws`, `static`, `kube` … (what the spec describes). */
  type: string;
  functions: FunctionEntry[];
  /** Functions routes call that the Upstream does not expose. */
  missingFunctions: string[];
  state: string | null;
  liveState: string | null;
  findings: Finding[];
}

function upstreamType(model: GatewayAnalysisModel, ref: ObjectRef): string {
  if (ref.kind !== "Upstream") return "lambda";
  const up = model.clusters.find((c) => c.cluster === ref.cluster)?.index.get<Upstream>("Upstream.gloo.solo.io", ref.namespace, ref.name);
  const spec = up?.spec;
  if (!spec) return "missing";
  const service = spec.kube?.serviceSpec ?? spec.static?.serviceSpec;
  const base = ["aws", "azure", "kube", "static", "consul", "gcp", "ai"].find((k) => (spec as Record<string, unknown>)[k] !== undefined) ?? "other";
  const flavour = service?.rest ? "rest" : service?.grpcJsonTranscoder || service?.grpc ? "grpc" : null;
  return flavour ? `${base} · ${flavour}` : base;
}

/** Every function upstream in ref order. */
export function listUpstreams(model: GatewayAnalysisModel): UpstreamListItem[] {
  const edge = gatewayStatuses(model).edge;
  return functionInventory(model).map((u) => {
    const s = edge.find((e) => e.ref.cluster === u.upstream.cluster && e.ref.kind === u.upstream.kind && e.ref.namespace === u.upstream.namespace && e.ref.name === u.upstream.name);
    return {
      cluster: u.upstream.cluster, namespace: u.upstream.namespace, name: u.upstream.name, kind: u.upstream.kind, group: u.upstream.group,
      type: upstreamType(model, u.upstream), functions: u.functions, missingFunctions: u.functions.filter((f) => !f.exists).map((f) => f.name),
      state: s?.state ?? null, liveState: s?.live.state ?? null, findings: findingsTouching(model, [u.upstream]),
    };
  });
}

/** How one Hostname backend of a trace resolves: the VirtualDestination and its workloads per cluster. */
export interface HostResolutionView {
  backend: string;
  virtualDestination: ObjectRef;
  clusters: { cluster: string; workloads: ResolvedWorkload[] }[];
}

/** A trace answer with the resolution of its Hostname backends. */
export interface TraceView extends TraceResult {
  resolutions: HostResolutionView[];
}

/** Traces a request through the model and resolves its Hostname backends through the model's resolver. */
export function traceView(model: GatewayAnalysisModel, input: TraceInput): TraceView {
  const result = traceRequest(input, { model });
  const resolutions: HostResolutionView[] = [];
  for (const b of result.backends) {
    if (b.kind !== "Hostname" || b.port === null) continue;
    const r = model.resolver(result.cluster ?? input.cluster ?? "", b.name, b.port);
    if (!r) continue;
    const clusters = [...new Set(r.workloads.map((w) => w.cluster))].sort().map((cluster) => ({ cluster, workloads: r.workloads.filter((w) => w.cluster === cluster) }));
    resolutions.push({ backend: `${b.name}:${b.port}`, virtualDestination: r.virtualDestination, clusters });
  }
  return { ...result, resolutions };
}
