import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { Graph } from "@/lib/graph";
import { fetchJson } from "../fetch-json";

/** Which graph: all workspaces, one workspace with some nodes expanded, or the gateways; objects to highlight. */
export type GraphRequest = ({ view: "workspaces" } | { view: "gateways" } | { view: "workspace"; name: string; expand: readonly string[] }) & { max?: number; highlight?: readonly string[] };

/** `/api/v1/graph`: nodes and edges, no layout (the browser lays them out in a worker). */
export const graphQuery = (req: GraphRequest) =>
  queryOptions({
    queryKey: ["graph", req.view, req.view === "workspace" ? req.name : "", req.view === "workspace" ? [...req.expand].sort().join(",") : "", req.max ?? 0, (req.highlight ?? []).join(",")],
    queryFn: () => {
      const highlight = req.highlight?.length ? req.highlight.join(",") : undefined;
      return fetchJson<Graph>("/api/v1/graph", req.view === "workspace" ? { view: "workspace", name: req.name, expand: req.expand.join(","), max: req.max, highlight } : { view: req.view, max: req.max, highlight });
    },
    placeholderData: keepPreviousData,
  });

export function useGraph(req: GraphRequest) {
  return useQuery(graphQuery(req));
}
