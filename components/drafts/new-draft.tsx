"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useClusters } from "@/lib/client/api/clusters";
import { useCreateDraft } from "@/lib/client/api/drafts";
import { HydrationGate } from "../hydration-gate";
import { groupKind } from "@/lib/model/api-version";
import { editableKinds, templateYaml } from "./templates";

/** "New": pick a kind and a cluster, name it, and start a draft from a minimal template of that kind. */
export function NewDraft() {
  const router = useRouter();
  const clusters = useClusters().data?.items ?? [];
  const create = useCreateDraft();
  const [kind, setKind] = useState(groupKind("networking.gloo.solo.io", "RouteTable"));
  const [cluster, setCluster] = useState("");
  const [namespace, setNamespace] = useState("");
  const [name, setName] = useState("");
  const def = editableKinds.find((k) => groupKind(k.group, k.kind) === kind);
  const target = cluster || clusters.find((c) => c.management)?.name || clusters[0]?.name || "";
  const ready = def && target && name && (!def.namespaced || namespace);
  const start = () => {
    if (!def || !ready) return;
    create.mutate(
      { title: `Create ${def.kind} ${def.namespaced ? `${namespace}/` : ""}${name}`, items: [{ op: "create", cluster: target, yaml: templateYaml(def, name, namespace) }] },
      { onSuccess: (d) => router.push(`/drafts/${encodeURIComponent(d.id)}`) },
    );
  };
  const field = "rounded border border-slate-300 px-2 py-1";
  return (
    <form role="group" aria-label="New draft" onSubmit={(e) => (e.preventDefault(), start())} className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <HydrationGate>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Kind</span>
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)} className={field}>
          {editableKinds.map((k) => (
            <option key={groupKind(k.group, k.kind)} value={groupKind(k.group, k.kind)}>
              {k.kind} ({k.group}/{k.versions[0]})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Cluster</span>
        <select aria-label="Cluster" value={target} onChange={(e) => setCluster(e.target.value)} className={field}>
          {clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
              {c.management ? " (management)" : ""}
              {c.readOnly ? " (read-only)" : ""}
            </option>
          ))}
        </select>
      </label>
      {def?.namespaced !== false && (
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">Namespace</span>
          <input aria-label="Namespace" value={namespace} onChange={(e) => setNamespace(e.target.value)} className={field} />
        </label>
      )}
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Name</span>
        <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} className={field} />
      </label>
      <button type="submit" disabled={!ready || create.isPending} className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
        New draft
      </button>
      {create.error && <span role="alert" className="text-xs text-red-700">{create.error.message}</span>}
      </HydrationGate>
    </form>
  );
}
