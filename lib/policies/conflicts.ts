import type { KubeObject } from "../model/meta";
import { refKey, type ObjectRef } from "../snapshot/ref";
import { describeRef, makeFinding, type Finding, type Severity } from "../workspaces/findings";
import { cmp, compareAge } from "../workspaces/kinds";
import { push } from "../workspaces/collections";
import type { AttachedPolicy, PolicyAttachment } from "./types";

/**
 * One-per-target rules (reference §3 item 5; gloo-api-details §3.9): for kinds where only one policy may
 * apply to a route or destination, the oldest (creationTimestamp, then name) wins and the others are
 * skipped on that target. Also builds the target → policies maps.
 */

/** A policy's attachment together with its object (for its age). */
export interface AttachedItem {
  attachment: PolicyAttachment;
  object: KubeObject;
  /** Conflict severity when the kind allows one policy per target; undefined when additive. */
  exclusive: Severity | undefined;
}

/** Reverse lookups: target key → policies on it, winners first within a kind. */
export interface ReverseMaps {
  onRoute: Map<string, AttachedPolicy[]>;
  onDestination: Map<string, AttachedPolicy[]>;
  onWorkload: Map<string, AttachedPolicy[]>;
}

interface Claim {
  item: AttachedItem;
  /** How the finding names the target. */
  label: string;
  markLost: (winner: ObjectRef) => void;
}

/** Marks losing targets `effective: false`, reports each (loser, winner) pair once, and returns the reverse maps. */
export function resolveConflicts(items: readonly AttachedItem[], findings: Finding[]): ReverseMaps {
  const overridden = new Map<string, ObjectRef>();
  const claims = new Map<string, Claim[]>();
  for (const item of items) {
    if (!item.exclusive) continue;
    const a = item.attachment;
    const pk = refKey(a.policy);
    for (const t of a.routes) {
      const label = `route ${t.route.name || `#${t.route.index}`} of ${describeRef(t.route.table, false)}`;
      const markLost = (w: ObjectRef) => {
        t.effective = false;
        overridden.set(`${pk}|${t.route.key}`, w);
      };
      push(claims, `${a.gk}|${t.route.key}`, { item, label, markLost });
    }
    for (const t of a.destinations) {
      const dk = refKey(t.destination);
      const markLost = (w: ObjectRef) => {
        t.effective = false;
        overridden.set(`${pk}|${dk}`, w);
      };
      push(claims, `${a.gk}|${dk}`, { item, label: describeRef(t.destination), markLost });
    }
  }
  const lost = new Map<string, { loser: AttachedItem; winner: AttachedItem; labels: string[] }>();
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => compareAge({ ref: x.item.attachment.policy, object: x.item.object }, { ref: y.item.attachment.policy, object: y.item.object }));
    const winner = list[0];
    if (!winner) continue;
    for (const c of list.slice(1)) {
      c.markLost(winner.item.attachment.policy);
      const key = `${refKey(c.item.attachment.policy)}|${refKey(winner.item.attachment.policy)}`;
      const entry = lost.get(key);
      if (entry) entry.labels.push(c.label);
      else lost.set(key, { loser: c.item, winner: winner.item, labels: [c.label] });
    }
  }
  for (const { loser, winner, labels } of lost.values()) findings.push(conflictFinding(loser, winner, labels));
  return reverseMaps(items, overridden);
}

function conflictFinding(loser: AttachedItem, winner: AttachedItem, labels: string[]): Finding {
  const l = loser.attachment;
  const w = winner.attachment;
  const targets = labels.sort(cmp);
  const shown = targets.length > 5 ? `${targets.slice(0, 5).join("; ")}; and ${targets.length - 5} more` : targets.join("; ");
  return makeFinding(
    "POLICY_CONFLICT",
    `${describeRef(l.policy, false)} must not select targets already selected by the older ${describeRef(w.policy, false)} (one ${l.policy.kind} per target; the oldest wins); it is skipped on ${shown}`,
    [l.policy, w.policy], l.routes.length > 0 ? "spec.applyToRoutes" : "spec.applyToDestinations", [l.workspace],
    loser.exclusive,
  );
}

function reverseMaps(items: readonly AttachedItem[], overridden: Map<string, ObjectRef>): ReverseMaps {
  const maps: ReverseMaps = { onRoute: new Map(), onDestination: new Map(), onWorkload: new Map() };
  const ordered = [...items].sort((x, y) => cmp(x.attachment.gk, y.attachment.gk) || compareAge({ ref: x.attachment.policy, object: x.object }, { ref: y.attachment.policy, object: y.object }));
  for (const { attachment: a, exclusive } of ordered) {
    const pk = refKey(a.policy);
    // Only one-per-target kinds can be overridden: skip the key building for the (many) additive attachments.
    const base = (targetKey: string, effective: boolean): AttachedPolicy => ({
      policy: a.policy, gk: a.gk, effective, overriddenBy: exclusive && !effective ? overridden.get(`${pk}|${targetKey}`) ?? null : null,
    });
    for (const t of a.routes) push(maps.onRoute, t.route.key, base(t.route.key, t.effective));
    for (const t of a.routeDestinations) push(maps.onRoute, t.route.key, { ...base(t.route.key, true), destination: t.destination });
    for (const t of a.destinations) {
      const dk = refKey(t.destination);
      push(maps.onDestination, dk, base(dk, t.effective));
    }
    for (const w of a.workloads) push(maps.onWorkload, refKey(w), base("", true));
  }
  return maps;
}
