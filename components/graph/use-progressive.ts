"use client";
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from "react";

/** Nodes mounted with the canvas. */
export const FIRST_BATCH = 16;
/** What one batch may cost on the main thread: well inside the 50 ms long-task line. */
const TARGET_MS = 24;
const MIN_BATCH = 8;
const MAX_BATCH = 96;

/**
 * Mounts a large graph in batches (parents come before children, so every batch is drawable). Each batch
 * is its own task, scheduled after the previous one committed, so the browser paints in between; its size
 * adapts to how long the previous batch took (React Flow renders store updates synchronously, so a
 * batch cannot be interrupted once it starts): the main thread never spends one long task mounting
 * hundreds of nodes, on a fast machine or a loaded one.
 */
export function useProgressiveCount(total: number): number {
  const [state, setState] = useState({ total, shown: Math.min(total, FIRST_BATCH) });
  // A new graph (adjusting state while rendering, as React recommends) keeps as many nodes mounted as
  // before: expanding a node adds the new ones in batches without unmounting and remounting the rest.
  if (state.total !== total) setState({ total, shown: Math.min(total, Math.max(FIRST_BATCH, state.shown)) });
  const shown = Math.min(state.shown, total);
  const batch = useRef({ size: FIRST_BATCH, started: 0 });
  // Right after the commit, in the batch's own task: how long rendering and committing it took.
  useLayoutEffect(() => {
    const b = batch.current;
    if (b.started === 0) return;
    const took = performance.now() - b.started;
    b.size = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, took > TARGET_MS ? b.size / 2 : took < TARGET_MS / 2 ? b.size * 1.5 : b.size)));
    b.started = 0;
  }, [shown]);
  useEffect(() => {
    const b = batch.current;
    if (shown >= total) return;
    const timer = setTimeout(() => {
      b.started = performance.now();
      startTransition(() => setState((s) => (s.total === total ? { total, shown: Math.min(total, s.shown + b.size) } : s)));
    }, 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return shown;
}
