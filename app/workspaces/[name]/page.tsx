"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Section } from "@/components/detail";
import { QueryState } from "@/components/query-state";
import { RefLink } from "@/components/ref-link";
import { WorkspaceDiagnostics } from "@/components/workspace-diagnostics";
import { useWorkspace } from "@/lib/client/api/workspaces";

export default function WorkspacePage() {
  const name = decodeURIComponent(useParams<{ name: string }>().name);
  const query = useWorkspace(name);
  return (
    <QueryState query={query}>
      {(w) => (
        <article>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Workspace</p>
          <h1 className="text-2xl font-semibold tracking-tight">{w.name}</h1>
          <p className="mb-6 text-sm">
            <Link className="text-indigo-700 hover:underline" href={`/graph?view=workspace&name=${encodeURIComponent(w.name)}&expand=${encodeURIComponent(`ws:${w.name}`)}`}>Show in the graph</Link>
            {" · "}<Link className="text-indigo-700 hover:underline" href="/destinations">Destinations</Link>
            {" · "}<Link className="text-indigo-700 hover:underline" href={`/policies?workspace=${encodeURIComponent(w.name)}`}>Policies</Link>
            {" · "}<Link className="text-indigo-700 hover:underline" href={`/translation?workspace=${encodeURIComponent(w.name)}`}>Translation preview</Link>
            {" · "}<Link className="text-indigo-700 hover:underline" href={`/drafts?workspace=${encodeURIComponent(w.name)}`}>Drafts</Link>
          </p>
          <Section title="Clusters and namespaces">
            <ul className="space-y-1 text-sm">
              {w.clusters.map((c) => (
                <li key={c.name}>
                  <span className="font-medium">{c.name}</span>: {c.namespaces.map((n) => `${n.namespace}${n.configEnabled ? " (config)" : ""}`).join(", ") || "no namespaces"}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Settings">{w.settings ? <RefLink target={w.settings.ref} showCluster /> : <p className="text-sm text-slate-500">No WorkspaceSettings.</p>}</Section>
          <Section title={`Exported (${w.exported.length})`}>
            <ul className="space-y-1 text-sm">{w.exported.map((o) => <li key={`${o.ref.cluster}/${o.ref.kind}/${o.ref.namespace}/${o.ref.name}`}><RefLink target={o.ref} showCluster /> → {o.exportedTo.join(", ")}</li>)}</ul>
          </Section>
          <Section title={`Imported (${w.imported.length})`}>
            <ul className="space-y-1 text-sm">{w.imported.map((o) => <li key={`${o.ref.cluster}/${o.ref.kind}/${o.ref.namespace}/${o.ref.name}`}><RefLink target={o.ref} showCluster /> from {o.from}</li>)}</ul>
          </Section>
          <Section title={`Private (${w.private.length})`}>
            <ul className="space-y-1 text-sm">{w.private.map((o) => <li key={`${o.ref.cluster}/${o.ref.kind}/${o.ref.namespace}/${o.ref.name}`}><RefLink target={o.ref} showCluster /></li>)}</ul>
          </Section>
          <Section title={`Routes (${w.routes.length})`}>
            <ul className="space-y-1 text-sm">
              {w.routes.map((r) => (
                <li key={r.key}>
                  <RefLink target={r.table} /> route <span className="font-mono">{r.name || `#${r.index}`}</span> ({r.action})
                  {r.policies.length > 0 && <span> — policies: {r.policies.map((p) => <span key={p.policy.name} className={p.effective ? "" : "line-through"}><RefLink target={p.policy} /> </span>)}</span>}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Diagnostics"><WorkspaceDiagnostics workspace={w.name} /></Section>
        </article>
      )}
    </QueryState>
  );
}
