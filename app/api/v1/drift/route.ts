import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { derived } from "@/lib/server/store/derived";
import { driftView } from "@/lib/views/translation";

const query = z.object({ cluster: z.string().optional() });

/** Live generated Istio objects (those with parent labels) against the translation, optionally for one cluster. */
export const GET = route({ query }, ({ query, store }) => driftView(derived(store).drift, query.cluster || undefined));
