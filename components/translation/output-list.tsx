"use client";
import { stringify } from "yaml";
import type { DriftItem } from "@/lib/translate/drift";
import type { TranslationOutputView } from "@/lib/views/translation";
import { RefLink } from "../ref-link";

/** The key drift and outputs share: cluster, kind, namespace, name (API versions are one object). */
export const outputKey = (o: { cluster: string; kind: string; namespace: string; name: string }) => `${o.cluster}|${o.kind}|${o.namespace}|${o.name}`;

/** The in-page anchor of one output, so inputs can link to what they produce. */
export const outputAnchor = (o: { cluster: string; kind: string; namespace: string; name: string }) => `out-${o.cluster}-${o.kind}-${o.namespace}-${o.name}`;

const DRIFT_LABEL: Record<DriftItem["kind"], string> = { differs: "drifted", missing: "not live", orphaned: "orphaned" };
const DRIFT_TONE: Record<DriftItem["kind"], string> = { differs: "bg-red-50 text-red-800 ring-red-600/30", missing: "bg-slate-100 text-slate-700 ring-slate-500/20", orphaned: "bg-amber-50 text-amber-800 ring-amber-600/30" };

/** Whether the live object matches: "in sync", "drifted" (differs), "not live" (missing). */
export function DriftBadge({ drift }: { drift: DriftItem["kind"] | undefined }) {
  const tone = drift ? DRIFT_TONE[drift] : "bg-emerald-50 text-emerald-800 ring-emerald-600/20";
  return <span data-testid="drift" className={`inline-flex rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{drift ? DRIFT_LABEL[drift] : "in sync"}</span>;
}

function hostsOf(o: TranslationOutputView): string[] {
  const hosts = (o.object.spec as { hosts?: unknown } | undefined)?.hosts;
  return Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === "string") : [];
}

/** One output: summary line (click to open), then why it exists, its Gloo parents and its canonical YAML. */
function OutputItem({ output: o, drift }: { output: TranslationOutputView; drift: DriftItem["kind"] | undefined }) {
  const hosts = hostsOf(o);
  return (
    <li id={outputAnchor(o)} data-testid="output" className="rounded border border-slate-200 bg-white">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span className="font-medium">{o.name}</span>
          <span className="text-xs text-slate-500">{o.namespace} · {o.cluster}</span>
          {hosts.length > 0 && <span className="font-mono text-xs text-slate-600">{hosts.join(", ")}</span>}
          <DriftBadge drift={drift} />
        </summary>
        <div className="border-t border-slate-100 px-3 py-2 text-sm">
          <p className="mb-2 text-slate-700">{o.reason}</p>
          <div data-testid="parents" className="mb-2">
            <span className="mr-2 text-xs font-medium uppercase text-slate-500">Parents</span>
            <ul className="inline-flex flex-wrap gap-x-3">
              {o.parents.map((p, i) => (
                <li key={`${p.kind}/${p.namespace}/${p.name}/${p.cluster}/${i}`}>
                  <RefLink target={p} showCluster />
                </li>
              ))}
            </ul>
          </div>
          <pre data-testid="output-yaml" className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
            {stringify(o.object, { lineWidth: 0 })}
          </pre>
        </div>
      </details>
    </li>
  );
}

/** Outputs grouped by kind (the API answers them sorted by kind), each marked with its drift. */
export function OutputList({ outputs, drift }: { outputs: readonly TranslationOutputView[]; drift: ReadonlyMap<string, DriftItem["kind"]> }) {
  const groups = new Map<string, TranslationOutputView[]>();
  for (const o of outputs) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
  if (outputs.length === 0) return <p className="text-sm text-slate-500">No Istio outputs for this selection.</p>;
  return (
    <>
      {[...groups].map(([kind, list]) => (
        <section key={kind} aria-label={`${kind} outputs`} className="mb-4">
          <h3 className="mb-1 text-sm font-semibold">
            {kind} <span className="font-normal text-slate-500">({list.length})</span>
          </h3>
          <ul className="space-y-1">
            {list.map((o) => (
              <OutputItem key={outputKey(o)} output={o} drift={drift.get(outputKey(o))} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
