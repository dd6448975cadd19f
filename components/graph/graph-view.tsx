"use client";
import { ReactFlowProvider } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { Graph, GraphHighlight, GraphNodeKind } from "@/lib/graph";
import { useClusters } from "@/lib/client/api/clusters";
import { useGraph, type GraphRequest } from "@/lib/client/api/graph";
import { GraphCanvas } from "./graph-canvas";
import { GraphLegend } from "./graph-legend";
import { GraphPanel } from "./graph-panel";
import { filterGraph, searchGraph, useGraphViewState, type GraphViewState } from "./graph-state";
import { GraphTable } from "./graph-table";
import { HydrationGate } from "../hydration-gate";
import { detailHref } from "./node-links";
import { NODE_STYLE } from "./styles";
import { typing } from "./use-graph-keys";
import { useLatest } from "./use-latest";
import { useLayout } from "./use-layout";

const KIND_OPTIONS: Record<GraphViewState["view"], GraphNodeKind[]> = {
  workspaces: ["routeTable", "route", "destination", "policy", "workload"],
  workspace: ["routeTable", "route", "destination", "policy", "workload"],
  gateways: ["gateway", "listener", "gatewayRoute", "backend"],
};

function requestOf(state: GraphViewState): GraphRequest {
  const common = { max: state.max, highlight: state.highlight };
  return state.view === "workspace" ? { view: "workspace", name: state.name, expand: state.expand, ...common } : { view: state.view, ...common };
}

