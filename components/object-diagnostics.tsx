"use client";
import type { ObjectKey } from "@/lib/client/api/objects";
import { useObjectDiagnostics } from "@/lib/client/api/diagnostics";
import { DiagnosticList } from "./diagnostic-list";

/** Whether the diagnostic is placed at this object (its first involved object). */
function isHere(d: { cluster: string; namespace: string; name: string; kind: string }, o: ObjectKey): boolean {
  return d.cluster === o.cluster && d.namespace === o.namespace && d.name === o.name && (d.kind === o.kind || d.kind.split(".")[0] === o.kind);
}

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
    <DiagnosticList
      items={data.items}
      testId="object-diagnostics"
      place={(d) => !isHere(d, objectKey) && <span className="ml-1 text-xs">— at {d.kind.split(".")[0]} {d.namespace ? `${d.namespace}/` : ""}{d.name} ({d.cluster})</span>}
    />
  );
}
