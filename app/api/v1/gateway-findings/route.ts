import { z } from "zod";
import { GATEWAY_FINDING_CATALOGUE, gatewayFindings } from "@/lib/gateways";
import { route } from "@/lib/server/api/handler";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";

const query = z.object({
  cluster: z.string().optional(),
  severity: z.enum(["error", "warning", "info"], { message: "must be error, warning or info" }).optional(),
  code: z.string().optional(),
});

/** Gateway findings (optionally one cluster, severity or code), each with its catalogue entry. */
export const GET = route({ query }, ({ query, scope, store }) => {
  const f = readFilter(scope, derived(store).workspaces);
  const catalogue = new Map(GATEWAY_FINDING_CATALOGUE.map((e) => [e.code, e] as const));
  const items = gatewayFindings(derived(store).gateways)
    .filter((x) => x.objects[0] !== undefined ? f.ref(x.objects[0]) : f.all)
    .filter((f) => (!query.cluster || f.objects[0]?.cluster === query.cluster) && (!query.severity || f.severity === query.severity) && (!query.code || f.code === query.code))
    .map((f) => {
      const entry = catalogue.get(f.code);
      return { ...f, referenceCode: entry?.referenceCode ?? null, title: entry?.title ?? f.code };
    });
  return { items, total: items.length };
});
