import { EDGE_STYLE, NODE_STYLE } from "./styles";

/** What the colours and lines mean. */
export function GraphLegend() {
  return (
    <section aria-label="Legend" className="rounded border border-slate-200 bg-white p-3 text-xs">
      <h2 className="mb-2 font-semibold uppercase tracking-wide text-slate-600">Legend</h2>
      <ul className="space-y-1">
        {Object.entries(EDGE_STYLE)
          .filter(([k]) => k !== "contains")
          .map(([kind, s]) => (
            <li key={kind} className="flex items-center gap-2">
              <svg width="28" height="8" aria-hidden>
                <line x1="0" y1="4" x2="28" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
              </svg>
              {s.label}
            </li>
          ))}
        {Object.entries(NODE_STYLE).map(([kind, s]) => (
          <li key={kind} className="flex items-center gap-2">
            <span className={`inline-block h-3 w-6 rounded-sm border ${s.className}`} aria-hidden />
            {s.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
