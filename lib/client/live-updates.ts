"use client";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Opens the tab's one server-sent event stream and invalidates every query when the snapshot version
 * changes, so open pages follow the clusters without polling. EventSource reconnects by itself.
 */
export function useLiveUpdates(): { state: LiveState; version: number | null } {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    const source = new EventSource("/api/v1/events");
    let last: number | null = null;
    source.addEventListener("snapshot", (event) => {
      const v = (JSON.parse((event as MessageEvent<string>).data) as { version: number }).version;
      setState("live");
      setVersion(v);
      if (last !== null && v !== last) void client.invalidateQueries();
      last = v;
    });
    source.onerror = () => setState("reconnecting");
    return () => source.close();
  }, [client]);
  return { state, version };
}
