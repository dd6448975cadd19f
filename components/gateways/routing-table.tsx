"use client";
import type { BackendView, EdgeRoutingTableView, GatewayRoutingTableView } from "@/lib/gateways";

/** Backends as `kind ns/name:port share% (status)`. */
export function BackendList({ backends }: { backends: readonly BackendView[] }) {
  if (backends.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {backends.map((b, i) => (
        <li key={i} className={b.status >= 500 ? "text-red-800" : ""}>
          <span className="font-mono text-xs">{b.kind} {b.namespace ? `${b.namespace}/` : ""}{b.name}{b.port !== null ? `:${b.port}` : ""}</span>
          <span className="ml-1 text-xs">{b.share}%{b.detail.function ? ` · function ${b.detail.function}` : ""}</span>
          {b.reason && <span className="ml-1 text-xs">({b.status}: {b.reason})</span>}
        </li>
      ))}
    </ul>
  );
}

const cell = "px-3 py-2 align-top";

function GatewayTable({ table }: { table: GatewayRoutingTableView }) {
  return (
    <>
      {table.listeners.map((l) => l.vhosts.map((v) => (
        <table key={`${l.name}/${v.hostname}`} aria-label={`Routing table ${l.name} ${v.hostname}`} className="mb-4 w-full rounded border border-slate-200 bg-white text-left text-sm">
          <caption className="px-3 py-1 text-left text-xs text-slate-600">listener {l.name} ({l.protocol} {l.port}) · virtual host {v.hostname}</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600"><tr><th className={cell}>Route</th><th className={cell}>Match</th><th className={cell}>Filters</th><th className={cell}>Backends</th><th className={cell}>Notes</th></tr></thead>
          <tbody>
            {v.rows.map((r, i) => (
              <tr key={i} className={`border-t border-slate-100 ${r.valid ? "" : "text-slate-400"}`}>
                <td className={cell}>{r.route.kind} {r.route.namespace}/{r.route.name} #{r.rule}</td>
                <td className={`${cell} font-mono text-xs`}>{r.matchText}</td>
                <td className={`${cell} text-xs`}>{r.filters.join(", ") || "—"}{r.policies.length > 0 && <div>{r.policies.map((p) => `${p.kind} ${p.name} (${p.fields.join(", ")})`).join("; ")}</div>}</td>
                <td className={cell}><BackendList backends={r.backends} /></td>
                <td className={`${cell} text-xs`}>{r.reason ?? (r.shadowedBy ? `never reached: ${r.shadowedBy.route.name} #${r.shadowedBy.rule} takes it` : r.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )))}
    </>
  );
}

function EdgeTable({ table }: { table: EdgeRoutingTableView }) {
  return (
    <>
      {table.virtualServices.map((v) => (
        <table key={`${v.namespace}/${v.name}`} aria-label={`Routing table ${v.name}`} className="mb-4 w-full rounded border border-slate-200 bg-white text-left text-sm">
          <caption className="px-3 py-1 text-left text-xs text-slate-600">VirtualService {v.namespace}/{v.name} · domains {v.domains.join(", ")} · in order, first match wins</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600"><tr><th className={cell}>Route</th><th className={cell}>Matchers</th><th className={cell}>Action</th><th className={cell}>Backends</th></tr></thead>
          <tbody>
            {v.routes.map((r, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className={`${cell} text-xs`}>{r.chain.join(" → ")}</td>
                <td className={`${cell} font-mono text-xs`}>{r.matchers.join(" | ")}</td>
                <td className={cell}>{r.action}</td>
                <td className={cell}><BackendList backends={r.backends} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** The effective routing table of a Gateway API or Gloo Edge gateway. */
export function RoutingTable({ table }: { table: GatewayRoutingTableView | EdgeRoutingTableView | null }) {
  if (!table) return <p className="text-sm text-slate-500">No routing table.</p>;
  return table.gateway.kind === "Gateway" ? <GatewayTable table={table as GatewayRoutingTableView} /> : <EdgeTable table={table as EdgeRoutingTableView} />;
}
