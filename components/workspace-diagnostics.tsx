"use client";
import { useDiagnostics } from "@/lib/client/api/diagnostics";
import { DiagnosticList } from "./diagnostic-list";
import { TextLink } from "./links";
import { RefLink } from "./ref-link";

/** Every validation diagnostic placed in a workspace (workspace, route, policy, translation, Istio, drift and gateway checks). */
export function WorkspaceDiagnostics({ workspace }: { workspace: string }) {
  const { data, error } = useDiagnostics({ workspace });
  if (error) return <p role="alert" className="text-sm text-red-700">Could not load diagnostics: {error.message}</p>;
  if (!data) return <p className="text-sm text-slate-500">Loading diagnostics…</p>;
  if (data.items.length === 0) return <p className="text-sm text-slate-500">No diagnostics.</p>;
  return (
    <>
      <DiagnosticList items={data.items} testId="workspace-diagnostics" place={(d) => d.objects[0] && <span className="ml-1 text-xs">— at <RefLink target={d.objects[0]} showCluster /></span>} />
      <p className="mt-2 text-sm"><TextLink href={`/validations?workspace=${encodeURIComponent(workspace)}`}>Filter them on the Validations page</TextLink></p>
    </>
  );
}
