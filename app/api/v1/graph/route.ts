import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { workspaceDetailGraph, workspaceGraph } from "@/lib/graph";
import { filterGraph } from "@/lib/server/auth/filter-graph";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";

/** Node budget: above it lower-level nodes collapse into aggregates. */
const max = z.coerce.number().int().min(50, "must be at least 50").max(2000, "must be at most 2000").optional();

const query = z.discriminatedUnion("view", [
  z.object({ view: z.literal("workspaces"), max }),
  z.object({
    view: z.literal("workspace"),
    max,
    name: z.string().min(1, "must name a workspace"),
    /** Comma-separated node ids to expand. */
    expand: z.string().optional(),
  }),
], { error: () => "view: must be workspaces or workspace" });

/** What the caller may see of the nodes and edges of the workspaces graph, or of one workspace with the nodes the caller expanded. */
export const GET = route({ query }, ({ query, scope, store }) => {
  const { workspaces, attachment } = derived(store);
  const f = readFilter(scope, workspaces);
  const options = { maxNodes: query.max };
  if (query.view === "workspaces") return filterGraph(workspaceGraph(workspaces, attachment, options), f);
  if (!workspaces.workspace(query.name) || !f.workspace(query.name)) throw notFound(`workspace ${query.name}`);
  const expand = (query.expand ?? "").split(",").filter((s) => s !== "");
  return filterGraph(workspaceDetailGraph(workspaces, attachment, query.name, expand, options), f);
});
