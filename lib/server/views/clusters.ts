import "server-only";
import type { ClusterView } from "@/lib/views/clusters";
import { objectsOf } from "@/lib/snapshot/snapshot";
import { derived } from "../store/derived";
import type { MeshStore } from "../store/mesh-store";

/** Every cluster as the API shows it: source (never credentials), health, problems, counts. */
export function clusterViews(store: MeshStore): ClusterView[] {
  const { snapshot, discovery } = derived(store);
  const count = <T extends { cluster: string }>(items: readonly T[], name: string) => items.filter((i) => i.cluster === name).length;
  return store.clusters().map(({ store: cs, source }) => {
    const snap = snapshot.clusters.find((c) => c.name === cs.name);
    return {
      cluster: cs.name,
      namespace: "",
      name: cs.name,
      management: cs.management,
      source: { kind: source.kind, description: source.description },
      health: cs.currentHealth(),
      absentGroups: [...cs.absentGroups],
      problems: cs.problems.map((p) => ({ file: p.file, line: p.line, object: p.object, message: p.message })),
      counts: {
        objects: cs.size,
        namespaces: snap ? objectsOf(snap, "Namespace").length : 0,
        pods: snap ? objectsOf(snap, "Pod").length : 0,
        services: snap ? objectsOf(snap, "Service").length : 0,
        meshes: count(discovery.meshes, cs.name),
        workloads: count(discovery.workloads, cs.name),
        destinations: count(discovery.destinations, cs.name),
      },
    };
  });
}
