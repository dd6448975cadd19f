"use client";
import { useParams, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { DetailPage, NotFound, Section } from "@/components/detail";
import { FindingsList } from "@/components/findings-list";
import { gatewayPaths, SummaryBadge } from "@/components/gateways/status";
import { RoutingTable } from "@/components/gateways/routing-table";
import { TextLink } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useGateway } from "@/lib/client/api/gateways";
import type { GatewayDetailView } from "@/lib/views/gateways";

const cell = "px-3 py-2 align-top";

function Listeners({ detail }: { detail: GatewayDetailView }) {
  return (
    <table aria-label="Listeners" className="w-full rounded border border-slate-200 bg-white text-left text-sm">
      <thead className="bg-slate-50 text-xs uppercase text-slate-600"><tr><th className={cell}>Listener</th><th className={cell}>Port</th><th className={cell}>Hostname</th><th className={cell}>Attached routes (computed / live)</th><th className={cell}>Conditions</th></tr></thead>
      <tbody>
        {detail.listeners.map((l) => (
          <tr key={l.name} className="border-t border-slate-100">
            <td className={cell}>{l.name}</td><td className={cell}>{l.protocol} {l.port}</td><td className={cell}>{l.hostname ?? "*"}</td>
            <td className={cell}>{l.attachedRoutes} / {l.liveAttachedRoutes ?? "—"}</td>
            <td className={`${cell} text-xs`}>{l.conditions.map((c) => `${c.type}=${c.status}`).join(", ") || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Routes({ detail }: { detail: GatewayDetailView }) {
  return (
    <table aria-label="Routes" className="w-full rounded border border-slate-200 bg-white text-left text-sm">
      <thead className="bg-slate-50 text-xs uppercase text-slate-600"><tr><th className={cell}>Route</th><th className={cell}>Attachment</th><th className={cell}>Computed status</th><th className={cell}>Live status</th><th className={cell}>Reasons</th></tr></thead>
      <tbody>
        {detail.routes.map((r) => (
          <tr key={`${r.ref.kind}/${r.ref.namespace}/${r.ref.name}`} data-testid={`route-${r.ref.name}`} className="border-t border-slate-100">
            <td className={cell}>{r.ref.kind} {r.ref.namespace}/{r.ref.name}</td>
            <td className={cell}>{r.attached ? `attached${r.listeners.length ? ` (${r.listeners.join(", ")})` : ""}` : <span className="font-medium text-red-800">refused</span>}</td>
            <td className={cell} data-testid="computed"><SummaryBadge summary={r.summary} /><div className="mt-1 font-mono text-xs">{r.computed.join("; ")}</div></td>
            <td className={cell} data-testid="live"><div className="font-mono text-xs">{r.live ? r.live.join("; ") : "no status written"}</div>{r.outcome && r.outcome !== "match" && <div className="text-xs text-amber-800">{r.outcome}</div>}</td>
            <td className={`${cell} text-xs`} data-testid="reasons">{r.reasons.join("; ") || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GatewayDetail() {
  const p = useParams<{ cluster: string; namespace: string; name: string }>();
  const kind = useSearchParams().get("kind") === "EdgeGateway" ? "EdgeGateway" : "Gateway";
  const [cluster, namespace, name] = [decodeURIComponent(p.cluster), decodeURIComponent(p.namespace), decodeURIComponent(p.name)];
  const query = useGateway(cluster, namespace, name, kind);
  if (query.error && "status" in query.error && query.error.status === 404) return <NotFound what={`${kind} ${namespace}/${name} in ${cluster}`} />;
  return (
    <QueryState query={query}>
      {(d) => (
        <DetailPage
          kind={d.item.kind === "Gateway" ? "Gateway API · Gateway" : "Gloo Edge · Gateway"}
          title={d.item.name}
          subtitle={`${d.item.cluster} · ${d.item.namespace} · class ${d.item.className}`}
          yaml={{ kind: d.item.kind === "Gateway" ? "Gateway.gateway.networking.k8s.io" : "Gateway.gateway.solo.io", cluster, namespace, name }}
          // The findings of the gateway, its listeners and the routes that name it, each placed at its object.
          diagnostics={<FindingsList findings={d.findings} at={{ cluster, group: d.item.kind === "Gateway" ? "gateway.networking.k8s.io" : "gateway.solo.io", kind: "Gateway", namespace, name }} />}
          facts={[
            ["Controller", d.item.controllerName ?? "unknown"],
            ["Computed status", <span key="s"><SummaryBadge summary={d.item.summary} /> <span className="font-mono text-xs">{d.conditions.join("; ")}</span></span>],
            ["Live status", <span key="l" className="font-mono text-xs">{d.liveConditions?.join("; ") ?? "no status written"}</span>],
            ["Routes", `${d.item.attachedRoutes} attached, ${d.item.refusedRoutes} refused`],
            ["Trace", <TextLink key="t" href={gatewayPaths.trace({ cluster, namespace, gateway: name, ...(kind === "EdgeGateway" ? { kind } : {}), host: "", path: "/" })}>trace a request through this gateway</TextLink>],
          ]}
        >
          <Section title="Listeners"><Listeners detail={d} /></Section>
          <Section title={`Routes (${d.routes.length})`}><Routes detail={d} /></Section>
          <Section title="Routing table"><RoutingTable table={d.table} /></Section>
        </DetailPage>
      )}
    </QueryState>
  );
}

export default function GatewayPage() {
  return <Suspense><GatewayDetail /></Suspense>;
}
