"use client";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { TranslationOutputView, TranslationStatusView } from "@/lib/views/translation";
import { RefLink } from "../ref-link";
import { outputAnchor } from "./output-list";

const refKey = (r: ObjectRef) => `${r.cluster}|${r.group}|${r.kind}|${r.namespace}|${r.name}`;

const STATE_TONE = { ACCEPTED: "text-emerald-700", WARNING: "text-amber-700", INVALID: "text-red-700", FAILED: "text-red-700" } as const;

interface InputRow {
  ref: ObjectRef;
  outputs: TranslationOutputView[];
  status: TranslationStatusView | undefined;
}

/** Every input behind the shown outputs, with its predicted status and links to the outputs it shapes. */
export function InputList({ outputs, statuses }: { outputs: readonly TranslationOutputView[]; statuses: readonly TranslationStatusView[] }) {
  const byStatus = new Map(statuses.map((s) => [refKey(s.ref), s] as const));
  const rows = new Map<string, InputRow>();
  for (const o of outputs) {
    for (const p of o.parents) {
      const k = refKey(p);
      const row = rows.get(k) ?? { ref: p, outputs: [], status: byStatus.get(k) };
      if (!row.outputs.includes(o)) row.outputs.push(o);
      rows.set(k, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => `${a.ref.kind}/${a.ref.namespace}/${a.ref.name}/${a.ref.cluster}`.localeCompare(`${b.ref.kind}/${b.ref.namespace}/${b.ref.name}/${b.ref.cluster}`));
  if (sorted.length === 0) return <p className="text-sm text-slate-500">No inputs.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table aria-label="Inputs" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Input</th>
            <th scope="col" className="px-3 py-2 font-medium">Predicted status</th>
            <th scope="col" className="px-3 py-2 font-medium">Outputs</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={refKey(r.ref)} className="border-b border-slate-100 align-top last:border-0">
              <td className="whitespace-nowrap px-3 py-2"><RefLink target={r.ref} showCluster /></td>
              <td className="px-3 py-2">
                {r.status ? <span className={STATE_TONE[r.status.state]}>{r.status.state}</span> : <span className="text-slate-400">—</span>}
                {r.status?.messages.map((m) => <p key={m} className="text-xs text-slate-600">{m}</p>)}
              </td>
              <td className="px-3 py-2">
                <ul>
                  {r.outputs.map((o) => (
                    <li key={outputAnchor(o)}>
                      <a href={`#${outputAnchor(o)}`} className="text-indigo-700 hover:underline">{`${o.kind} ${o.namespace}/${o.name}`}</a>
                      <span className="text-xs text-slate-500"> ({o.cluster})</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
