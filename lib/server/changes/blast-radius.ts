import "server-only";
import { parseItemYaml } from "@/lib/changes";
import { groupKind } from "@/lib/model/registry";
import { attachOnePolicy, POLICY_RULES } from "@/lib/policies";
import { refKey } from "@/lib/snapshot/ref";
import { applyChange } from "@/lib/validate";
import type { BlastRadius } from "@/lib/views/drafts";
import { resolveWorkspaces } from "@/lib/workspaces";
import { derived } from "../store/derived";
import type { MeshStore } from "../store/mesh-store";

/**
 * What a policy, as written in a draft, selects now: its routes, destinations and workloads in the snapshot
 * with the draft's version of the policy in place (issue 7 §1, the live blast radius of a selector).
 * Runs on every (debounced) edit, so it reuses the snapshot's routes and workloads (a policy changes
 * neither) and selects for this one policy; only workspace resolution reruns, to place the new version.
 */
export function blastRadius(store: MeshStore, cluster: string, yaml: string): BlastRadius {
  const parsed = parseItemYaml(cluster, yaml);
  const empty: BlastRadius = { policy: parsed.ref, routes: [], destinations: [], workloads: [], fieldErrors: parsed.errors };
  if (!parsed.object || !parsed.ref || !POLICY_RULES.has(groupKind(parsed.ref.group, parsed.ref.kind))) return empty;
  const d = derived(store);
  const exists = d.snapshot.clusters.some((c) => c.name === cluster);
  if (!exists) return { ...empty, fieldErrors: [{ field: "cluster", reason: "FieldValueNotSupported", message: `cluster: must be a registered cluster (${cluster} is not)` }] };
  const snapshot = applyChange(d.snapshot, { added: [], changed: [{ cluster, object: parsed.object }], deleted: [] });
  const policy = attachOnePolicy(resolveWorkspaces(snapshot), d.attachment.routes, d.discovery.workloads, parsed.ref);
  if (!policy) return empty;
  return {
    policy: parsed.ref,
    routes: [...new Map(policy.routes.map((r) => [refKey(r.route.table), r.route.table])).values()],
    destinations: policy.destinations.map((t) => t.destination),
    workloads: policy.workloads,
    fieldErrors: [],
  };
}
