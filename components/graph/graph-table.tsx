import type { Graph } from "@/lib/graph";
import { EDGE_STYLE } from "./styles";

/** The same data as the graph, as tables: every edge with what flows along it, and every node. */
export function GraphTable({ graph }: { graph: Graph }) {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return (
    <div className="space-y-6">
      <table aria-label="Graph edges" className="w-full rounded border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2">From</th>
            <th className="px-3 py-2">Relation</th>
            <th className="px-3 py-2">To</th>
            <th className="px-3 py-2">What</th>
          </tr>
        </thead>
        <tbody>
          {graph.edges
            .filter((e) => e.kind !== "contains")
            .map((e) => (
              <tr key={e.id} className="border-t border-slate-100">
                <td className="px-3 py-1.5">{label.get(e.source) ?? e.source}</td>
                <td className="px-3 py-1.5">{EDGE_STYLE[e.kind].label}</td>
                <td className="px-3 py-1.5">{label.get(e.target) ?? e.target}</td>
                <td className="px-3 py-1.5 text-slate-600">{e.label}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <table aria-label="Graph nodes" className="w-full rounded border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2">Node</th>
            <th className="px-3 py-2">Kind</th>
            <th className="px-3 py-2">Inside</th>
            <th className="px-3 py-2">Counts</th>
          </tr>
        </thead>
        <tbody>
          {graph.nodes.map((n) => (
            <tr key={n.id} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{n.label}</td>
              <td className="px-3 py-1.5">{n.kind}</td>
              <td className="px-3 py-1.5">{n.parent ? label.get(n.parent) : ""}</td>
              <td className="px-3 py-1.5 text-slate-600">{Object.entries(n.counts ?? {}).map(([k, v]) => `${v} ${k}`).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
