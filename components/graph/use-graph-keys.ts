"use client";
import { useReactFlow } from "@xyflow/react";
import { useEffect, type RefObject } from "react";
import { nextInDirection, type Box, type Direction } from "./spatial";
import { useLatest } from "./use-latest";

const ARROWS: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

interface KeyActions {
  onOpen: (id: string) => void;
  onSelect: (id: string) => void;
  /** Escape on a node (or on the canvas, with `null`): collapse it, else clear the selection. */
  onEscape: (id: string | null) => void;
}

function nodeElement(root: HTMLElement, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/** Whether a key event goes to a form field (where the graph's shortcuts must not fire). */
export function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

/**
 * Keyboard navigation of the canvas: arrows move focus to the nearest node in that direction (panning to
 * it when it is off screen), Enter opens or expands, Space selects, Escape collapses or clears the
 * selection, `+`/`-` zoom and `0` fits the graph. Zoom keys work anywhere on the page but in form fields.
 */
export function useGraphKeys(root: RefObject<HTMLElement | null>, boxes: ReadonlyMap<string, Box>, focusId: string, actions: KeyActions): void {
  const flow = useReactFlow();
  // The handlers change on every render of the page; the listener reads the latest ones.
  const latest = useLatest(actions);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const focusNode = (id: string, attempt = 0) => {
      const target = nodeElement(el, id);
      const canvas = el.getBoundingClientRect();
      const rect = target?.getBoundingClientRect();
      const inView = rect && rect.left >= canvas.left && rect.right <= canvas.right && rect.top >= canvas.top && rect.bottom <= canvas.bottom;
      if (target && (inView || attempt > 0)) return target.focus();
      const box = boxes.get(id);
      if (attempt === 0 && box) void flow.setCenter(box.x + box.width / 2, box.y + Math.min(box.height, 80) / 2, { zoom: Math.max(flow.getZoom(), 0.8) });
      // Off-screen nodes are not rendered (onlyRenderVisibleElements): wait for the pan to mount it.
      if (attempt < 10) requestAnimationFrame(() => focusNode(id, attempt + 1));
    };
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "+" || e.key === "=") return void (e.preventDefault(), flow.zoomIn({ duration: 150 }));
      if (e.key === "-" || e.key === "_") return void (e.preventDefault(), flow.zoomOut({ duration: 150 }));
      if (e.key === "0") return void (e.preventDefault(), flow.fitView({ duration: 150 }));
      if (!(e.target instanceof Node) || !el.contains(e.target)) return;
      const current = (e.target as HTMLElement).closest?.(".react-flow__node")?.getAttribute("data-id") ?? null;
      const direction = ARROWS[e.key];
      if (direction) {
        e.preventDefault();
        const next = current ? nextInDirection(boxes, current, direction) : boxes.has(focusId) ? focusId : boxes.keys().next().value;
        if (next) focusNode(next);
        return;
      }
      if (e.key === "Escape") return void (e.preventDefault(), latest.current.onEscape(current));
      if (!current) return;
      if (e.key === "Enter") return void (e.preventDefault(), latest.current.onOpen(current));
      if (e.key === " ") return void (e.preventDefault(), latest.current.onSelect(current));
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [root, boxes, focusId, flow, latest]);
}
