"use client";
import { useState } from "react";
import type { FieldError } from "@/lib/model/errors";
import type { ApplyResult, DraftItem, DraftPreview } from "@/lib/views/drafts";
import { draftsApi } from "@/lib/client/api/drafts";
import { ItemEditor } from "../editor/item-editor";
import { parseText } from "../editor/yaml-doc";
import { ApplyResults } from "./apply-results";
import { useDraftPermissions } from "./can-force";
import { ConflictDialog } from "./conflict-dialog";
import { PreviewPanel } from "./preview-panel";
import { useDraftEditor, type SaveState } from "./use-draft-editor";

/** An API answer together with the item texts it was computed for (its errors only count while they stand). */
interface Answered<T> {
  result: T;
  yamls: string[];
}

const SAVE_LABEL: Record<SaveState, string> = { saved: "All changes saved", unsaved: "Unsaved changes…", saving: "Saving…", failed: "Save failed — your text is kept in this browser" };

/**
 * One draft: its items (Form | YAML), autosave, Preview, Apply (enabled only once the current content has a
 * successful preview), the apply result, and the conflict dialog with reload-and-reapply or force.
 */
export function DraftEditor({ id }: { id: string }) {
  const ed = useDraftEditor(id);
  const { canForce, canApply: mayApply, role } = useDraftPermissions();
  const [preview, setPreview] = useState<Answered<DraftPreview> | null>(null);
  const [applied, setApplied] = useState<Answered<ApplyResult> | null>(null);
  const [busy, setBusy] = useState<"preview" | "apply" | "rebase" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflictAt, setConflictAt] = useState<number | null>(null);
  const { server, local } = ed;

  if (ed.query.error && !local) return <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">Could not load the draft: {ed.query.error.message}</p>;
  if (!server || !local) return <p className="text-sm text-slate-500">Loading…</p>;

  const open = server.status === "open";
  const previewedNow = server.previewedHash === server.contentHash || (preview !== null && preview.result.ok && preview.result.contentHash === server.contentHash);
  const canApply = mayApply && open && !local.dirty && ed.save === "saved" && previewedNow && busy === null;
  const applyTitle = !mayApply ? `Your role (${role}) can preview but not apply` : canApply ? undefined : "Preview the draft as it stands first";

  const run = async <T,>(what: "preview" | "apply" | "rebase", fn: () => Promise<T>): Promise<T | null> => {
    setBusy(what);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setBusy(null);
    }
  };
  const doPreview = () =>
    run("preview", async () => {
      const view = (await ed.flush()) ?? server;
      const result = await draftsApi.preview(id, view.contentHash);
      setPreview({ result, yamls: view.items.map((i) => i.yaml) });
      setApplied(null);
      const conflicted = result.items.find((i) => i.conflict);
      if (conflicted) setConflictAt(conflicted.index);
    });
  const doApply = (force = false) =>
    run("apply", async () => {
      const yamls = local.items.map((i) => i.yaml);
      const result = await draftsApi.apply(id, server.contentHash, force);
      setApplied({ result, yamls });
      ed.replace(result.draft);
      const conflicted = result.items.find((i) => i.conflict);
      setConflictAt(conflicted ? conflicted.index : null);
    });
  const doRebase = (index: number) =>
    run("rebase", async () => {
      ed.replace(await draftsApi.rebase(id, index));
      setConflictAt(null);
    }).then(() => doPreview());

  const serverErrors = (index: number, yaml: string): FieldError[] => [
    ...(preview && preview.yamls[index] === yaml ? (preview.result.items.find((i) => i.index === index)?.fieldErrors ?? []).concat(preview.result.items.find((i) => i.index === index)?.dryRun.causes ?? []) : []),
    ...(applied && applied.yamls[index] === yaml ? (applied.result.items.find((i) => i.index === index)?.causes ?? []) : []),
  ];
  const conflict = conflictAt === null ? null : (applied?.result.items.find((i) => i.index === conflictAt)?.conflict ?? preview?.result.items.find((i) => i.index === conflictAt)?.conflict ?? null);

  return (
    <article>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Draft · {server.status}</p>
      <input aria-label="Draft title" value={local.title} readOnly={!open} onChange={(e) => ed.setTitle(e.target.value)} className="mb-1 w-full rounded border border-transparent px-1 text-2xl font-semibold tracking-tight hover:border-slate-200 focus:border-slate-300" />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="save-state" className={ed.save === "failed" ? "text-red-700" : "text-slate-500"}>
          {SAVE_LABEL[ed.save]}
          {ed.saveError && `: ${ed.saveError}`}
        </span>
        <span className="text-slate-400">revision {server.revision} · by {server.owner}</span>
        <div className="ml-auto flex gap-2">
          <a href={`/trace?draft=${id}`} className="rounded px-3 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50">Trace with this draft</a>
          <button type="button" disabled={!open || busy !== null} onClick={() => void doPreview()} className="rounded border border-indigo-300 px-3 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50">
            {busy === "preview" ? "Previewing…" : "Preview"}
          </button>
          <button type="button" disabled={!canApply} title={applyTitle} onClick={() => void doApply()} className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
            {busy === "apply" ? "Applying…" : "Apply"}
          </button>
        </div>
      </div>
      {ed.notice && <p className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{ed.notice}</p>}
      {error && (
        <p role="alert" className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {local.items.map((item, i) => (
        <section key={i} aria-label={`Item ${i + 1}`} className="mb-6 rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-sm font-semibold text-slate-700">{itemTitle(item)}</h2>
          <ItemEditor yaml={item.yaml} onChange={(y) => ed.setItemYaml(i, y)} cluster={item.cluster} serverErrors={serverErrors(i, item.yaml)} readOnly={!open || item.op === "delete"} label={`Item ${i + 1}`} />
        </section>
      ))}
      {applied && <ApplyResults result={applied.result} onConflict={setConflictAt} />}
      {preview && <PreviewPanel preview={preview.result} yamls={preview.yamls} clusters={local.items.map((i) => i.cluster)} onConflict={setConflictAt} />}
      {conflict && <ConflictDialog key={conflictAt} conflict={conflict} canForce={canForce} busy={busy !== null} onReapply={() => void doRebase(conflictAt!)} onForce={() => void doApply(true)} onClose={() => setConflictAt(null)} />}
    </article>
  );
}

/** "update RouteTable bookinfo/reviews in mgmt", from the text as it stands (or the base when it does not parse). */
function itemTitle(item: DraftItem): string {
  const v = parseText(item.yaml).value as { kind?: string; metadata?: { name?: string; namespace?: string } } | undefined;
  const kind = v?.kind ?? item.base?.ref.kind ?? "object";
  const ns = v?.metadata?.namespace ?? item.base?.ref.namespace;
  const name = v?.metadata?.name ?? item.base?.ref.name ?? "(unnamed)";
  return `${item.op} ${kind} ${ns ? `${ns}/` : ""}${name} in ${item.cluster}`;
}
