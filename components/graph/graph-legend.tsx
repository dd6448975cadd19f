import type { Graph } from "@/lib/graph";
import { EDGE_STYLE, NODE_STYLE } from "./styles";

const KEYS: [string, string][] = [
  ["Tab", "focus the graph, then a node"],
  ["← ↑ → ↓", "move to the nearest node that way"],
  ["Enter", "open or expand the node"],
  ["Space", "select it (details on the right)"],
  ["Esc", "collapse it, else clear the selection"],
  ["/", "search"],
  ["+ −", "zoom in and out; 0 fits the graph"],
];

/** What the colours and lines mean, and the keys the graph answers to. */
export function GraphLegend({ graph }: { graph?: Graph }) {
  // Only what the shown graph uses (everything until it is there).
  const nodeKinds = graph ? new Set<string>(graph.nodes.map((n) => n.kind)) : null;
  const edgeKinds = graph ? new Set<string>(graph.edges.map((e) => e.kind)) : null;
  return (
    <section aria-label="Legend" className="rounded border border-slate-200 bg-white p-3 text-xs">
      <h2 className="mb-2 font-semibold uppercase tracking-wide text-slate-600">Legend</h2>
      <ul className="space-y-1">
        {Object.entries(EDGE_STYLE)
          .filter(([k]) => k !== "contains" && (!edgeKinds || edgeKinds.has(k)))
          .map(([kind, s]) => (
            <li key={kind} className="flex items-center gap-2">
              <svg width="28" height="8" aria-hidden>
                <line x1="0" y1="4" x2="28" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
              </svg>
              {s.label}
            </li>
          ))}
        {Object.entries(NODE_STYLE)
          .filter(([k]) => !nodeKinds || nodeKinds.has(k))
          .map(([kind, s]) => (
          <li key={kind} className="flex items-center gap-2">
            <span className={`inline-block h-3 w-6 rounded-sm border ${s.className}`} aria-hidden />
            {s.label}
          </li>
          ))}
        <li className="flex items-center gap-2">
          <span className="inline-block h-3 w-6 rounded-sm border ring-2 ring-rose-500" aria-hidden />
          highlighted (linked from another page)
        </li>
      </ul>
      <h2 className="mb-2 mt-3 font-semibold uppercase tracking-wide text-slate-600">Keyboard</h2>
      <dl aria-label="Keyboard shortcuts" className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
        {KEYS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px]">{key}</kbd>
            </dt>
            <dd className="text-slate-700">{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
