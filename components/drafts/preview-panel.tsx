"use client";
import { stringify } from "yaml";
import type { DraftPreview } from "@/lib/views/drafts";
import type { PreviewView } from "@/lib/views/translation";
import { refKey } from "@/lib/snapshot/ref";
import { Section } from "../detail";
import { BlastRadiusPanel } from "../editor/blast-radius";
import { RefLink } from "../ref-link";
import { EntryDiff, UnifiedDiff } from "./unified-diff";

/** The preview of the draft as it stands: per item its errors, dry run and diff; then the Istio outputs difference. */
export function PreviewPanel({ preview, yamls, clusters, onConflict }: { preview: DraftPreview; yamls: string[]; clusters: string[]; onConflict: (index: number) => void }) {
  return (
    <section aria-label="Preview" className="mt-6 rounded border border-slate-200 bg-slate-50 p-4">
      <h2 className="mb-2 text-lg font-semibold">
        Preview{" "}
        <span data-testid="preview-status" className={`ml-2 rounded px-2 py-0.5 text-xs ${preview.ok ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}>
          {preview.ok ? "ready to apply" : "not applicable"}
        </span>
      </h2>
      {preview.items.map((item) => (
        <article key={item.index} aria-label={`Item ${item.index + 1} preview`} className="mb-4 rounded border border-slate-200 bg-white p-3">
          <h3 className="mb-2 text-sm font-semibold">{item.ref ? <RefLink target={item.ref} showCluster /> : `Item ${item.index + 1}`}</h3>
          {item.fieldErrors.length > 0 && (
            <ul className="mb-2 list-disc pl-5 text-xs text-red-800" data-testid="preview-field-errors">
              {item.fieldErrors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          )}
          <p data-testid="dry-run" className={`mb-2 text-xs ${item.dryRun.ok ? "text-emerald-800" : "text-red-800"}`}>
            Dry run {item.dryRun.ok ? "passed" : "failed"}
            {item.dryRun.status !== null && ` (${item.dryRun.status})`}: {item.dryRun.message}
          </p>
          {item.conflict && (
            <p role="alert" className="mb-2 text-xs text-amber-900">
              Changed underneath: {item.conflict.message}{" "}
              <button type="button" onClick={() => onConflict(item.index)} className="text-indigo-700 underline">
                Show the conflict
              </button>
            </p>
          )}
          {item.ref?.kind.endsWith("Policy") && yamls[item.index] !== undefined && <BlastRadiusPanel cluster={clusters[item.index] ?? item.ref.cluster} yaml={yamls[item.index]!} />}
          <UnifiedDiff before={item.diff.before} after={item.diff.after} label={`Object diff of item ${item.index + 1}`} />
        </article>
      ))}
      {preview.translation ? <TranslationDiff t={preview.translation} /> : <p className="text-sm text-slate-600">No Istio preview: an item does not parse.</p>}
    </section>
  );
}

/** The Istio outputs a change adds, removes and modifies, per cluster and namespace, and validation changes. */
export function TranslationDiff({ t }: { t: PreviewView }) {
  const none = t.outputsAdded.length + t.outputsRemoved.length + t.outputsChanged.length === 0;
  return (
    <div aria-label="Istio output difference" role="region">
      <Section title="Istio outputs">
        {none && <p className="text-sm text-slate-600">No Istio output changes.</p>}
        {t.byNamespace.length > 0 && (
          <table className="mb-3 text-left text-xs" aria-label="Changes per namespace">
            <thead className="text-slate-500">
              <tr>
                <th className="pr-4">Cluster</th>
                <th className="pr-4">Namespace</th>
                <th className="pr-4">Added</th>
                <th className="pr-4">Removed</th>
                <th>Changed</th>
              </tr>
            </thead>
            <tbody>
              {t.byNamespace.map((n) => (
                <tr key={`${n.cluster}/${n.namespace}`}>
                  <td className="pr-4">{n.cluster}</td>
                  <td className="pr-4">{n.namespace}</td>
                  <td className="pr-4">{n.added}</td>
                  <td className="pr-4">{n.removed}</td>
                  <td>{n.changed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {t.outputsChanged.map((c) => (
          <details key={refKey(c.ref)} open data-testid="output-changed" className="mb-2 rounded border border-slate-200 bg-white p-2">
            <summary className="cursor-pointer text-sm">
              changed {c.ref.kind} {c.namespace}/{c.ref.name} <span className="text-slate-500">({c.cluster})</span>
            </summary>
            <EntryDiff entries={c.diff} label={`Changes of ${c.ref.kind} ${c.ref.name} in ${c.cluster}`} />
          </details>
        ))}
        {[...t.outputsAdded.map((o) => ["added", o] as const), ...t.outputsRemoved.map((o) => ["removed", o] as const)].map(([what, o]) => (
          <details key={`${what}${refKey(o.ref)}`} data-testid={`output-${what}`} className="mb-2 rounded border border-slate-200 bg-white p-2">
            <summary className="cursor-pointer text-sm">
              {what} {o.ref.kind} {o.namespace}/{o.ref.name} <span className="text-slate-500">({o.cluster})</span>
            </summary>
            <pre className="mt-1 max-h-64 overflow-auto font-mono text-xs">{stringify(o.object, { lineWidth: 0 })}</pre>
          </details>
        ))}
      </Section>
      <Section title="Validation changes">
        {t.diagnosticsAdded.length + t.diagnosticsRemoved.length === 0 && <p className="text-sm text-slate-600">No validation changes.</p>}
        <ul className="space-y-1 text-xs">
          {t.diagnosticsAdded.map((d, i) => (
            <li key={`a${i}`} data-testid="diagnostic-added" className="text-red-800">
              + {d.severity} {d.code}: {d.message}
            </li>
          ))}
          {t.diagnosticsRemoved.map((d, i) => (
            <li key={`r${i}`} data-testid="diagnostic-removed" className="text-emerald-800">
              − {d.severity} {d.code}: {d.message}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
