"use client";
import type { ApplyResult } from "@/lib/views/drafts";
import { RefLink } from "../ref-link";

/** What apply did, item by item (it stops at the first failure). */
export function ApplyResults({ result, onConflict }: { result: ApplyResult; onConflict: (index: number) => void }) {
  return (
    <section aria-label="Apply result" className={`mt-6 rounded border p-4 ${result.ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50"}`}>
      <h2 className="mb-2 text-lg font-semibold" data-testid="apply-status">
        {result.ok ? "Applied" : "Apply failed"}
      </h2>
      <ul className="space-y-2 text-sm">
        {result.items.map((it) => (
          <li key={it.index} data-testid="apply-item">
            <span className={it.ok ? "text-emerald-800" : "text-red-800"}>{it.ok ? "✓" : "✗"}</span> <RefLink target={it.ref} showCluster /> — {it.status} {it.message}
            {it.causes.length > 0 && (
              <ul className="list-disc pl-6 text-xs text-red-800">
                {it.causes.map((c, i) => (
                  <li key={i}>{c.message}</li>
                ))}
              </ul>
            )}
            {it.conflict && (
              <button type="button" onClick={() => onConflict(it.index)} className="ml-2 text-xs text-indigo-700 underline">
                Show the conflict
              </button>
            )}
          </li>
        ))}
      </ul>
      {result.ok && <p className="mt-2 text-xs text-slate-600">The change comes back through the cluster&apos;s watch; pages update when it arrives.</p>}
    </section>
  );
}
