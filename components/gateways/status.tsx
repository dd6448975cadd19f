import type { StatusSummary } from "@/lib/gateways";

const TONE: Record<string, string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  degraded: "bg-amber-50 text-amber-800 ring-amber-600/30",
  failed: "bg-red-50 text-red-800 ring-red-600/30",
  "not-reconciled": "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** A computed gateway/route health word as a coloured label (the word is always shown). */
export function SummaryBadge({ summary }: { summary: StatusSummary | string }) {
  return <span data-testid="summary" className={`inline-flex rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[summary] ?? TONE["not-reconciled"]}`}>{summary}</span>;
}

/** Paths of the gateway pages. */
export const gatewayPaths = {
  gateway: (g: { cluster: string; namespace: string; name: string; kind: string }) =>
    `/gateways/${[g.cluster, g.namespace, g.name].map(encodeURIComponent).join("/")}${g.kind === "EdgeGateway" ? "?kind=EdgeGateway" : ""}`,
  trace: (params: Record<string, string>) => `/trace?${new URLSearchParams(params).toString()}`,
};
