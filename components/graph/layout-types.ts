/** What the layout worker receives: node sizes and parents, and edges. */
export interface LayoutRequest {
  id: number;
  nodes: { id: string; parent?: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}

/** Positions relative to the parent (as React Flow wants them), and sizes for group nodes. */
export interface LayoutResult {
  id: number;
  positions: Record<string, { x: number; y: number; width: number; height: number }>;
  error?: string;
}
