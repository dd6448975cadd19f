import type { GraphEdgeKind, GraphNodeKind } from "@/lib/graph";

/** One colour per edge kind; the legend shows the same table. */
export const EDGE_STYLE: Record<GraphEdgeKind, { color: string; dash?: string; label: string }> = {
  export: { color: "#4f46e5", label: "exports to" },
  import: { color: "#0891b2", dash: "6 4", label: "imports from" },
  attach: { color: "#d97706", dash: "3 3", label: "policy attached to" },
  forward: { color: "#475569", label: "routes to" },
  contains: { color: "#cbd5e1", label: "contains" },
  listens: { color: "#7c3aed", label: "gateway listens on" },
  parent: { color: "#059669", label: "route attached to listener" },
  refused: { color: "#dc2626", dash: "4 3", label: "route refused by gateway" },
  backend: { color: "#0f766e", label: "route sends to backend" },
};

export const NODE_STYLE: Record<GraphNodeKind, { label: string; className: string }> = {
  workspace: { label: "Workspace", className: "border-indigo-300 bg-indigo-50" },
  cluster: { label: "Cluster", className: "border-slate-300 bg-slate-50" },
  namespace: { label: "Namespace", className: "border-slate-200 bg-white" },
  routeTable: { label: "Route table", className: "border-sky-300 bg-sky-50" },
  route: { label: "Route", className: "border-sky-200 bg-white" },
  destination: { label: "Destination", className: "border-emerald-300 bg-emerald-50" },
  policy: { label: "Policy", className: "border-amber-300 bg-amber-50" },
  workload: { label: "Workload", className: "border-teal-300 bg-teal-50" },
  gateway: { label: "Gateway", className: "border-violet-400 bg-violet-50" },
  listener: { label: "Listener", className: "border-violet-200 bg-white" },
  gatewayRoute: { label: "Route", className: "border-sky-300 bg-sky-50" },
  backend: { label: "Backend", className: "border-emerald-300 bg-emerald-50" },
  aggregate: { label: "Collapsed", className: "border-dashed border-slate-400 bg-slate-100" },
};
