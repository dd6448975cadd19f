"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Renders loading and error states the same way everywhere, and the data once it is there. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.error) return <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">Could not load: {query.error.message}</p>;
  if (query.data === undefined) return <p className="text-sm text-slate-500">Loading…</p>;
  return <>{children(query.data)}</>;
}
