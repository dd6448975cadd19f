"use client";
import { createTwoFilesPatch } from "diff";
import { useMemo } from "react";
import type { DiffEntry } from "@/lib/diff";

/** Two YAML texts as a unified diff (the `diff` package), coloured by line. */
export function UnifiedDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = useMemo(() => createTwoFilesPatch("live", "draft", before, after, "", "", { context: 3 }).split("\n").filter((l) => !l.startsWith("====")), [before, after]);
  if (before === after) return <p className="text-xs text-slate-500">No change to the object.</p>;
  return (
    <pre aria-label={label} data-testid="object-diff" className="max-h-96 overflow-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs leading-5">
      {lines.map((l, i) => (
        <div key={i} className={l.startsWith("+") ? "bg-emerald-50 text-emerald-900" : l.startsWith("-") ? "bg-red-50 text-red-900" : l.startsWith("@@") ? "text-indigo-700" : "text-slate-700"}>
          {l || " "}
        </div>
      ))}
    </pre>
  );
}

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** A structured diff (JSON-pointer paths with both sides), one line per change. */
export function EntryDiff({ entries, label }: { entries: readonly DiffEntry[]; label: string }) {
  if (entries.length === 0) return <p className="text-xs text-slate-500">No change.</p>;
  return (
    <table aria-label={label} className="w-full text-left font-mono text-xs">
      <tbody>
        {entries.map((e, i) => (
          <tr key={i} data-testid="diff-entry" className="border-b border-slate-100 align-top last:border-0">
            <td className="py-0.5 pr-2 text-slate-500">{e.op}</td>
            <td className="pr-2">{e.path}</td>
            <td className="pr-2 text-red-800">{show(e.before)}</td>
            <td className="pr-1 text-slate-400">→</td>
            <td className="text-emerald-800">{show(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
