import type { DestinationView, WorkloadView } from "../discovery";

/**
 * A destination as the API lists it: discovery's view plus `versions`, the distinct `version` pod
 * labels of its backing workloads. Subsets (reference §1.5) exist only for keys with two or more
 * values, so a cluster running one version has no subsets; `versions` still tells which one it runs.
 */
export interface DestinationListItem extends DestinationView {
  versions: string[];
}

/** Adds `versions` to each destination from the workloads that back it. */
export function withVersions(destinations: readonly DestinationView[], workloads: readonly WorkloadView[]): DestinationListItem[] {
  const byKey = new Map(workloads.map((w) => [`${w.cluster}|${w.namespace}|${w.kind}|${w.name}`, w] as const));
  return destinations.map((d) => {
    const versions = new Set<string>();
    for (const ref of d.workloads) {
      const v = byKey.get(`${ref.cluster}|${ref.namespace}|${ref.kind}|${ref.name}`)?.podLabels.version;
      if (v) versions.add(v);
    }
    return { ...d, versions: [...versions].sort() };
  });
}
