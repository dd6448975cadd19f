"use client";
import { useParams } from "next/navigation";
import { DetailPage, NotFound, Section } from "@/components/detail";
import { LabelChips } from "@/components/labels";
import { TextLink, namespaceFromSegment, paths } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useMesh } from "@/lib/client/api/meshes";
import { useWorkloads } from "@/lib/client/api/workloads";

export default function MeshDetailPage() {
  const p = useParams<{ cluster: string; namespace: string; name: string }>();
  const [cluster, namespace, name] = [decodeURIComponent(p.cluster), namespaceFromSegment(p.namespace), decodeURIComponent(p.name)];
  const mesh = useMesh(cluster, namespace, name);
  const workloads = useWorkloads({ cluster });
  return (
    <QueryState query={mesh}>
      {() => {
        const m = mesh.item;
        if (!m) return <NotFound what={`Mesh ${namespace}/${name} in ${cluster}`} />;
        const members = (workloads.data?.items ?? []).filter((w) => w.mesh?.name === m.name && w.mesh.namespace === m.namespace);
        return (
          <DetailPage
            kind="Istio mesh"
            title={m.name}
            subtitle={`${m.cluster} · ${m.namespace} · discovered as ${m.discoveredName}`}
            yaml={{ kind: "Deployment.apps", cluster, namespace, name }}
            facts={[
              ["Version", <span key="v" className="font-mono">{m.version}</span>],
              ["Revision", m.revision || "default (none)"],
              ["Trust domain", `${m.effectiveTrustDomain}${m.trustDomain ? "" : " (not set: Istio's default)"}`],
              ["Mesh config", `ConfigMap ${m.meshConfigMap}`],
              ["istiod service account", m.istiodServiceAccount || "—"],
              ["Smart DNS proxying", m.smartDnsProxyingEnabled ? "enabled" : "disabled"],
              ["Region", m.installation.region || "—"],
              ["Pod labels", <LabelChips key="l" labels={m.installation.podLabels} />],
            ]}
          >
            <Section title={`Workloads in this mesh (${members.length})`}>
              <ul className="grid grid-cols-2 gap-1 text-sm lg:grid-cols-3">
                {members.map((w) => (
                  <li key={`${w.namespace}/${w.kind}/${w.name}`}>
                    <TextLink href={paths.workload(w)}>{w.namespace}/{w.name}</TextLink>
                  </li>
                ))}
              </ul>
            </Section>
          </DetailPage>
        );
      }}
    </QueryState>
  );
}
