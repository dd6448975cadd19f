import type { ObjectRef } from "../snapshot/ref";

/**
 * Graph output for the UI (rendered with @xyflow/react): plain nodes and edges, no layout. Node ids are
 * stable strings built from object keys, so a node keeps its id across snapshots.
 */

/**
 * What a node stands for; `aggregate` stands for several collapsed siblings. The gateway view adds
 * `gateway`, `listener`, `gatewayRoute` (HTTPRoute, GRPCRoute, Gloo Edge VirtualService or RouteTable) and
 * `backend` (Service, Upstream, Hostname…).
 */
export type GraphNodeKind = "workspace" | "cluster" | "namespace" | "routeTable" | "route" | "destination" | "policy" | "workload" | "gateway" | "listener" | "gatewayRoute" | "backend" | "aggregate";

/**
 * export/import between workspaces, attach policy → target, forward route → destination or delegate table,
 * contains namespace → object; in the gateway view: listens gateway → listener, parent listener → attached
 * route, refused gateway → route it does not accept, backend route → backend.
 */
export type GraphEdgeKind = "export" | "import" | "attach" | "forward" | "contains" | "listens" | "parent" | "refused" | "backend";

/** One node; ids are stable across snapshots (built from object keys). */
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** Enclosing group node; parents always precede their children in `nodes`. */
  parent?: string;
  counts?: Record<string, number>;
  ref?: ObjectRef;
  /** Owning workspace ("" for aggregates spanning several and for unowned objects). */
  workspace: string;
  /**
   * Short markers for the UI: the object kind (`Service`, `VirtualDestination`…), `imported`, `exported`,
   * `from:<workspace>`, `not-visible`, `not-found`, `no-settings`, `error`/`warning` (has findings),
   * `expandable` (has hidden children), `overridden` (a policy losing every target).
   */
  badges?: string[];
}

/** One edge; `id` is `<kind>:<source>-><target>`, unique after merging. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  label: string;
}

/** Nodes (parents before children) and edges, both in a deterministic order. */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Present when the request asked to highlight objects (`highlight=` refKeys). */
  highlight?: GraphHighlight;
}

/** Objects asked to be highlighted: the nodes standing for them, and the workspace view that shows them. */
export interface GraphHighlight {
  nodes: string[];
  /** The workspace owning the first of them, when one does. */
  workspace?: string;
  /** Node ids to expand in that workspace's view so they are shown. */
  expand: string[];
}

/** Options shared by the graph builders. */
export interface GraphOptions {
  /** Above this many nodes, lower-level nodes collapse into aggregates ("+ 42 destinations"). Default 300. */
  maxNodes?: number;
}

/** The default node budget of a view. */
export const DEFAULT_MAX_NODES = 300;
