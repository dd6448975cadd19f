"use client";
import { useEffect, useRef } from "react";
import type { ConflictView } from "@/lib/views/drafts";
import { EntryDiff } from "./unified-diff";

interface ConflictDialogProps {
  conflict: ConflictView;
  canForce: boolean;
  busy: boolean;
  onReapply: () => void;
  onForce: () => void;
  onClose: () => void;
}

/**
 * Someone changed the object underneath the edit: what changed (base → live), who owns the fields this
 * change sets, and the live YAML. The person chooses: reload and reapply their edit, or (admins) force.
 */
export function ConflictDialog({ conflict, canForce, busy, onReapply, onForce, onClose }: ConflictDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const r = conflict.ref;
  return (
    <dialog ref={ref} aria-label="Conflict" onClose={onClose} className="m-auto w-[56rem] max-w-[95vw] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="max-h-[85vh] overflow-auto p-5">
        <h2 className="text-lg font-semibold">Changed underneath your edit</h2>
        <p className="mb-3 text-sm text-slate-600">
          {r.kind} {r.namespace ? `${r.namespace}/` : ""}
          {r.name} in {r.cluster}: {conflict.message}
          {conflict.baseResourceVersion !== conflict.liveResourceVersion && ` (resourceVersion ${conflict.baseResourceVersion ?? "—"} → ${conflict.liveResourceVersion ?? "—"})`}
        </p>
        <h3 className="mb-1 text-sm font-semibold text-slate-700">What changed underneath</h3>
        <div className="mb-3 rounded border border-slate-200 p-2" data-testid="changed-underneath">
          <EntryDiff entries={conflict.changedUnderneath} label="Changed underneath" />
        </div>
        {conflict.fields.length > 0 && (
          <>
            <h3 className="mb-1 text-sm font-semibold text-slate-700">Fields owned by another manager</h3>
            <table aria-label="Field owners" className="mb-3 text-left text-xs">
              <thead className="text-slate-500">
                <tr>
                  <th className="pr-6">Field</th>
                  <th>Manager</th>
                </tr>
              </thead>
              <tbody>
                {conflict.fields.map((f) => (
                  <tr key={`${f.field}${f.manager}`}>
                    <td className="pr-6 font-mono">{f.field}</td>
                    <td>{f.manager}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <details className="mb-4">
          <summary className="cursor-pointer text-sm font-semibold text-slate-700">Live YAML</summary>
          <pre data-testid="live-yaml" className="mt-1 max-h-72 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">{conflict.liveYaml}</pre>
        </details>
        <div className="flex gap-2">
          <button type="button" disabled={busy} onClick={onReapply} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
            Reload and reapply
          </button>
          {canForce && (
            <button type="button" disabled={busy} onClick={onForce} className="rounded border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">
              Force apply
            </button>
          )}
          <button type="button" onClick={() => ref.current?.close()} className="ml-auto rounded px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
