"use client";
import { useState, type FormEvent } from "react";
import type { TraceInput } from "@/lib/client/api/gateways";
import type { DraftSummary } from "@/lib/views/drafts";
import type { GatewayListItem } from "@/lib/views/gateways";
import { HydrationGate } from "../hydration-gate";

/** The trace form's state, exactly what the URL carries (shareable). */
export interface TraceParams {
  cluster: string;
  namespace: string;
  gateway: string;
  kind: string;
  method: string;
  host: string;
  port: string;
  path: string;
  /** One `name: value` per line. */
  headers: string;
  /** One `name=value` per line. */
  query: string;
  /** Trace as if this draft were applied (its id), or "" for the configuration as it is. */
  draft: string;
}

const KEYS: (keyof TraceParams)[] = ["cluster", "namespace", "gateway", "kind", "method", "host", "port", "path", "headers", "query", "draft"];

/** Reads the form state from URL search parameters. */
export function paramsFromSearch(search: URLSearchParams): TraceParams {
  const p = Object.fromEntries(KEYS.map((k) => [k, search.get(k) ?? ""])) as unknown as TraceParams;
  return { ...p, method: p.method || "GET", path: p.path || "/" };
}

/** The URL search string of a form state (empty fields left out). */
export function searchFromParams(p: TraceParams): string {
  return new URLSearchParams(KEYS.filter((k) => p[k] !== "").map((k) => [k, p[k]])).toString();
}

function pairs(text: string, sep: string): Record<string, string> | undefined {
  const entries = text.split("\n").map((l) => l.trim()).filter(Boolean).map((l) => {
    const i = l.indexOf(sep);
    return i < 0 ? [l, ""] : [l.slice(0, i).trim(), l.slice(i + 1).trim()];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The tracer input of a form state, or null while host is empty. */
export function inputFromParams(p: TraceParams): TraceInput | null {
  if (!p.host) return null;
  const headers = pairs(p.headers, ":");
  const query = pairs(p.query, "=");
  return {
    ...(p.cluster ? { cluster: p.cluster } : {}),
    ...(p.gateway ? { gateway: { namespace: p.namespace, name: p.gateway, kind: p.kind === "EdgeGateway" ? "EdgeGateway" as const : "Gateway" as const } } : {}),
    host: p.host, path: p.path || "/", method: p.method || "GET",
    ...(p.port ? { port: Number(p.port) } : {}), ...(headers ? { headers } : {}), ...(query ? { query } : {}),
    ...(p.draft ? { draft: p.draft } : {}),
  };
}

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm";

/** The trace form; submitting writes the state into the URL through `onSubmit`. */
export function TraceForm({ initial, gateways, drafts, onSubmit }: { initial: TraceParams; gateways: readonly GatewayListItem[]; drafts: readonly DraftSummary[]; onSubmit: (p: TraceParams) => void }) {
  const [p, setP] = useState(initial);
  const set = (k: keyof TraceParams) => (e: { target: { value: string } }) => setP({ ...p, [k]: e.target.value });
  const clusters = [...new Set(gateways.map((g) => g.cluster))].sort();
  const gwValue = p.gateway ? `${p.kind || "Gateway"}|${p.namespace}|${p.gateway}` : "";
  const pickGateway = (v: string) => {
    const [kind = "", namespace = "", gateway = ""] = v.split("|");
    setP({ ...p, kind: kind === "EdgeGateway" ? kind : "", namespace, gateway });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(p);
  };
  return (
    <form onSubmit={submit} aria-label="Trace a request" className="mb-6 grid grid-cols-4 gap-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <HydrationGate>
      <label>Cluster<select className={input} value={p.cluster} onChange={set("cluster")}><option value="">any</option>{clusters.map((c) => <option key={c}>{c}</option>)}</select></label>
      <label>Gateway<select className={input} value={gwValue} onChange={(e) => pickGateway(e.target.value)}>
        <option value="">any (chosen by port)</option>
        {gateways.filter((g) => !p.cluster || g.cluster === p.cluster).map((g) => <option key={`${g.cluster}/${g.kind}/${g.namespace}/${g.name}`} value={`${g.kind}|${g.namespace}|${g.name}`}>{g.namespace}/{g.name}{g.kind === "EdgeGateway" ? " (Edge)" : ""}</option>)}
      </select></label>
      <label>Method<select className={input} value={p.method} onChange={set("method")}>{["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((m) => <option key={m}>{m}</option>)}</select></label>
      <label>Port<input className={input} value={p.port} onChange={set("port")} inputMode="numeric" placeholder="listener port" /></label>
      <label className="col-span-2">Host<input className={input} value={p.host} onChange={set("host")} placeholder="bookinfo.example.com" required /></label>
      <label className="col-span-2">Path<input className={input} value={p.path} onChange={set("path")} placeholder="/reviews/1" /></label>
      <label className="col-span-2">Headers (one name: value per line)<textarea className={input} rows={2} value={p.headers} onChange={set("headers")} /></label>
      <label className="col-span-2">Query parameters (one name=value per line)<textarea className={input} rows={2} value={p.query} onChange={set("query")} /></label>
      <label className="col-span-2">With draft<select className={input} value={p.draft} onChange={set("draft")}>
        <option value="">none: the configuration as it is</option>
        {drafts.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
        {p.draft && !drafts.some((d) => d.id === p.draft) && <option value={p.draft}>draft {p.draft.slice(0, 8)}</option>}
      </select></label>
      <div className="col-span-4"><button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">Trace</button></div>
      </HydrationGate>
    </form>
  );
}
