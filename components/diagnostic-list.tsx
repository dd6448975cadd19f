"use client";
import type { ReactNode } from "react";
import type { DiagnosticListItem } from "@/lib/views/diagnostics";
import { TextLink } from "./links";

/** Box colours per severity. */
export const DIAGNOSTIC_TONE = { error: "border-red-200 bg-red-50 text-red-900", warning: "border-amber-200 bg-amber-50 text-amber-900", info: "border-slate-200 bg-slate-50 text-slate-800" } as const;

/** Validation diagnostics as boxes: the code (linked to its catalogue entry), severity, message, field, and `place` after them. */
export function DiagnosticList({ items, testId, place }: { items: readonly DiagnosticListItem[]; testId: string; place: (d: DiagnosticListItem) => ReactNode }) {
  return (
    <ul className="space-y-2" data-testid={testId}>
      {items.map((d) => (
        <li key={`${d.code}|${d.kind}|${d.namespace}|${d.name}|${d.field}|${d.message}`} className={`rounded border px-3 py-2 text-sm ${DIAGNOSTIC_TONE[d.severity]}`}>
          <span className="mr-2 font-mono text-xs font-semibold"><TextLink href={`/catalogue#${d.code}`}>{d.code}</TextLink></span>
          <span className="mr-2 text-xs uppercase">{d.severity}</span>
          {d.message}
          {d.field && <span className="ml-1 font-mono text-xs [overflow-wrap:anywhere]">({d.field})</span>}
          {place(d)}
        </li>
      ))}
    </ul>
  );
}
