import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Graph } from "@/lib/graph";
import { fetchJson } from "../fetch-json";

/** Which graph: all workspaces, or one workspace with some nodes expanded. */
export type GraphRequest = ({ view: "workspaces" } | { view: "workspace"; name: string; expand: readonly string[] }) & { max?: number };

/** `/api/v1/graph`: nodes and edges, no layout (the browser lays them out in a worker). */
export const graphQuery = (req: GraphRequest) =>
  queryOptions({
    queryKey: ["graph", req.view, req.view === "workspace" ? req.name : "", req.view === "workspace" ? [...req.expand].sort().join(",") : "", req.max ?? 0],
    queryFn: () => fetchJson<Graph>("/api/v1/graph", req.view === "workspaces" ? { view: "workspaces", max: req.max } : { view: "workspace", name: req.name, expand: req.expand.join(","), max: req.max }),
    placeholderData: keepPreviousData,
  });

export function useGraph(req: GraphRequest) {
  return useQuery(graphQuery(req));
}