/** The workspaces or gateways graph: state in the URL, layout in a worker, a graph or a table of the same data. */
export function GraphView() {
  const [state, update] = useGraphViewState();
  const router = useRouter();
  const { data, error } = useGraph(requestOf(state));
  useHighlightFocus(state, data?.highlight, update);
  const graph = useMemo(() => (data ? filterGraph(data, state.cluster, state.kind) : undefined), [data, state.cluster, state.kind]);
  const { positions, error: layoutError } = useLayout(graph);
  // While a new graph is laid out, the previous one stays on the canvas (no flash, focus is kept).
  const [laid, setLaid] = useState<{ graph: Graph; positions: NonNullable<typeof positions> } | null>(null);
  if (graph && positions && (laid?.graph !== graph || laid.positions !== positions)) setLaid({ graph, positions });
  const matches = useMemo(() => (graph ? searchGraph(graph, state.q) : new Set<string>()), [graph, state.q]);
  const marked = useMemo(() => new Set<string>(data?.highlight?.nodes ?? []), [data]);
  const search = useRef<HTMLInputElement>(null);
  useSlashFocus(search);
  const clusters = useClusters().data?.items ?? [];
  const selectedNode = graph?.nodes.find((n) => n.id === state.selected);
  const expandable = (id: string) => state.view === "workspace" && (state.expand.includes(id) || (graph?.nodes.find((n) => n.id === id)?.badges ?? []).includes("expandable"));
  const toggle = (id: string) => update({ expand: state.expand.includes(id) ? state.expand.filter((x) => x !== id) : [...state.expand, id] });
  const openWorkspace = (name: string) => update({ view: "workspace", name, expand: [`ws:${name}`], selected: "", q: "" });
  const open = (id: string) => {
    const node = graph?.nodes.find((n) => n.id === id);
    if (!node) return;
    if (state.view === "workspaces" && node.kind === "workspace") return openWorkspace(node.label);
    if (expandable(id)) return toggle(id);
    const href = detailHref(node);
    if (href) router.push(href);
  };
  /** Escape collapses the expanded node it is pressed on, else clears the selection, else the search. */
  const escape = (id: string | null) => {
    if (id && state.view === "workspace" && state.expand.includes(id) && id !== `ws:${state.name}`) return toggle(id);
    if (state.selected) return update({ selected: "" });
    if (state.q) update({ q: "" });
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <HydrationGate>
        {state.view === "workspace" && (
          <button type="button" onClick={() => update({ view: "workspaces", name: "", expand: [], selected: "" })} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
            ← All workspaces
          </button>
        )}
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">Search</span>
          <input ref={search} type="search" aria-keyshortcuts="/" value={state.q} onChange={(e) => update({ q: e.target.value })} placeholder="highlight and focus…" className="w-56 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">Cluster</span>
          <select value={state.cluster} onChange={(e) => update({ cluster: e.target.value })} className="rounded border border-slate-300 px-2 py-1">
            <option value="">All clusters</option>
            {clusters.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">Kind</span>
          <select value={state.kind} onChange={(e) => update({ kind: e.target.value as GraphNodeKind | "" })} className="rounded border border-slate-300 px-2 py-1">
            <option value="">All kinds</option>
            {KIND_OPTIONS[state.view].map((k) => <option key={k} value={k}>{NODE_STYLE[k].label}</option>)}
          </select>
        </label>
        <div role="group" aria-label="Graph of" className="ml-auto flex overflow-hidden rounded border border-slate-300">
          {(["workspaces", "gateways"] as const).map((v) => {
            const on = v === "gateways" ? state.view === "gateways" : state.view !== "gateways";
            return (
              <button key={v} type="button" aria-pressed={on} onClick={() => update({ view: v, name: "", expand: [], selected: "", kind: "" })} className={`px-3 py-1 ${on ? "bg-indigo-600 text-white" : "bg-white hover:bg-slate-100"}`}>
                {v === "gateways" ? "Gateways" : "Workspaces"}
              </button>
            );
          })}
        </div>
        <div role="group" aria-label="View as" className="flex overflow-hidden rounded border border-slate-300">
          {(["graph", "table"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={state.mode === m} onClick={() => update({ mode: m })} className={`px-3 py-1 ${state.mode === m ? "bg-indigo-600 text-white" : "bg-white hover:bg-slate-100"}`}>
              {m === "graph" ? "Graph" : "Table"}
            </button>
          ))}
        </div>
        </HydrationGate>
      </div>
      {error && <p role="alert" className="text-sm text-red-700">Could not load the graph: {error.message}</p>}
      {layoutError && <p role="alert" className="text-sm text-red-700">Could not lay out the graph: {layoutError}</p>}
      {graph && state.mode === "table" && <GraphTable graph={graph} />}
      {state.mode === "graph" && (
        <div className="grid grid-cols-[1fr_16rem] gap-3">
          <div className="relative h-[70vh] rounded border border-slate-200 bg-white" data-testid="graph-canvas" aria-label={state.view === "gateways" ? "Gateway graph" : "Workspace graph"}>
            {/* The canvas mounts before the data and the layout arrive, so its own first render is paid while waiting. */}
            <ReactFlowProvider>
              <GraphCanvas graph={laid?.graph} positions={laid?.positions ?? null} matches={matches} marked={marked} selected={state.selected} onSelect={(id) => update({ selected: id })} onOpen={open} onEscape={escape} />
            </ReactFlowProvider>
            {!laid && <p className="absolute left-4 top-4 text-sm text-slate-500">{graph ? `Laying out ${graph.nodes.length} nodes…` : "Loading the graph…"}</p>}
          </div>
          <aside className="space-y-3">
            <div className="rounded border border-slate-200 bg-white p-3">
              {graph && <GraphPanel graph={graph} node={selectedNode} expanded={state.expand.includes(state.selected)} canExpand={!!selectedNode && expandable(selectedNode.id)} onToggle={() => toggle(state.selected)} onOpenWorkspace={openWorkspace} />}
            </div>
            <GraphLegend graph={laid?.graph} />
          </aside>
        </div>
      )}
    </div>
  );
}

/** `/` anywhere on the page but in a form field focuses the search box. */
function useSlashFocus(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || typing(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [input]);
}

/**
 * `highlight` on the collapsed workspaces view: the objects live inside a workspace, so the view moves to
 * that workspace, expanded so they are shown (once; the user may collapse it again).
 */
function useHighlightFocus(state: GraphViewState, highlight: GraphHighlight | undefined, update: (patch: Partial<GraphViewState>) => void): void {
  const target = state.view === "workspaces" && highlight?.workspace ? highlight : undefined;
  const updateRef = useLatest(update);
  useEffect(() => {
    if (target?.workspace) updateRef.current({ view: "workspace", name: target.workspace, expand: target.expand });
  }, [target, updateRef]);
}
