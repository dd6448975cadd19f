"use client";
import type { ReactNode } from "react";
import { useHydrated } from "@/lib/client/use-hydrated";

/**
 * Keeps the form controls inside disabled until this part of the page has hydrated: a choice made in the
 * server's HTML before then would be reset to the state React starts from, so nothing may be typed or
 * picked yet. Adds no box (`display: contents`) and no landmark.
 */
export function HydrationGate({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset role="none" disabled={!hydrated} className="contents">
      {children}
    </fieldset>
  );
}
