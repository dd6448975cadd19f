"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { Graph, GraphNodeKind } from "@/lib/graph";

/** Everything that defines a graph view lives in the URL, so a view can be shared and reopened. */
export interface GraphViewState {
  view: "workspaces" | "workspace" | "gateways";
  name: string;
  expand: string[];
  q: string;
  cluster: string;
  kind: GraphNodeKind | "";
  mode: "graph" | "table";
  selected: string;
  /** Node budget asked for in the URL (`max`); the server's default when absent. */
  max: number | undefined;
  /** refKeys of objects to highlight (`highlight`, comma-separated): another page's "show in the graph". */
  highlight: string[];
}

function viewOf(params: URLSearchParams): GraphViewState["view"] {
  const view = params.get("view");
  if (view === "workspace" && params.get("name")) return "workspace";
  return view === "gateways" ? "gateways" : "workspaces";
}

export function useGraphViewState(): [GraphViewState, (patch: Partial<GraphViewState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state: GraphViewState = {
    view: viewOf(params),
    name: params.get("name") ?? "",
    expand: (params.get("expand") ?? "").split(",").filter(Boolean),
    q: params.get("q") ?? "",
    cluster: params.get("cluster") ?? "",
    kind: (params.get("kind") ?? "") as GraphNodeKind | "",
    mode: params.get("mode") === "table" ? "table" : "graph",
    selected: params.get("selected") ?? "",
    max: params.get("max") ? Number(params.get("max")) : undefined,
    highlight: (params.get("highlight") ?? "").split(",").filter(Boolean),
  };
  const update = useCallback(
    (patch: Partial<GraphViewState>) => {
      const next = { ...state, ...patch };
      const out = new URLSearchParams();
      if (next.view === "workspace") {
        out.set("view", "workspace");
        out.set("name", next.name);
        if (next.expand.length) out.set("expand", next.expand.join(","));
      }
      if (next.view === "gateways") out.set("view", "gateways");
      for (const key of ["q", "cluster", "kind", "selected"] as const) if (next[key]) out.set(key, next[key]);
      if (next.mode === "table") out.set("mode", "table");
      if (next.max) out.set("max", String(next.max));
      if (next.highlight.length) out.set("highlight", next.highlight.join(","));
      router.replace(`${pathname}?${out.toString()}`, { scroll: false });
    },
    [router, pathname, state],
  );
  return [state, update];
}

const GROUP_KINDS = new Set<GraphNodeKind>(["workspace", "cluster", "namespace"]);

/** Hides leaf nodes outside the cluster and kind filters (groups stay), with the edges that touch them. */
export function filterGraph(graph: Graph, cluster: string, kind: GraphNodeKind | ""): Graph {
  const keep = graph.nodes.filter((n) => {
    if (cluster && n.ref && n.ref.cluster !== cluster && n.kind !== "workspace") return false;
    if (cluster && n.kind === "cluster" && n.label !== cluster) return false;
    if (kind && !GROUP_KINDS.has(n.kind) && n.kind !== kind) return false;
    return true;
  });
  const ids = new Set(keep.map((n) => n.id));
  const nodes = keep.filter((n) => !n.parent || ids.has(n.parent));
  const finalIds = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => finalIds.has(e.source) && finalIds.has(e.target)) };
}

/** Nodes whose label or ref matches the search text. */
export function searchGraph(graph: Graph, q: string): Set<string> {
  const text = q.trim().toLowerCase();
  if (!text) return new Set();
  return new Set(graph.nodes.filter((n) => `${n.label} ${n.ref?.name ?? ""} ${n.ref?.namespace ?? ""}`.toLowerCase().includes(text)).map((n) => n.id));
}
