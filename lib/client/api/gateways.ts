import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { TraceInput as GatewayTraceInput } from "@/lib/gateways";

/** A request to trace, optionally as if one of the caller's drafts were applied. */
export type TraceInput = GatewayTraceInput & { draft?: string };
import type { GatewayDetailView, GatewayListItem } from "@/lib/views/gateways";
import type { TraceView, UpstreamListItem } from "@/lib/views/upstreams";
import { ApiResponseError, fetchJson } from "../fetch-json";
import { listResource } from "./list";

/** `/api/v1/gateways`: every gateway with counts, computed and live status, and findings. */
export const gatewaysApi = listResource<GatewayListItem>("gateways");
export const useGateways = gatewaysApi.useList;

/** `/api/v1/upstreams`: function upstreams with their functions and callers. */
export const upstreamsApi = listResource<UpstreamListItem>("upstreams");
export const useUpstreams = upstreamsApi.useList;

/** `/api/v1/gateways/{cluster}/{namespace}/{name}`: one gateway in full. */
export const gatewayQuery = (cluster: string, namespace: string, name: string, kind: GatewayListItem["kind"]) =>
  queryOptions({
    queryKey: ["gateway", cluster, namespace, name, kind],
    queryFn: () => fetchJson<GatewayDetailView>(`/api/v1/gateways/${[cluster, namespace, name].map(encodeURIComponent).join("/")}`, { kind }),
  });

export function useGateway(cluster: string, namespace: string, name: string, kind: GatewayListItem["kind"]) {
  return useQuery(gatewayQuery(cluster, namespace, name, kind));
}

async function postTrace(input: TraceInput): Promise<TraceView> {
  const res = await fetch("/api/v1/trace", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(input) });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string; fields?: ApiResponseError["fields"] };
    throw new ApiResponseError(res.status, e.code ?? "Error", e.message ?? `trace failed with status ${res.status}`, e.fields);
  }
  return body as TraceView;
}

/** `POST /api/v1/trace`: a read-only trace, cached by its input like any query (null input = nothing to trace). */
export const traceQuery = (input: TraceInput | null) =>
  queryOptions({ queryKey: ["trace", input], queryFn: () => postTrace(input as TraceInput), enabled: input !== null, placeholderData: keepPreviousData });

export function useTrace(input: TraceInput | null) {
  return useQuery(traceQuery(input));
}
