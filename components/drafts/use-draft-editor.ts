"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiResponseError } from "@/lib/client/fetch-json";
import { draftQuery, draftsApi, useDraft } from "@/lib/client/api/drafts";
import type { DraftItem, DraftView } from "@/lib/views/drafts";

export type SaveState = "saved" | "unsaved" | "saving" | "failed";

/** What this browser keeps of a draft so a failed save or a reload never loses typing. */
interface LocalCopy {
  title: string;
  items: DraftItem[];
  /** True until the server has these exact items. */
  dirty: boolean;
}

const storageKey = (id: string) => `meshpane:draft:${id}`;
const SAVE_DELAY_MS = 700;

function readLocal(id: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

function writeLocal(id: string, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(storageKey(id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server copy still follows every save.
  }
}

/**
 * The editing state of one draft: local items (what the person typed), autosaved with a debounce to PUT
 * with the revision they were based on. A 409 StaleRevision (another tab saved first) reloads the draft and
 * saves the local text over it; every change is also in localStorage until the server has it.
 */
export function useDraftEditor(id: string) {
  const client = useQueryClient();
  const query = useDraft(id);
  const [server, setServer] = useState<DraftView | null>(null);
  const [local, setLocal] = useState<LocalCopy | null>(null);
  const [save, setSave] = useState<SaveState>("saved");
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const latest = useRef<LocalCopy | null>(null);
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<DraftView | null> | null>(null);

  const adopt = useCallback(
    (view: DraftView) => {
      revision.current = view.revision;
      setServer(view);
      client.setQueryData(draftQuery(id).queryKey, view);
    },
    [client, id],
  );

  // The draft is taken from the server once; a newer unsaved local copy wins over it.
  useEffect(() => {
    if (!query.data || latest.current) return;
    const stored = readLocal(id);
    const useStored = stored?.dirty && JSON.stringify(stored.items) !== JSON.stringify(query.data.items);
    const copy: LocalCopy = useStored ? stored : { title: query.data.title, items: query.data.items, dirty: false };
    latest.current = copy;
    revision.current = query.data.revision;
    setServer(query.data);
    setLocal(copy);
    if (useStored) {
      setNotice("Restored changes from this browser that had not been saved.");
      setSave("unsaved");
    }
  }, [query.data, id]);

  const send = useCallback(async (): Promise<DraftView | null> => {
    const copy = latest.current;
    if (!copy?.dirty) return null;
    const body = { title: copy.title, items: copy.items };
    setSave("saving");
    try {
      let view: DraftView;
      try {
        view = await draftsApi.save(id, { ...body, revision: revision.current });
      } catch (e) {
        if (!(e instanceof ApiResponseError && e.status === 409)) throw e;
        // Another tab saved first: take its revision and keep this tab's text.
        const fresh = await draftsApi.get(id);
        revision.current = fresh.revision;
        setNotice("This draft was saved from another tab; your text here was kept and saved over it.");
        view = await draftsApi.save(id, { ...body, revision: fresh.revision });
      }
      adopt(view);
      const now = latest.current;
      const same = now !== null && JSON.stringify(now.items) === JSON.stringify(body.items) && now.title === body.title;
      if (same) {
        latest.current = { ...now, dirty: false };
        setLocal(latest.current);
        writeLocal(id, latest.current);
      }
      setSaveError(null);
      setSave(same ? "saved" : "unsaved");
      return view;
    } catch (e) {
      setSave("failed");
      setSaveError(e instanceof Error ? e.message : String(e));
      return null;
    }
  }, [adopt, id]);

  /** Saves now (waiting for a save in flight first); answers the draft as the server holds it afterwards. */
  const flush = useCallback(async (): Promise<DraftView | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    if (latest.current?.dirty) {
      inflight.current = send();
      const view = await inflight.current;
      inflight.current = null;
      if (latest.current?.dirty) return flush();
      return view;
    }
    return (client.getQueryData(draftQuery(id).queryKey) as DraftView | undefined) ?? null;
  }, [send, client, id]);

  const change = useCallback(
    (next: Omit<LocalCopy, "dirty">) => {
      const copy = { ...next, dirty: true };
      latest.current = copy;
      setLocal(copy);
      writeLocal(id, copy);
      setSave("unsaved");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, id],
  );

  const setItemYaml = useCallback(
    (index: number, yaml: string) => {
      const cur = latest.current;
      if (!cur) return;
      change({ title: cur.title, items: cur.items.map((it, i) => (i === index ? { ...it, yaml } : it)) });
    },
    [change],
  );
  const setTitle = useCallback((title: string) => latest.current && change({ title, items: latest.current.items }), [change]);

  /** Takes a draft the server changed (rebase, apply) as the new local state. */
  const replace = useCallback(
    (view: DraftView) => {
      const copy: LocalCopy = { title: view.title, items: view.items, dirty: false };
      latest.current = copy;
      setLocal(copy);
      writeLocal(id, copy);
      adopt(view);
      setSave("saved");
    },
    [adopt, id],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { query, server, local, save, saveError, notice, setItemYaml, setTitle, flush, replace };
}
