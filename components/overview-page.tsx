"use client";
import { ClusterTable } from "@/components/cluster-table";
import { Section } from "@/components/detail";
import { TextLink, paths } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useClusters } from "@/lib/client/api/clusters";
import { useMeshes } from "@/lib/client/api/meshes";

/** The platform view: every cluster and mesh. */
export function OverviewPage() {
  const clusters = useClusters();
  const meshes = useMeshes();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Overview</h1>
      <p className="mb-6 text-sm text-slate-600">Every registered cluster and the Istio meshes running in them, live.</p>
      <Section title="Clusters">
        <QueryState query={clusters}>{(data) => <ClusterTable clusters={data.items} />}</QueryState>
      </Section>
      <Section title="Istio meshes">
        <QueryState query={meshes}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="text-sm text-slate-500">No Istio control plane found in any cluster.</p>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Istio meshes">
                {data.items.map((m) => (
                  <li key={`${m.cluster}/${m.namespace}/${m.name}`} className="rounded border border-slate-200 bg-white p-4" data-testid="mesh-card">
                    <div className="flex items-baseline justify-between">
                      <TextLink href={paths.mesh(m)}>{m.name}</TextLink>
                      <span className="text-xs text-slate-500">{m.cluster}</span>
                    </div>
                    <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
                      <dt className="text-slate-500">Istio</dt>
                      <dd className="font-mono text-xs" data-testid="mesh-version">{m.version}</dd>
                      <dt className="text-slate-500">Revision</dt>
                      <dd>{m.revision || "default"}</dd>
                      <dt className="text-slate-500">Trust domain</dt>
                      <dd className="font-mono text-xs">{m.effectiveTrustDomain}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Section>
    </>
  );
}
