/**
 * Graphs for the UI (pure): nodes and edges with stable ids, grouping, collapsing and aggregation; no
 * React and no layout.
 */
export type * from "./types";
export { DEFAULT_MAX_NODES } from "./types";
export { workspaceGraph, workspaceNodeId, flowLabel } from "./workspaces";
export { workspaceDetailGraph } from "./workspace-detail";
export { projectGraph, mergeEdges, edgeId } from "./project";
export { gatewayGraph } from "./gateways";
export { highlightGraph, parseRefKey } from "./highlight";
