"use client";
import { ViewportPortal } from "@xyflow/react";
import { memo, useMemo } from "react";
import type { GraphEdge } from "@/lib/graph";
import { edgePaths } from "./edge-paths";
import type { Box } from "./spatial";
import { EDGE_STYLE } from "./styles";

/**
 * A large graph's edges, drawn in flow coordinates inside React Flow's viewport (so panning and zooming
 * move them without a render): one line path and one arrowhead path per kind, in the colours and dashes
 * of the legend. They pass under the cards (packed graphs have many edges crossing other cards, over
 * which they would hide the labels) and above group frames; arrowheads end at the target's edge, so they
 * stay in sight. Strokes keep their width on screen, so edges stay visible when the whole graph is zoomed
 * out; while a search is on they fade with the cards that do not match.
 */
export const EdgeLayer = memo(function EdgeLayer({ edges, boxes, dimmed }: { edges: readonly GraphEdge[]; boxes: ReadonlyMap<string, Box>; dimmed: boolean }) {
  const paths = useMemo(() => edgePaths(edges, boxes), [edges, boxes]);
  return (
    <ViewportPortal>
      <svg data-testid="graph-edges" aria-hidden width="1" height="1" className="pointer-events-none absolute left-0 top-0 overflow-visible" style={{ zIndex: 0, opacity: dimmed ? 0.3 : 1 }}>
        {paths.map((p) => {
          const s = EDGE_STYLE[p.kind];
          return [
            <path key={`${p.kind}-lines`} d={p.lines} fill="none" stroke={s.color} strokeWidth={1.25} strokeDasharray={s.dash} vectorEffect="non-scaling-stroke" />,
            <path key={`${p.kind}-heads`} d={p.heads} fill={s.color} />,
          ];
        })}
      </svg>
    </ViewportPortal>
  );
});
