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
 * of the legend, above the nodes as React Flow's own edges are. Strokes keep their width on screen, so
 * edges stay visible when the whole graph is zoomed out.
 */
export const EdgeLayer = memo(function EdgeLayer({ edges, boxes }: { edges: readonly GraphEdge[]; boxes: ReadonlyMap<string, Box> }) {
  const paths = useMemo(() => edgePaths(edges, boxes), [edges, boxes]);
  return (
    <ViewportPortal>
      <svg data-testid="graph-edges" aria-hidden width="1" height="1" className="pointer-events-none absolute left-0 top-0 overflow-visible" style={{ zIndex: 2 }}>
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
