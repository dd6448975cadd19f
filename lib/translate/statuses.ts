import { groupKind } from "../model/registry";
import { refOf, type ObjectRef } from "../snapshot/ref";
import type { Finding } from "../workspaces/findings";
import type { Emitter } from "./emit";
import type { StatusState } from "./types";
import type { World } from "./world";

/**
 * Statuses for every Gloo input (reference §8): translators report what they meet; this adds a status
 * for every Gloo input object they did not touch and folds in what workspace resolution and policy
 * attachment decided (ignored settings, unread config, losing policies).
 */

/** Groups whose objects are Gloo inputs and get a status. */
export function isGlooInputGroup(group: string): boolean {
  return group === "admin.gloo.solo.io" || group === "networking.gloo.solo.io" || group === "apimanagement.gloo.solo.io"
    || group.endsWith(".policy.gloo.solo.io") || group === "networking.mesh.gloo.solo.io" || group === "networking.enterprise.mesh.gloo.solo.io";
}

/** What a finding means for the status of the objects it names. */
const FINDING_STATES: Partial<Record<Finding["code"], { state: StatusState; who: "first" | "all-but-last" | "all" }>> = {
  WS_DUPLICATE_NAME: { state: "INVALID", who: "first" },
  WS_SETTINGS_DUPLICATE: { state: "INVALID", who: "all-but-last" },
  WS_SETTINGS_OUTSIDE: { state: "WARNING", who: "first" },
  WS_NAMESPACE_OVERLAP: { state: "WARNING", who: "all" },
  WS_CLUSTER_NO_NAMESPACES: { state: "WARNING", who: "first" },
  WS_CONFIG_ENABLED_INCONSISTENT: { state: "WARNING", who: "first" },
  WS_CONFIG_NOT_ENABLED: { state: "WARNING", who: "first" },
  WS_OBJECT_UNOWNED: { state: "WARNING", who: "first" },
  POLICY_TARGET_KIND_UNSUPPORTED: { state: "WARNING", who: "first" },
  POLICY_SELECTS_NOTHING: { state: "ACCEPTED", who: "first" },
  POLICY_SELECTOR_IGNORED: { state: "ACCEPTED", who: "first" },
};

const TRANSLATED_POLICIES = new Set(["AccessPolicy", "CORSPolicy", "RetryTimeoutPolicy", "FaultInjectionPolicy", "FailoverPolicy", "OutlierDetectionPolicy", "HeaderManipulationPolicy"]);

/** Gives every Gloo input a status and folds workspace and attachment findings into them. */
export function completeStatuses(world: World, emit: Emitter): void {
  for (const cluster of world.snapshot.clusters) {
    for (const [gk, objects] of cluster.byKind) {
      const group = objects[0] ? refOf(cluster.name, objects[0]).group : "";
      if (!isGlooInputGroup(group)) continue;
      for (const o of objects) {
        // The group is the bucket's: no need to split each object's apiVersion again.
        const ref: ObjectRef = { cluster: cluster.name, group, kind: o.kind, namespace: o.metadata.namespace ?? "", name: o.metadata.name };
        emit.seen(ref);
        if (group.endsWith(".policy.gloo.solo.io") && !TRANSLATED_POLICIES.has(o.kind)) {
          emit.status(ref, "ACCEPTED", `${gk} is not translated by Meshpane, so the preview shows none of its effect`);
        }
      }
    }
  }
  for (const f of [...world.ctx.workspaces.findings, ...world.ctx.attachment.findings]) foldFinding(world, emit, f);
  foldConflicts(world, emit);
}

function foldFinding(world: World, emit: Emitter, f: Finding): void {
  const rule = FINDING_STATES[f.code];
  if (!rule) return;
  const targets: ObjectRef[] = rule.who === "first" ? f.objects.slice(0, 1) : rule.who === "all" ? f.objects : f.objects.slice(0, -1);
  for (const ref of targets) if (isGlooInputGroup(ref.group)) emit.status(ref, rule.state, f.message);
}

/** One-per-target losers: FAILED where they lose every target, WARNING where they keep some (reference §8.3). */
function foldConflicts(world: World, emit: Emitter): void {
  for (const p of world.ctx.attachment.policies) {
    const targets = [...p.routes.map((t) => t.effective), ...p.destinations.map((t) => t.effective)];
    const lost = targets.filter((e) => !e).length;
    if (lost === 0) continue;
    const state: StatusState = lost === targets.length ? "FAILED" : "WARNING";
    emit.status(p.policy, state, `${p.policy.kind} ${p.policy.namespace}/${p.policy.name} conflicts with an older ${p.policy.kind} on ${lost} of its ${targets.length} targets and is skipped there`);
  }
}

/** The group-kind key of a ref (exported for callers that filter statuses by kind). */
export function statusGroupKind(ref: ObjectRef): string {
  return groupKind(ref.group, ref.kind);
}
