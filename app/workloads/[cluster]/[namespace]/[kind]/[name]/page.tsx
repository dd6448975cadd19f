"use client";
import { useParams } from "next/navigation";
import { DetailPage, NotFound, Section } from "@/components/detail";
import { LabelChips } from "@/components/labels";
import { TextLink, namespaceFromSegment, paths } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useDestinations } from "@/lib/client/api/destinations";
import { useWorkloads } from "@/lib/client/api/workloads";

export default function WorkloadDetailPage() {
  const p = useParams<{ cluster: string; namespace: string; kind: string; name: string }>();
  const [cluster, namespace, kind, name] = [decodeURIComponent(p.cluster), namespaceFromSegment(p.namespace), decodeURIComponent(p.kind), decodeURIComponent(p.name)];
  const workloads = useWorkloads({ cluster, namespace, name });
  const destinations = useDestinations({ cluster, namespace });
  return (
    <QueryState query={workloads}>
      {(data) => {
        const w = data.items.find((i) => i.kind === kind && i.namespace === namespace);
        if (!w) return <NotFound what={`${kind} ${namespace}/${name} in ${cluster}`} />;
        const serving = (destinations.data?.items ?? []).filter((d) => d.workloads.some((r) => r.kind === w.kind && r.name === w.name));
        return (
          <DetailPage
            kind={`Workload · ${w.kind}`}
            title={w.name}
            subtitle={`${w.cluster} · ${w.namespace} · discovered as ${w.discoveredName}`}
            yaml={{ kind: `${w.kind}.apps`, cluster, namespace, name }}
            facts={[
              ["Mesh", w.mesh ? <TextLink key="m" href={paths.mesh(w.mesh)}>{w.mesh.name} ({w.mesh.cluster})</TextLink> : "not in a mesh"],
              ["In the mesh because", <span key="i"><span className="font-mono text-xs">{w.injection}</span> — {w.injectionDetail}</span>],
              ["Pods", `${w.pods.ready} ready of ${w.pods.total}`],
              ["Service account", w.serviceAccountName || "— (unset)"],
              ["Pod labels", <LabelChips key="l" labels={w.podLabels} />],
            ]}
          >
            <Section title={`Destinations served (${serving.length})`}>
              {serving.length === 0 ? (
                <p className="text-sm text-slate-500">No Service selects this workload.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {serving.map((d) => (
                    <li key={d.name}>
                      <TextLink href={paths.destination(d)}>{d.name}</TextLink> <span className="text-slate-500">{d.localFqdn}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </DetailPage>
        );
      }}
    </QueryState>
  );
}
