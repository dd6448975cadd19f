import "server-only";
import { parseItemYaml } from "@/lib/changes";
import { discover } from "@/lib/discovery";
import { attachPolicies } from "@/lib/policies";
import { refKey } from "@/lib/snapshot/ref";
import { applyChange } from "@/lib/validate";
import type { BlastRadius } from "@/lib/views/drafts";
import { resolveWorkspaces } from "@/lib/workspaces";
import { derived } from "../store/derived";
import type { MeshStore } from "../store/mesh-store";

/**
 * What a policy, as written in a draft, selects now: its routes, destinations and workloads in the snapshot
 * with the draft's version of the policy in place (issue 7 §1, the live blast radius of a selector).
 */
export function blastRadius(store: MeshStore, cluster: string, yaml: string): BlastRadius {
  const parsed = parseItemYaml(cluster, yaml);
  const empty: BlastRadius = { policy: parsed.ref, routes: [], destinations: [], workloads: [], fieldErrors: parsed.errors };
  if (!parsed.object || !parsed.ref) return empty;
  const d = derived(store);
  const key = refKey(parsed.ref);
  const exists = d.snapshot.clusters.some((c) => c.name === cluster);
  if (!exists) return { ...empty, fieldErrors: [{ field: "cluster", reason: "FieldValueNotSupported", message: `cluster: must be a registered cluster (${cluster} is not)` }] };
  const snapshot = applyChange(d.snapshot, { added: [], changed: [{ cluster, object: parsed.object }], deleted: [] });
  const attachment = attachPolicies(resolveWorkspaces(snapshot), discover(snapshot).workloads);
  const policy = attachment.policies.find((p) => refKey(p.policy) === key);
  if (!policy) return empty;
  return {
    policy: parsed.ref,
    routes: [...new Map(policy.routes.map((r) => [refKey(r.route.table), r.route.table])).values()],
    destinations: policy.destinations.map((t) => t.destination),
    workloads: policy.workloads,
    fieldErrors: [],
  };
}
