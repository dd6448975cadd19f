"use client";
import { useClusters } from "@/lib/client/api/clusters";
import { formatTime } from "./format";

/**
 * One banner per cluster that is not fully well: not Healthy (with "as of" the last sync), or whose
 * source reported problems. Data from other clusters keeps showing underneath.
 */
export function ClusterBanners() {
  const { data } = useClusters();
  const troubled = (data?.items ?? []).filter((c) => c.health.state !== "Healthy" || c.problems.length > 0);
  if (troubled.length === 0) return null;
  return (
    <div className="mb-4 space-y-2">
      {troubled.map((c) => (
        <div key={c.name} role="alert" data-testid={`cluster-banner-${c.name}`} className={`rounded border px-4 py-2 text-sm ${c.health.state === "Healthy" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          <strong className="font-semibold">Cluster {c.name}</strong>{" "}
          {c.health.state !== "Healthy" ? (
            <span>
              is {c.health.state}
              {c.health.lastError ? `: ${c.health.lastError}` : ""}. Showing data as of {c.health.lastSyncAt ? formatTime(c.health.lastSyncAt) : "never"}.
            </span>
          ) : (
            <span>
              has {c.problems.length} source problem{c.problems.length === 1 ? "" : "s"}: {c.problems[0]?.file ? `${c.problems[0].file}: ` : ""}
              {c.problems[0]?.message}
              {c.problems.length > 1 ? ` (and ${c.problems.length - 1} more)` : ""}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
