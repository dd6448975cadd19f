"use client";
import type { ObjectKey } from "@/lib/client/api/objects";
import { useObjectDiagnostics } from "@/lib/client/api/diagnostics";
import { TextLink } from "./links";

/** Whether the diagnostic is placed at this object (its first involved object). */
function isHere(d: { cluster: string; namespace: string; name: string; kind: string }, o: ObjectKey): boolean {
  return d.cluster === o.cluster && d.namespace === o.namespace && d.name === o.name && (d.kind === o.kind || d.kind.split(".")[0] === o.kind);
}

const TONE = { error: "border-red-200 bg-red-50 text-red-900", warning: "border-amber-200 bg-amber-50 text-amber-900", info: "border-slate-200 bg-slate-50 text-slate-800" } as const;

/**
 * The validation diagnostics that involve this object (also those placed at another object, which are
 * marked with where they are placed), each code linking to its catalogue entry.
 */
export function ObjectDiagnostics({ objectKey }: { objectKey: ObjectKey }) {
  const { data, error } = useObjectDiagnostics(objectKey);
  if (error) return <p role="alert" className="text-sm text-red-700">Could not load diagnostics: {error.message}</p>;
  if (!data) return <p className="text-sm text-slate-500">Loading diagnostics…</p>;
  if (data.items.length === 0) return <p className="text-sm text-slate-500">No diagnostics.</p>;
  return (
    <ul className="space-y-2" data-testid="object-diagnostics">
      {data.items.map((d) => (
        <li key={`${d.code}|${d.field}|${d.message}`} className={`rounded border px-3 py-2 text-sm ${TONE[d.severity]}`}>
          <span className="mr-2 font-mono text-xs font-semibold"><TextLink href={`/catalogue#${d.code}`}>{d.code}</TextLink></span>
          <span className="mr-2 text-xs uppercase">{d.severity}</span>
          {d.message}
          {d.field && <span className="ml-1 font-mono text-xs">({d.field})</span>}
          {!isHere(d, objectKey) && (
            <span className="ml-1 text-xs">
              — at {d.kind.split(".")[0]} {d.namespace ? `${d.namespace}/` : ""}{d.name} ({d.cluster})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
