"use client";
import { useEffect, useState } from "react";
import { useBlastRadius } from "@/lib/client/api/drafts";
import { refKey, type ObjectRef } from "@/lib/snapshot/ref";
import { RefLink } from "../ref-link";
import { TextLink } from "../links";

/** Whether a kind's spec fields select things to apply to (Gloo v2 `applyTo*`, v1 `sourceSelector`/`destinationSelector`). */
export function selectsTargets(specKeys: readonly string[]): boolean {
  return specKeys.some((k) => k.startsWith("applyTo") || k === "sourceSelector" || k === "destinationSelector");
}

/** The value after it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** What the policy's selectors match now (debounced as the person types), with a link to see it on the graph. */
export function BlastRadiusPanel({ cluster, yaml }: { cluster: string; yaml: string }) {
  const text = useDebounced(yaml, 500);
  const { data, error, isFetching } = useBlastRadius({ cluster, yaml: text });
  const groups: [string, ObjectRef[]][] = data ? [["Routes", data.routes], ["Destinations", data.destinations], ["Workloads", data.workloads]] : [];
  const all = groups.flatMap(([, refs]) => refs);
  return (
    <section aria-label="Blast radius" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-900">
        Selects now {isFetching && <span className="font-normal normal-case text-amber-700">(updating…)</span>}
      </h3>
      {error && <p className="text-xs text-red-700">Could not compute the blast radius: {error.message}</p>}
      {data && (
        <>
          <div className="grid gap-2 sm:grid-cols-3" data-testid="blast-radius">
            {groups.map(([label, refs]) => (
              <div key={label}>
                <p className="text-xs font-medium text-slate-600">
                  {label} ({refs.length})
                </p>
                <ul className="text-xs">
                  {refs.slice(0, 20).map((r) => (
                    <li key={refKey(r)}>
                      <RefLink target={r} showCluster />
                    </li>
                  ))}
                  {refs.length > 20 && <li className="text-slate-500">and {refs.length - 20} more</li>}
                </ul>
              </div>
            ))}
          </div>
          {all.length > 0 && (
            <p className="mt-2 text-xs">
              <TextLink href={`/graph?highlight=${encodeURIComponent(all.map(refKey).join(","))}`}>Highlight on the graph</TextLink>
            </p>
          )}
        </>
      )}
    </section>
  );
}
