import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { workspaceDetailGraph, workspaceGraph } from "@/lib/graph";
import { derived } from "@/lib/server/store/derived";

const query = z.discriminatedUnion("view", [
  z.object({ view: z.literal("workspaces") }),
  z.object({
    view: z.literal("workspace"),
    name: z.string().min(1, "must name a workspace"),
    /** Comma-separated node ids to expand. */
    expand: z.string().optional(),
  }),
], { error: () => "view: must be workspaces or workspace" });

/** Nodes and edges of the workspaces graph, or of one workspace with the nodes the caller expanded. */
export const GET = route({ query }, ({ query, store }) => {
  const { workspaces, attachment } = derived(store);
  if (query.view === "workspaces") return workspaceGraph(workspaces, attachment);
  if (!workspaces.workspace(query.name)) throw notFound(`workspace ${query.name}`);
  const expand = (query.expand ?? "").split(",").filter((s) => s !== "");
  return workspaceDetailGraph(workspaces, attachment, query.name, expand);
});
