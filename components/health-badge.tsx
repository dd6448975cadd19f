import type { HealthStateView } from "@/lib/views/clusters";

const STYLE: Record<HealthStateView, string> = {
  Healthy: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  Connecting: "bg-slate-100 text-slate-700 ring-slate-500/20",
  Degraded: "bg-amber-50 text-amber-800 ring-amber-600/30",
  Stale: "bg-red-50 text-red-800 ring-red-600/30",
};

/** A cluster's health as a coloured label; the word is always shown, colour is never the only cue. */
export function HealthBadge({ state }: { state: HealthStateView }) {
  return <span className={`inline-flex rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[state]}`}>{state}</span>;
}
