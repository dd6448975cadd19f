import type { ClusterIndex } from "./cluster-index";

/** The referring side of a cross-namespace reference. */
export interface GrantFrom {
  group: string;
  kind: string;
  namespace: string;
}

/** The referenced side. */
export interface GrantTo {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Whether a reference is permitted (reference §1.5): same namespace always; otherwise a ReferenceGrant in the
 * target namespace must list the referrer in `from` and the target in `to` (no name = every object of the kind).
 */
export function referencePermitted(index: ClusterIndex, from: GrantFrom, to: GrantTo): boolean {
  if (from.namespace === to.namespace) return true;
  return index.grantsIn(to.namespace).some(
    (grant) =>
      grant.spec.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
      grant.spec.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === "" || t.name === to.name)),
  );
}
