"use client";
import { useRouter } from "next/navigation";
import { useClusters } from "@/lib/client/api/clusters";
import { useCreateDraft } from "@/lib/client/api/drafts";
import { useObject, type ObjectKey } from "@/lib/client/api/objects";
import { isEditableGroup, itemFor } from "./draft-items";

const VERB = { update: "Edit", create: "Clone", delete: "Delete" } as const;

/** Edit, Clone and Delete on a Gloo object's page: each starts a draft of one item and opens it. */
export function ObjectActions({ objectKey }: { objectKey: ObjectKey }) {
  const router = useRouter();
  const { data } = useObject(objectKey);
  const clusters = useClusters().data?.items ?? [];
  const create = useCreateDraft();
  if (!data || !isEditableGroup(data.group)) return null;
  const cluster = clusters.find((c) => c.name === data.cluster);
  const directory = cluster?.source.kind === "directory";
  const start = (op: keyof typeof VERB) => {
    const label = `${VERB[op].toLowerCase()} ${data.kind} ${data.namespace ? `${data.namespace}/` : ""}${data.name}`;
    create.mutate({ title: label.charAt(0).toUpperCase() + label.slice(1), items: [itemFor(op, data.cluster, data.object, directory)] }, { onSuccess: (d) => router.push(`/drafts/${encodeURIComponent(d.id)}`) });
  };
  return (
    <div role="group" aria-label="Change" className="flex items-center gap-2">
      {(Object.keys(VERB) as (keyof typeof VERB)[]).map((op) => (
        <button key={op} type="button" disabled={create.isPending} onClick={() => start(op)} className={`rounded border px-3 py-1 text-sm font-medium disabled:opacity-50 ${op === "delete" ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
          {VERB[op]}
        </button>
      ))}
      {cluster?.readOnly && (
        <span className="text-xs text-amber-800" title={cluster.readOnly} data-testid="cluster-read-only">
          {cluster.name} is read-only: a draft can be previewed, not applied
        </span>
      )}
      {create.error && <span role="alert" className="text-xs text-red-700">{create.error.message}</span>}
    </div>
  );
}
