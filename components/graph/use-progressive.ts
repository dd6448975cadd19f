"use client";
import { startTransition, useEffect, useRef, useState } from "react";

/** Nodes mounted with the canvas. */
export const FIRST_BATCH = 16;
/**
 * What one batch may take, all of it: our render, React Flow's (which follows in the same task), the
 * frame that paints it, and on a busy machine the time spent waiting for a core. Batches shrink only
 * past this, so a loaded machine does not fall to many tiny batches, each paying React Flow's per-update
 * cost over every mounted node (measured: a fixed 48 took half the main-thread time of batches of 8).
 */
const TARGET_MS = 32;
const MIN_BATCH = 8;
/** The most nodes one batch mounts: 48 compact cards took 15–25 ms of main-thread CPU a batch on a loaded 2-core machine. */
const MAX_BATCH = 48;

/** The next batch size after one of `size` nodes took `took` ms. */
function adapt(size: number, took: number): number {
  const next = took > TARGET_MS ? size / 2 : took < TARGET_MS / 2 ? size * 1.5 : size;
  return Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, next)));
}

/**
 * Mounts a large graph in batches (parents come before children, so every batch is drawable). Each batch
 * is its own task, scheduled after the previous one committed, so the browser paints in between; its size
 * adapts to how long the previous batch took, from its start to the start of the next one (React Flow
 * renders store updates synchronously after our commit, so that is where its cost shows): the main
 * thread never spends one long task mounting hundreds of nodes, on a fast machine or a loaded one.
 */
export function useProgressiveCount(total: number): number {
  const [state, setState] = useState({ total, shown: Math.min(total, FIRST_BATCH) });
  // A new graph (adjusting state while rendering, as React recommends) keeps as many nodes mounted as
  // before: expanding a node adds the new ones in batches without unmounting and remounting the rest.
  if (state.total !== total) setState({ total, shown: Math.min(total, Math.max(FIRST_BATCH, state.shown)) });
  const shown = Math.min(state.shown, total);
  const batch = useRef({ size: FIRST_BATCH, started: 0 });
  useEffect(() => {
    const b = batch.current;
    if (shown >= total) {
      b.started = 0;
      return;
    }
    const timer = setTimeout(() => {
      const now = performance.now();
      if (b.started > 0) b.size = adapt(b.size, now - b.started);
      b.started = now;
      startTransition(() => setState((s) => (s.total === total ? { total, shown: Math.min(total, s.shown + b.size) } : s)));
    }, 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return shown;
}
