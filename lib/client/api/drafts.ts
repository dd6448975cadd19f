import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { ApplyResult, BlastRadius, DraftInput, DraftPreview, DraftStatus, DraftSummary, DraftView } from "@/lib/views/drafts";
import { fetchJson, sendJson } from "../fetch-json";

/** The change path from the browser (contract: lib/views/drafts.ts): drafts, preview, apply, rebase, blast radius. */

const base = "/api/v1/drafts";
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const draftsApi = {
  list: (status: DraftStatus = "open") => fetchJson<{ items: DraftSummary[] }>(base, { status }),
  get: (id: string) => fetchJson<DraftView>(one(id)),
  create: (input: DraftInput) => sendJson<DraftView>("POST", base, input),
  save: (id: string, input: DraftInput & { revision: number }) => sendJson<DraftView>("PUT", one(id), input),
  discard: (id: string) => sendJson<{ ok: true }>("DELETE", one(id)),
  preview: (id: string, contentHash: string) => sendJson<DraftPreview>("POST", `${one(id)}/preview`, { contentHash }),
  apply: (id: string, contentHash: string, force = false) => sendJson<ApplyResult>("POST", `${one(id)}/apply`, force ? { contentHash, force } : { contentHash }),
  rebase: (id: string, index: number) => sendJson<DraftView>("POST", `${one(id)}/rebase`, { index }),
  blastRadius: (cluster: string, yaml: string) => sendJson<BlastRadius>("POST", "/api/v1/blast-radius", { cluster, yaml }),
};

/** `GET /api/v1/drafts?status=`: the caller's own drafts. */
export const draftsQuery = (status: DraftStatus = "open") => queryOptions({ queryKey: ["drafts", "list", status], queryFn: () => draftsApi.list(status) });

export function useDrafts(status: DraftStatus = "open") {
  return useQuery(draftsQuery(status));
}

/**
 * `GET /api/v1/drafts/{id}`. Live updates invalidate every query, so the editor only takes the draft from
 * here once and afterwards follows its own saves (never `refetchOnWindowFocus` text over typing).
 */
export const draftQuery = (id: string) => queryOptions({ queryKey: ["drafts", "one", id], queryFn: () => draftsApi.get(id), staleTime: Infinity });

export function useDraft(id: string) {
  return useQuery(draftQuery(id));
}

/** Creates a draft and refreshes the drafts list. */
export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: draftsApi.create,
    onSuccess: (draft) => {
      client.setQueryData(draftQuery(draft.id).queryKey, draft);
      void client.invalidateQueries({ queryKey: ["drafts", "list"] });
    },
  });
}

/** Discards (never deletes) a draft. */
export function useDiscardDraft() {
  const client = useQueryClient();
  return useMutation({ mutationFn: draftsApi.discard, onSuccess: () => client.invalidateQueries({ queryKey: ["drafts", "list"] }) });
}

/** `POST /api/v1/blast-radius` as a query keyed by its input (null = nothing to ask), so equal input is asked once. */
export const blastRadiusQuery = (input: { cluster: string; yaml: string } | null) =>
  queryOptions({ queryKey: ["blast-radius", input?.cluster ?? "", input?.yaml ?? ""], queryFn: () => draftsApi.blastRadius(input!.cluster, input!.yaml), enabled: input !== null });

export function useBlastRadius(input: { cluster: string; yaml: string } | null) {
  return useQuery(blastRadiusQuery(input));
}
