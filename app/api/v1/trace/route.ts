import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { readFilter } from "@/lib/server/auth/visibility";
import { actorOf } from "@/lib/server/changes/actor";
import { derivedWithDraft } from "@/lib/server/changes/draft-snapshot";
import { getDraft } from "@/lib/server/drafts/repo";
import { derived } from "@/lib/server/store/derived";
import { traceView } from "@/lib/views/upstreams";

const stringMap = z.record(z.string(), z.string({ message: "must be a string" }));

/** The request to trace; `host` may carry `:port`, `path` may carry `?query`. */
const body = z.strictObject({
  cluster: z.string().min(1, "must name a cluster").optional(),
  gateway: z.strictObject({
    namespace: z.string().min(1, "must name the gateway's namespace"),
    name: z.string().min(1, "must name the gateway"),
    kind: z.enum(["Gateway", "EdgeGateway"], { message: "must be Gateway or EdgeGateway" }).optional(),
  }).optional(),
  host: z.string({ message: "must be a host name" }).min(1, "must be a host name"),
  port: z.number({ message: "must be a port number" }).int("must be a whole number").min(1, "must be at least 1").max(65535, "must be at most 65535").optional(),
  path: z.string({ message: "must be a path" }).startsWith("/", "must start with /"),
  method: z.string().regex(/^[A-Za-z]+$/, "must be an HTTP method such as GET").optional(),
  headers: stringMap.optional(),
  query: stringMap.optional(),
  /** Trace as if this draft (one of the caller's) were applied. */
  draft: z.string().regex(/^[0-9a-f-]{36}$/, "must be a draft id").optional(),
});

/**
 * Traces one request through a gateway, optionally with a draft (one of the caller's) applied; read-only,
 * POST only to carry the body. The gateway entered must be in the caller's namespaces; otherwise it
 * answers 404 as if the gateway were absent.
 */
export const POST = route({ body }, async ({ body, scope, store }) => {
  const { draft: draftId, ...input } = body;
  const d = draftId ? await derivedWithDraft(store, await getDraft(actorOf(scope).name, draftId)) : derived(store);
  const view = traceView(d.gateways, input);
  const f = readFilter(scope, derived(store).workspaces);
  if (!f.all && !(view.cluster && view.gateway && f.namespace(view.cluster, view.gateway.namespace))) {
    throw notFound(input.gateway ? `gateway ${input.gateway.namespace}/${input.gateway.name}` : `a gateway serving ${input.host}`);
  }
  return view;
});
