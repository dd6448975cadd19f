"use client";
import { useEffect, useState } from "react";
import type { Graph } from "@/lib/graph";
import type { LayoutRequest, LayoutResult } from "./layout-types";

export const LEAF_HEIGHT = 52;

/** Leaf width grows with the label so names stay readable. */
export function leafWidth(label: string): number {
  return Math.min(320, Math.max(170, label.length * 7.5 + 48));
}

/** The graph's structure: layout depends on nothing else, so it is the cache key. */
function structureKey(graph: Graph): string {
  return `${graph.nodes.map((n) => `${n.id}<${n.parent ?? ""}:${n.label.length}`).join("|")}#${graph.edges.map((e) => e.id).join("|")}`;
}

const cache = new Map<string, LayoutResult["positions"]>();
let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (r: LayoutResult) => void>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./layout.worker.ts", import.meta.url));
    worker.onmessage = (e: MessageEvent<LayoutResult>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
  }
  return worker;
}

// Starts the worker (and ELK inside it) as soon as this module loads in the browser, before the page
// hydrates and asks for data, so the first layout does not pay for loading ELK.
if (typeof window !== "undefined") layoutWorker().postMessage({ id: 0, nodes: [], edges: [] } satisfies LayoutRequest);

/**
 * Positions for the graph, computed in a Web Worker and cached by structure, so expanding and
 * collapsing back, or a live update that changes only counts, costs no new layout.
 */
export function useLayout(graph: Graph | undefined): { positions: LayoutResult["positions"] | null; error: string | null } {
  const key = graph ? structureKey(graph) : "";
  const [state, setState] = useState<{ key: string; positions: LayoutResult["positions"] | null; error: string | null }>({ key: "", positions: null, error: null });
  useEffect(() => {
    if (!graph) return;
    const cached = cache.get(key);
    if (cached) {
      setState({ key, positions: cached, error: null });
      return;
    }
    const parents = new Set(graph.nodes.map((n) => n.parent).filter(Boolean));
    const request: LayoutRequest = {
      id: nextId++,
      nodes: graph.nodes.map((n) => ({ id: n.id, parent: n.parent, width: parents.has(n.id) ? 0 : leafWidth(n.label), height: parents.has(n.id) ? 0 : LEAF_HEIGHT })),
      edges: graph.edges.filter((e) => e.kind !== "contains").map((e) => ({ id: e.id, source: e.source, target: e.target })),
    };
    let live = true;
    waiting.set(request.id, (result) => {
      if (!result.error) cache.set(key, result.positions);
      if (live) setState({ key, positions: result.error ? null : result.positions, error: result.error ?? null });
    });
    layoutWorker().postMessage(request);
    return () => {
      live = false;
    };
  }, [key, graph]);
  return state.key === key ? { positions: state.positions, error: state.error } : { positions: cache.get(key) ?? null, error: null };
}
