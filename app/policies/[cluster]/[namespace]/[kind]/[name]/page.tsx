"use client";
import { useParams } from "next/navigation";
import { DetailPage, NotFound, Section } from "@/components/detail";
import { namespaceFromSegment } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { RefLink } from "@/components/ref-link";
import { usePolicies } from "@/lib/client/api/policies";

export default function PolicyPage() {
  const p = useParams<{ cluster: string; namespace: string; kind: string; name: string }>();
  const [cluster, namespace, kind, name] = [decodeURIComponent(p.cluster), namespaceFromSegment(p.namespace), decodeURIComponent(p.kind), decodeURIComponent(p.name)];
  const query = usePolicies({ cluster, namespace, name });
  return (
    <QueryState query={query}>
      {(data) => {
        const policy = data.items.find((i) => i.kind === kind);
        if (!policy) return <NotFound what={`${kind} ${namespace}/${name} in ${cluster}`} />;
        return (
          <DetailPage
            kind={`Policy · ${policy.kind}`}
            title={policy.name}
            subtitle={`${policy.cluster} · ${policy.namespace} · workspace ${policy.workspace}`}
            yaml={{ kind: `${policy.kind}.${policy.group}`, cluster, namespace, name }}
            facts={[
              ["Workspace", policy.workspace],
              ["In effect on", `${policy.effectiveTargets} target(s)`],
              ["Overridden by", policy.overriddenBy.length ? policy.overriddenBy.map((r) => r.name).join(", ") : "none"],
            ]}
          >
            <Section title={`Selected routes (${policy.routes.length})`}>
              <ul className="space-y-1 text-sm" data-testid="selected-routes">
                {policy.routes.map((r) => (
                  <li key={r.route.key}>
                    <RefLink target={r.route.table} /> route <span className="font-mono">{r.route.name || `#${r.route.index}`}</span>
                    {!r.effective && <span className="ml-2 text-xs text-amber-800">(not in effect: an older policy wins)</span>}
                  </li>
                ))}
              </ul>
            </Section>
            <Section title={`Selected destinations (${policy.destinations.length + policy.routeDestinations.length})`}>
              <ul className="space-y-1 text-sm" data-testid="selected-destinations">
                {policy.destinations.map((d) => <li key={`${d.destination.cluster}/${d.destination.kind}/${d.destination.namespace}/${d.destination.name}`}><RefLink target={d.destination} showCluster />{!d.effective && <span className="ml-2 text-xs text-amber-800">(not in effect)</span>}</li>)}
                {policy.routeDestinations.map((d) => <li key={`${d.route.key}>${d.destination.name}`}><RefLink target={d.destination} showCluster /> on route {d.route.name}</li>)}
              </ul>
            </Section>
            {policy.workloads.length > 0 && (
              <Section title={`Selected workloads (${policy.workloads.length})`}>
                <ul className="space-y-1 text-sm">{policy.workloads.map((w) => <li key={`${w.cluster}/${w.namespace}/${w.name}`}><RefLink target={w} showCluster /></li>)}</ul>
              </Section>
            )}
          </DetailPage>
        );
      }}
    </QueryState>
  );
}
