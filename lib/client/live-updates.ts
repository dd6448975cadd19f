"use client";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Opens the tab's one server-sent event stream and invalidates every query when the snapshot version
 * changes, so open pages follow the clusters without polling. EventSource reconnects by itself; after a
 * reconnect the first event always invalidates, because the new stream may come from another replica
 * whose versions are its own (equal numbers would not mean equal snapshots).
 */
export function useLiveUpdates(): { state: LiveState; version: number | null } {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    const source = new EventSource("/api/v1/events");
    let last: number | null = null;
    let reconnected = false;
    source.addEventListener("snapshot", (event) => {
      const v = (JSON.parse((event as MessageEvent<string>).data) as { version: number }).version;
      setState("live");
      setVersion(v);
      if (reconnected || (last !== null && v !== last)) void client.invalidateQueries();
      reconnected = false;
      last = v;
    });
    source.onerror = () => {
      reconnected = true;
      setState("reconnecting");
    };
    return () => source.close();
  }, [client]);
  return { state, version };
}
