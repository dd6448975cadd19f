"use client";
import type { ReactNode } from "react";
import type { TraceView } from "@/lib/views/upstreams";
import { Section } from "../detail";
import { BackendList } from "./routing-table";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** What happened to a traced request: listener, route and rule, backends and their resolution, near misses. */
export function TraceResultView({ trace: t }: { trace: TraceView }) {
  const ok = t.status < 400;
  return (
    <div data-testid="trace-result">
      <p data-testid="trace-status" className={`mb-4 inline-block rounded px-2 py-1 text-sm font-semibold ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
        {t.status} {t.status === 404 ? "no route matches" : t.status >= 500 ? "backend error" : t.redirect ? "redirect" : "forwarded"}
      </p>
      <Section title="Path taken">
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="trace-path">
          <Fact label="Gateway">{t.gateway ? `${t.gateway.kind === "EdgeGateway" ? "Gloo Edge " : ""}Gateway ${t.gateway.namespace}/${t.gateway.name} (${t.cluster})` : "none"}</Fact>
          <Fact label="Listener">{t.listener ? `${t.listener.name} (${t.listener.protocol} ${t.listener.port}, hostname ${t.listener.hostname ?? "*"})` : "none"}</Fact>
          <Fact label="Virtual host">{t.vhost ?? "none"}</Fact>
          <Fact label="Route"><span data-testid="trace-route">{t.route ? `${t.route.kind} ${t.route.namespace}/${t.route.name} rule ${t.route.rule}${t.route.ruleName ? ` (${t.route.ruleName})` : ""}, match ${t.route.match}: ${t.route.matchText}` : "no route matched"}</span></Fact>
          {t.delegation.length > 0 && <Fact label="Delegation">{t.delegation.map((d) => `${d.kind} ${d.namespace}/${d.name} #${d.rule}`).join(" → ")}</Fact>}
          {t.redirect && <Fact label="Redirect">{t.redirect.status} → {t.redirect.location}</Fact>}
          {t.rewrite && <Fact label="Rewrite">host {t.rewrite.host}, path {t.rewrite.path}</Fact>}
          {t.directResponse && <Fact label="Direct response">{t.directResponse.status} {t.directResponse.body ?? ""}</Fact>}
        </dl>
      </Section>
      <Section title="Backends"><div data-testid="trace-backends" className="text-sm"><BackendList backends={t.backends} /></div></Section>
      {t.resolutions.length > 0 && (
        <Section title="Hostname resolution">
          <ul className="space-y-2 text-sm" data-testid="trace-resolution">
            {t.resolutions.map((r) => (
              <li key={r.backend}>
                Hostname <span className="font-mono">{r.backend}</span> → VirtualDestination <span className="font-mono">{r.virtualDestination.namespace}/{r.virtualDestination.name}</span> ({r.virtualDestination.cluster})
                <ul className="ml-6 list-disc">
                  {r.clusters.map((c) => (
                    <li key={c.cluster} data-testid={`resolution-${c.cluster}`}>{c.cluster}: {c.workloads.map((w) => `${w.namespace}/${w.name}${Object.keys(w.subsetLabels).length ? ` (${Object.entries(w.subsetLabels).map(([k, v]) => `${k}=${v}`).join(", ")})` : ""}`).join(", ")}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {(t.policies.length > 0 || Object.keys(t.options).length > 0) && (
        <Section title="Policies and options">
          <ul className="space-y-1 text-sm" data-testid="trace-policies">
            {t.policies.map((p, i) => <li key={i}>{p.kind} {p.namespace}/{p.name} via {p.via} ({p.level}): {p.fields.join(", ")}{p.overridden.length ? `; overridden: ${p.overridden.join(", ")}` : ""}</li>)}
          </ul>
        </Section>
      )}
      <Section title={`Near misses (${t.nearMisses.length})`}>
        {t.nearMisses.length === 0 ? <p className="text-sm text-slate-500">None.</p> : (
          <ul className="space-y-1 text-sm" data-testid="trace-near-misses">
            {t.nearMisses.map((m, i) => <li key={i}>{m.route.kind} {m.route.namespace}/{m.route.name} rule {m.rule}: {m.reason}</li>)}
          </ul>
        )}
      </Section>
      <Section title="Why">
        <ol className="list-decimal space-y-1 pl-6 text-sm text-slate-700" data-testid="trace-notes">{t.notes.map((n, i) => <li key={i}>{n}</li>)}</ol>
      </Section>
    </div>
  );
}
