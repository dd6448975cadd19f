"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { inputFromParams, paramsFromSearch, searchFromParams, TraceForm, type TraceParams } from "@/components/gateways/trace-form";
import { TraceResultView } from "@/components/gateways/trace-result";
import { QueryState } from "@/components/query-state";
import { useDrafts } from "@/lib/client/api/drafts";
import { useGateways, useTrace } from "@/lib/client/api/gateways";

function Tracer() {
  const search = useSearchParams();
  const router = useRouter();
  const params = paramsFromSearch(search);
  const gateways = useGateways();
  const drafts = useDrafts();
  const input = inputFromParams(params);
  const trace = useTrace(input);
  const submit = (p: TraceParams) => router.replace(`/trace?${searchFromParams(p)}`);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Trace a request</h1>
      <p className="mb-4 text-sm text-slate-600">Follow a request through a gateway: listener, route and rule, backends and where they resolve. The form lives in the URL, so a trace can be shared.</p>
      {gateways.data && <TraceForm key={search.toString()} initial={params} gateways={gateways.data.items} drafts={drafts.data?.items ?? []} onSubmit={submit} />}
      {params.draft && <p data-testid="trace-draft" className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">Traced as if draft <a className="underline" href={`/drafts/${params.draft}`}>{drafts.data?.items.find((d) => d.id === params.draft)?.title ?? params.draft}</a> were applied.</p>}
      {input === null ? <p className="text-sm text-slate-500">Enter a host and a path to trace.</p> : <QueryState query={trace}>{(t) => <TraceResultView trace={t} />}</QueryState>}
    </>
  );
}

export default function TracePage() {
  return <Suspense><Tracer /></Suspense>;
}
