import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { gatewayDetail } from "@/lib/views/gateways";

const params = z.object({ cluster: z.string().min(1, "must name a cluster"), namespace: z.string().min(1, "must name a namespace"), name: z.string().min(1, "must name a gateway") });
const query = z.object({ kind: z.enum(["Gateway", "EdgeGateway"], { message: "must be Gateway or EdgeGateway" }).default("Gateway") });

/** One gateway: listeners, attached and refused routes with reasons, computed beside live status, routing table. */
export const GET = route({ params, query }, ({ params, query, scope, store }) => {
  const what = `${query.kind} ${params.namespace}/${params.name} in cluster ${params.cluster}`;
  if (!readFilter(scope, derived(store).workspaces).namespace(params.cluster, params.namespace)) throw notFound(what);
  const detail = gatewayDetail(derived(store).gateways, params.cluster, params.namespace, params.name, query.kind);
  if (!detail) throw notFound(what);
  return detail;
});
