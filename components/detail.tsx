"use client";
import type { ReactNode } from "react";
import type { ObjectKey } from "@/lib/client/api/objects";
import { ObjectActions } from "./drafts/object-actions";
import { ObjectDiagnostics } from "./object-diagnostics";
import { YamlView } from "./yaml-view";

/**
 * The frame of every detail page: heading, facts, related objects, validation diagnostics, raw YAML.
 * `diagnostics` replaces the diagnostics that involve the object where a page knows a wider set (a gateway's routes).
 */
export function DetailPage({ kind, title, subtitle, facts, children, yaml, diagnostics }: { kind: string; title: string; subtitle: string; facts: [string, ReactNode][]; children?: ReactNode; yaml: ObjectKey; diagnostics?: ReactNode }) {
  return (
    <article>
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{kind}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        </div>
        <ObjectActions objectKey={yaml} />
      </div>
      <p className="mb-6 text-sm text-slate-600">{subtitle}</p>
      <Section title="Fields">
        <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      {children}
      <Section title="Diagnostics">
        {diagnostics ?? <ObjectDiagnostics objectKey={yaml} />}
      </Section>
      <Section title="YAML">
        <YamlView objectKey={yaml} />
      </Section>
    </article>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h2>
      {children}
    </section>
  );
}

export function NotFound({ what }: { what: string }) {
  return <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{what} is not in the current snapshot. It may have been deleted, or its cluster may still be syncing.</p>;
}
