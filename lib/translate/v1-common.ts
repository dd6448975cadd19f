import type { DestinationView } from "../discovery/types";
import type { V1DestinationSelector } from "../model/gloo-v1";
import type { KubeObject } from "../model/meta";
import { matchesLabels } from "../snapshot/labels";
import type { ObjectRef } from "../snapshot/ref";
import { allObjectsOf } from "../snapshot/snapshot";
import { cmp } from "../workspaces/kinds";
import { sortKeys } from "./canonical";
import { V1_OWNER_LABEL, V1_PARENTS_ANNOTATION } from "./metadata";
import { serviceAt, type World } from "./world";

/**
 * Shared pieces of the Gloo Mesh v1 translator (reference §4, [CODE]): destination selection, the
 * `name.namespace.` key order, and v1 output metadata (owner label + JSON parents annotation).
 */

export const V1_GROUP = "networking.mesh.gloo.solo.io";
export const GLOO_MESH_NAMESPACE = "gloo-mesh";

/** A v1 input object with its ref. */
export interface V1Entry {
  ref: ObjectRef;
  object: KubeObject;
}

/** The v1 objects of one kind on management clusters, in skv2 key order (`<name>.<namespace>.`). */
export function v1Objects(world: World, kind: string): V1Entry[] {
  const mgmt = new Set(world.snapshot.clusters.filter((c) => c.management).map((c) => c.name));
  return allObjectsOf(world.snapshot, `${kind}.${V1_GROUP}`)
    .filter((o) => mgmt.has(o.cluster))
    .map((o) => ({ ref: { cluster: o.cluster, group: V1_GROUP, kind, namespace: o.object.metadata.namespace ?? "", name: o.object.metadata.name }, object: o.object }))
    .sort((a, b) => cmp(`${a.ref.name}.${a.ref.namespace}.`, `${b.ref.name}.${b.ref.namespace}.`) || cmp(a.ref.cluster, b.ref.cluster));
}

/** True when a v1 DestinationSelector picks a discovered Destination (matcher OR refs). */
export function matchesV1Destination(sel: V1DestinationSelector, d: DestinationView): boolean {
  const m = sel.kubeServiceMatcher;
  if (m) {
    const ok = matchesLabels(m.labels ?? {}, d.labels)
      && ((m.namespaces ?? []).length === 0 || (m.namespaces ?? []).includes(d.namespace))
      && ((m.clusters ?? []).length === 0 || (m.clusters ?? []).includes(d.cluster));
    if (ok) return true;
  }
  return (sel.kubeServiceRefs?.services ?? []).some((r) => r.name === d.name && r.namespace === d.namespace && r.clusterName === d.cluster);
}

/** The Destinations a list of selectors picks; an empty list picks every Destination. */
export function selectV1Destinations(world: World, selectors: readonly V1DestinationSelector[] | undefined): DestinationView[] {
  const all = world.ctx.discovery.destinations;
  if (!selectors || selectors.length === 0) return [...all];
  return all.filter((d) => selectors.some((s) => matchesV1Destination(s, d)));
}

/** Reference problems of a selector list: refs missing fields or naming no Destination (policy INVALID). */
export function v1RefProblems(world: World, selectors: readonly V1DestinationSelector[] | undefined): { message: string; field: string }[] {
  const out: { message: string; field: string }[] = [];
  (selectors ?? []).forEach((s, i) => (s.kubeServiceRefs?.services ?? []).forEach((r, j) => {
    const field = `spec.destinationSelector[${i}].kubeServiceRefs.services[${j}]`;
    if (!r.name || !r.namespace || !r.clusterName) out.push({ message: "must set name, namespace and clusterName", field });
    else if (!world.ctx.discovery.destinations.some((d) => d.name === r.name && d.namespace === r.namespace && d.cluster === r.clusterName)) {
      out.push({ message: `Destination ${r.name}-${r.namespace}-${r.clusterName}.${GLOO_MESH_NAMESPACE}. not found`, field });
    }
  }));
  return out;
}

/** The ref of the Service a Destination was discovered from. */
export function destinationService(d: DestinationView): ObjectRef {
  return { cluster: d.cluster, group: "", kind: "Service", namespace: d.namespace, name: d.name };
}

/**
 * v1 metadata (§4.2): owner label, the Service's annotations (v1 copies the Destination's, i.e. the
 * Service's), and the parents annotation naming the Destination or VirtualMesh.
 */
export function v1Meta(world: World, name: string, namespace: string, parentGvk: string, parents: readonly { name: string; namespace: string }[], copyFrom?: DestinationView): KubeObject["metadata"] {
  const copied = copyFrom ? (serviceAt(world, destinationService(copyFrom))?.object.metadata.annotations ?? {}) : {};
  return {
    annotations: sortKeys({ ...copied, [V1_PARENTS_ANNOTATION]: JSON.stringify({ [parentGvk]: parents.map((p) => ({ name: p.name, namespace: p.namespace })) }) }),
    labels: { [V1_OWNER_LABEL]: GLOO_MESH_NAMESPACE },
    name,
    namespace,
  };
}

export const DESTINATION_GVK = "discovery.mesh.gloo.solo.io/v1, Kind=Destination";
export const VIRTUAL_MESH_GVK = "networking.mesh.gloo.solo.io/v1, Kind=VirtualMesh";
