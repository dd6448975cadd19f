"use client";
import { stringify } from "yaml";
import { useObject, type ObjectKey } from "@/lib/client/api/objects";

/** The raw object as YAML, the way `kubectl get -o yaml` shows it. */
export function YamlView({ objectKey }: { objectKey: ObjectKey }) {
  const { data, isLoading, error } = useObject(objectKey);
  if (isLoading) return <p className="text-sm text-slate-500">Loading YAML…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">Could not load the object: {error.message}</p>;
  if (!data) return <p className="text-sm text-slate-500">The object is not in the snapshot.</p>;
  return (
    <pre data-testid="yaml" className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
      {stringify(data.object, { lineWidth: 0 })}
    </pre>
  );
}
