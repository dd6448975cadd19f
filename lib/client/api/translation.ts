import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { DriftView, PreviewView, TranslationNotesView, TranslationQuery, TranslationView } from "@/lib/views/translation";
import type { KubeObject } from "@/lib/model/meta";
import { fetchJson, sendJson } from "../fetch-json";

/** `GET /api/v1/translation`: the Istio outputs and input statuses, narrowed by cluster, namespace and workspace. */
export const translationQuery = (q: TranslationQuery) =>
  queryOptions({
    queryKey: ["translation", q.cluster ?? "", q.namespace ?? "", q.workspace ?? ""],
    queryFn: () => fetchJson<TranslationView>("/api/v1/translation", { cluster: q.cluster, namespace: q.namespace, workspace: q.workspace }),
    placeholderData: keepPreviousData,
  });

export function useTranslation(q: TranslationQuery) {
  return useQuery(translationQuery(q));
}

/** `GET /api/v1/drift`: generated live objects against the translation. */
export const driftQuery = (cluster: string) => queryOptions({ queryKey: ["drift", cluster], queryFn: () => fetchJson<DriftView>("/api/v1/drift", { cluster }) });

export function useDrift(cluster: string) {
  return useQuery(driftQuery(cluster));
}

/** `GET /api/v1/translation-notes`: the choices made where the reference leaves behaviour open. */
export const translationNotesQuery = queryOptions({ queryKey: ["translation-notes"], queryFn: () => fetchJson<TranslationNotesView>("/api/v1/translation-notes"), staleTime: Infinity });

export function useTranslationNotes() {
  return useQuery(translationNotesQuery);
}

/** The body of `POST /api/v1/translation/preview`: objects wrapped with the cluster they are written to. */
export interface PreviewInput {
  added?: { cluster: string; object: KubeObject }[];
  changed?: { cluster: string; object: KubeObject }[];
  deleted?: { cluster: string; object: KubeObject }[];
}

const postPreview = (input: PreviewInput) => sendJson<PreviewView>("POST", "/api/v1/translation/preview", input);

/** `POST /api/v1/translation/preview`: read-only, cached by its input like any query (null = nothing to preview). */
export const previewQuery = (input: PreviewInput | null) =>
  queryOptions({ queryKey: ["translation-preview", input], queryFn: () => postPreview(input as PreviewInput), enabled: input !== null, placeholderData: keepPreviousData });

export function usePreview(input: PreviewInput | null) {
  return useQuery(previewQuery(input));
}
