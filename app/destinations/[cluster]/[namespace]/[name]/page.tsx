"use client";
import { useParams } from "next/navigation";
import { DataTable } from "@/components/data-table";
import { DetailPage, NotFound, Section } from "@/components/detail";
import { LabelChips } from "@/components/labels";
import { TextLink, namespaceFromSegment, paths } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { SubsetChips } from "@/components/subsets";
import { useDestination } from "@/lib/client/api/destinations";

export default function DestinationDetailPage() {
  const p = useParams<{ cluster: string; namespace: string; name: string }>();
  const [cluster, namespace, name] = [decodeURIComponent(p.cluster), namespaceFromSegment(p.namespace), decodeURIComponent(p.name)];
  const destination = useDestination(cluster, namespace, name);
  return (
    <QueryState query={destination}>
      {() => {
        const d = destination.item;
        if (!d) return <NotFound what={`Service ${namespace}/${name} in ${cluster}`} />;
        return (
          <DetailPage
            kind="Destination · Service"
            title={d.name}
            subtitle={`${d.cluster} · ${d.namespace} · discovered as ${d.discoveredName}`}
            yaml={{ kind: "Service", cluster, namespace, name }}
            facts={[
              ["Local FQDN", <span key="f" className="font-mono">{d.localFqdn}</span>],
              ["Mesh", <TextLink key="m" href={paths.mesh(d.mesh)}>{d.mesh.name} ({d.mesh.cluster})</TextLink>],
              ["Type", d.serviceType],
              ["Subsets", <SubsetChips key="s" subsets={d.subsets} />],
              ["Selector", <LabelChips key="sel" labels={d.workloadSelectorLabels} />],
              ["Labels", <LabelChips key="lab" labels={d.labels} />],
              ["Region", d.region || "—"],
              ...(d.annotatedOnly ? ([["Discovered by", "the discovery.mesh.gloo.solo.io/enabled annotation (no subsets or endpoints)"]] as [string, string][]) : []),
            ]}
          >
            <Section title="Ports">
              <DataTable label="Ports" rows={d.ports} rowKey={(p) => String(p.port)} columns={[{ accessorKey: "name", header: "Name" }, { accessorKey: "port", header: "Port" }, { accessorKey: "protocol", header: "Protocol" }, { accessorKey: "appProtocol", header: "App protocol" }, { accessorKey: "targetPort", header: "Target port" }]} />
            </Section>
            <Section title={`Backing workloads (${d.workloads.length})`}>
              <ul className="space-y-1 text-sm">
                {d.workloads.map((w) => (
                  <li key={`${w.kind}/${w.name}`}>
                    <TextLink href={paths.workload(w)}>{w.name}</TextLink> <span className="text-slate-500">{w.kind}</span>
                  </li>
                ))}
              </ul>
            </Section>
            <Section title={`Ready endpoints (${d.endpoints.length})`}>
              <DataTable label="Endpoints" rows={d.endpoints} rowKey={(e) => e.ipAddress} columns={[{ accessorKey: "ipAddress", header: "Address" }, { id: "labels", header: "Labels", cell: ({ row }) => <LabelChips labels={row.original.labels} /> }, { id: "zone", header: "Zone", accessorFn: (e) => e.subLocality?.zone ?? "" }]} />
            </Section>
          </DetailPage>
        );
      }}
    </QueryState>
  );
}
