"use client";
import { Suspense } from "react";
import { Section } from "@/components/detail";
import { TextLink } from "@/components/links";
import { Picker } from "@/components/picker";
import { QueryState } from "@/components/query-state";
import { useSearchState } from "@/components/search-state";
import { InputList } from "@/components/translation/input-list";
import { OutputList, outputKey } from "@/components/translation/output-list";
import { useClusters } from "@/lib/client/api/clusters";
import { useDrift, useTranslation } from "@/lib/client/api/translation";
import { useWorkspaces } from "@/lib/client/api/workspaces";

const KEYS = ["cluster", "namespace", "workspace"] as const;

function Translation() {
  const [state, update] = useSearchState(KEYS);
  const clusters = useClusters().data?.items.map((c) => c.name) ?? [];
  const workspaces = useWorkspaces().data?.items.map((w) => w.name) ?? [];
  const broad = useTranslation({ workspace: state.workspace || undefined });
  const shown = useTranslation({ cluster: state.cluster || undefined, namespace: state.namespace || undefined, workspace: state.workspace || undefined });
  const drift = useDrift(state.cluster);
  const namespaces = [...new Set((broad.data?.outputs ?? []).filter((o) => !state.cluster || o.cluster === state.cluster).map((o) => o.namespace))].sort();
  const driftByKey = new Map((drift.data?.items ?? []).map((d) => [outputKey({ cluster: d.cluster, kind: d.ref.kind, namespace: d.ref.namespace, name: d.ref.name }), d.kind] as const));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Translation</h1>
      <p className="mb-4 text-sm text-slate-600">
        The Istio objects each cluster would get from the Gloo configuration, with the inputs behind each one and whether the live object matches. Predictions follow the{" "}
        <TextLink href="/translation-notes">translation notes</TextLink>; problems are on the <TextLink href="/validations">validations</TextLink> page.
      </p>
      <div className="mb-4 flex flex-wrap items-end gap-3 text-sm" role="group" aria-label="Selection">
        <Picker label="Cluster" value={state.cluster} anyLabel="All clusters" options={clusters} onChange={(cluster) => update({ cluster, namespace: "" })} />
        <Picker label="Namespace" value={state.namespace} anyLabel="All namespaces" options={namespaces} onChange={(namespace) => update({ namespace })} />
        <Picker label="Workspace" value={state.workspace} anyLabel="All workspaces" options={workspaces} onChange={(workspace) => update({ workspace, namespace: "" })} />
      </div>
      <QueryState query={shown}>
        {(t) => (
          <>
            <p className="mb-4 text-xs text-slate-500" data-testid="translation-counts">
              {t.counts.outputs} outputs · {Object.entries(t.counts.byKind).map(([k, n]) => `${n} ${k}`).join(", ") || "none"}
              {drift.data && ` · drift: ${drift.data.counts.differs} drifted, ${drift.data.counts.missing} not live, ${drift.data.counts.orphaned} orphaned`}
            </p>
            <Section title="Outputs">
              <OutputList outputs={t.outputs} drift={driftByKey} />
            </Section>
            <Section title="Inputs">
              <InputList outputs={t.outputs} statuses={broad.data?.statuses ?? t.statuses} />
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}

/** `/translation`: Istio outputs per cluster, namespace and workspace (state in the URL), with inputs and drift. */
export default function TranslationPage() {
  return (
    <Suspense>
      <Translation />
    </Suspense>
  );
}
