import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { gatewayGraph, highlightGraph, workspaceDetailGraph, workspaceGraph, type Graph } from "@/lib/graph";
import { filterGraph } from "@/lib/server/auth/filter-graph";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";

/** Node budget: above it lower-level nodes collapse into aggregates. */
const max = z.coerce.number().int().min(50, "must be at least 50").max(2000, "must be at most 2000").optional();
/** Comma-separated refKeys (`cluster|Kind.group|namespace|name`) to highlight. */
const highlight = z.string().max(20_000, "must be at most 20000 characters").optional();

const query = z.discriminatedUnion("view", [
  z.object({ view: z.literal("workspaces"), max, highlight }),
  z.object({
    view: z.literal("workspace"),
    max,
    highlight,
    name: z.string().min(1, "must name a workspace"),
    /** Comma-separated node ids to expand. */
    expand: z.string().optional(),
  }),
  z.object({ view: z.literal("gateways"), max, highlight }),
], { error: () => "view: must be workspaces, workspace or gateways" });

const list = (s: string | undefined) => (s ?? "").split(",").filter((x) => x !== "");

/**
 * What the caller may see of the workspaces graph, of one workspace with the nodes the caller expanded, or
 * of the gateways (gateway → listeners → routes → backends); with `highlight`, which nodes stand for those objects.
 */
export const GET = route({ query }, ({ query, scope, store }) => {
  const d = derived(store);
  const f = readFilter(scope, d.workspaces);
  const options = { maxNodes: query.max };
  let graph: Graph;
  if (query.view === "workspaces") graph = workspaceGraph(d.workspaces, d.attachment, options);
  else if (query.view === "gateways") graph = gatewayGraph(d.gateways, options);
  else {
    if (!d.workspaces.workspace(query.name) || !f.workspace(query.name)) throw notFound(`workspace ${query.name}`);
    graph = workspaceDetailGraph(d.workspaces, d.attachment, query.name, list(query.expand), options);
  }
  graph = filterGraph(graph, f);
  const keys = list(query.highlight);
  return keys.length > 0 ? { ...graph, highlight: highlightGraph(graph, d.workspaces, keys) } : graph;
});
