import type { GatewayCondition } from "../model/gateway-api";
import type { ObjectRef } from "../snapshot/ref";
import { report, type FindingSink } from "./findings";
import type { Condition, SoloKitStatusView, StatusComparison } from "./types";

/**
 * Computed-vs-live comparison (reference §3.2): per condition type, `match`, `stale` (observedGeneration
 * behind), `not-reconciled` (the CRD default Unknown/Pending), `reason-differs` (same status; soft),
 * `mismatch` (different status; hard) or `missing-live` (expected, not written).
 */

/** Condition types whose absence means the default (no conflict, nothing dropped, no overlap). */
const ABSENT_MEANS_DEFAULT: Record<string, string> = { Conflicted: "False", PartiallyInvalid: "False", OverlappingTLSConfig: "False" };

function compareOne(where: string, c: Condition, live: GatewayCondition | undefined, generation: number | undefined): StatusComparison {
  const computed = { status: c.status, reason: c.reason };
  if (!live) {
    const outcome = ABSENT_MEANS_DEFAULT[c.type] === c.status ? "match" : "missing-live";
    return { where, type: c.type, outcome, computed, live: null };
  }
  const l = { status: live.status, reason: live.reason ?? "" };
  const observed = live.observedGeneration === undefined ? undefined : Number(live.observedGeneration);
  const outcome = live.status === "Unknown" && live.reason === "Pending" ? "not-reconciled"
    : observed !== undefined && generation !== undefined && observed < generation ? "stale"
    : live.status !== c.status ? "mismatch"
    : l.reason !== c.reason ? "reason-differs"
    : "match";
  return { where, type: c.type, outcome, computed, live: l };
}

/** Compares a computed condition list with a live one; `live === undefined` means no entry was written at all. */
export function compareConditions(where: string, computed: readonly Condition[], live: readonly GatewayCondition[] | undefined, generation: number | undefined): StatusComparison[] {
  if (live === undefined) return computed.filter((c) => ABSENT_MEANS_DEFAULT[c.type] !== c.status).map((c) => ({ where, type: c.type, outcome: "missing-live", computed: { status: c.status, reason: c.reason }, live: null }));
  return computed.map((c) => compareOne(where, c, live.find((l) => l.type === c.type), generation));
}

/** Compares a computed count (attachedRoutes) with the live one. */
export function compareCount(where: string, type: string, computed: number, live: number | undefined): StatusComparison {
  const outcome = live === undefined ? "missing-live" : live === computed ? "match" : "mismatch";
  return { where, type, outcome, computed: { status: String(computed), reason: "" }, live: live === undefined ? null : { status: String(live), reason: "" } };
}

/** Reports the comparisons that are not a match as findings (one per object, place and type). */
export function reportComparisons(sink: FindingSink, ref: ObjectRef, field: string, comparisons: readonly StatusComparison[]): void {
  for (const c of comparisons) {
    const what = `${c.where} ${c.type}`;
    const computed = c.computed ? `${c.computed.status}${c.computed.reason ? ` ${c.computed.reason}` : ""}` : "none";
    const live = c.live ? `${c.live.status}${c.live.reason ? ` ${c.live.reason}` : ""}` : "none";
    if (c.outcome === "mismatch") report(sink, "GW_STATUS_MISMATCH", [ref], field, `${what} must be ${computed} per the spec and its references (the controller wrote ${live})`);
    else if (c.outcome === "reason-differs") report(sink, "GW_STATUS_REASON_DIFFERS", [ref], field, `${what} must read ${computed} by Meshpane's ranking; the controller wrote ${live} (same status, soft difference)`);
    else if (c.outcome === "stale") report(sink, "GW_STATUS_STALE", [ref], field, `${what} must be observed at the current generation; the controller has not processed the latest spec`);
    else if (c.outcome === "missing-live") report(sink, "GW_STATUS_MISSING", [ref], field, `${what} must be written by the controller (expected ${computed}); none found`);
  }
}

/** Reports solo-kit state comparisons (Gloo 1.x options and Gloo Edge objects, reference §5.3, §8.7). */
export function reportSoloKit(sink: FindingSink, views: readonly SoloKitStatusView[]): void {
  for (const v of views) {
    const expected = v.state === "Unused" ? "no status (unused)" : v.state;
    const live = v.live.state ?? "none";
    if (v.outcome === "mismatch") report(sink, "GW_STATUS_MISMATCH", [v.ref], "status.statuses", `state must be ${expected} (${v.reasons.join("; ") || "no problems found"}); Gloo wrote ${live}${v.live.reason ? ` (${v.live.reason})` : ""}`);
    else if (v.outcome === "reason-differs") report(sink, "GW_STATUS_REASON_DIFFERS", [v.ref], "status.statuses", `state must be ${expected} (${v.reasons.join("; ") || "no problems found"}); Gloo wrote ${live} (neither is Rejected, soft difference)`);
    // missing-live is not reported: Edge objects without status are usually manifests that never reached a cluster.
  }
}
