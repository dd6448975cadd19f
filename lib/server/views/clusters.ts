import "server-only";
import type { ClusterView } from "@/lib/views/clusters";
import type { SnapshotCluster } from "@/lib/snapshot/snapshot";
import type { ReadFilter } from "../auth/visibility";
import { derived } from "../store/derived";
import type { MeshStore } from "../store/mesh-store";

/**
 * Every cluster as the API shows it: source (never credentials), health, whether it takes writes, problems
 * and counts. A team member's counts cover only their visible namespaces, and the source's problems (file
 * paths and object names of any team) are for platform admins: the member sees how many there are.
 */
export function clusterViews(store: MeshStore, filter: ReadFilter): ClusterView[] {
  const { snapshot, discovery } = derived(store);
  // The same tests as the workloads and destinations lists, so the counts match what those pages show.
  const workloads = discovery.workloads.filter((w) => filter.namespace(w.cluster, w.namespace));
  const destinations = discovery.destinations.filter((d) => filter.ref({ cluster: d.cluster, group: "", kind: "Service", namespace: d.namespace, name: d.name }));
  const count = (items: readonly { cluster: string }[], name: string) => items.filter((i) => i.cluster === name).length;
  return store.clusters().map(({ store: cs, source }) => {
    const snap = snapshot.clusters.find((c) => c.name === cs.name);
    const visible = snap ? visibleCounts(snap, filter) : new Map<string, number>();
    const of = (kind: string) => visible.get(kind) ?? 0;
    return {
      cluster: cs.name,
      namespace: "",
      name: cs.name,
      management: cs.management,
      source: { kind: source.kind, description: source.description },
      health: cs.currentHealth(),
      readOnly: source.writer ? source.writer.readOnly() : "this source has no writer",
      absentGroups: [...cs.absentGroups],
      problems: filter.all ? cs.problems.map((p) => ({ file: p.file, line: p.line, object: p.object, message: p.message })) : [],
      hiddenProblems: filter.all ? 0 : cs.problems.length,
      counts: {
        objects: filter.all ? cs.size : [...visible.values()].reduce((a, b) => a + b, 0),
        namespaces: of("Namespace"),
        pods: of("Pod"),
        services: of("Service"),
        meshes: count(discovery.meshes, cs.name),
        workloads: count(workloads, cs.name),
        destinations: count(destinations, cs.name),
      },
    };
  });
}

/** How many objects of each kind the filter lets through: all for admins; for members, those in visible namespaces (a Namespace by its own name). */
function visibleCounts(snap: SnapshotCluster, filter: ReadFilter): Map<string, number> {
  const out = new Map<string, number>();
  for (const [kind, list] of snap.byKind) {
    out.set(kind, filter.all ? list.length : list.filter((o) => filter.namespace(snap.name, kind === "Namespace" ? o.metadata.name : (o.metadata.namespace ?? ""))).length);
  }
  return out;
}
