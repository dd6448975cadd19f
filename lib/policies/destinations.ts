import type { DestinationKind, DestinationReference, DestinationSelector, ObjectSelector, PortSelector } from "../model/gloo-common";
import { matchesLabels } from "../snapshot/labels";
import type { ObjectRef } from "../snapshot/ref";
import { EXTERNAL_SERVICE_GK, SERVICE_GK, VIRTUAL_DESTINATION_GK } from "../workspaces/kinds";
import type { CatalogEntry, WorkspaceIndex } from "../workspaces/types";
import type { RouteDestination } from "./types";

/**
 * Destinations as policies and routes see them: Services (one per cluster), VirtualDestinations and
 * ExternalServices (reference §2.2 DestinationSelector / DestinationReference).
 */

/** DestinationKind → group-kind. */
export const DESTINATION_GKS: Readonly<Record<DestinationKind, string>> = {
  SERVICE: SERVICE_GK,
  VIRTUAL_DESTINATION: VIRTUAL_DESTINATION_GK,
  EXTERNAL_SERVICE: EXTERNAL_SERVICE_GK,
};

const KIND_OF_GK = new Map(Object.entries(DESTINATION_GKS).map(([k, gk]) => [gk, k as DestinationKind] as const));

/** The DestinationKind of a group-kind, if it is a destination kind. */
export function destinationKindOf(gk: string): DestinationKind | undefined {
  return KIND_OF_GK.get(gk);
}

/** A port selector as text: the number, the name, or "" when unset. */
export function portText(port: PortSelector | undefined): string {
  if (port?.number !== undefined) return String(port.number);
  return port?.name ?? "";
}

/**
 * True when an ObjectSelector picks an object: labels, name, namespace, cluster and owning workspace,
 * every empty field meaning "any" (reference §2.2).
 */
export function matchesObjectSelector(selector: ObjectSelector | undefined, ref: ObjectRef, labels: Record<string, string> | undefined, owner: string | null): boolean {
  const s = selector ?? {};
  if (s.name && s.name !== ref.name) return false;
  if (s.namespace && s.namespace !== ref.namespace) return false;
  if (s.cluster && s.cluster !== ref.cluster) return false;
  if (s.workspace && s.workspace !== owner) return false;
  return matchesLabels(s.labels ?? {}, labels ?? {});
}

/** True when a DestinationSelector picks a catalogued destination (kind defaults to SERVICE). */
export function matchesDestination(selector: DestinationSelector, entry: CatalogEntry): boolean {
  if (DESTINATION_GKS[selector.kind ?? "SERVICE"] !== entry.gk) return false;
  return matchesObjectSelector(selector.selector, entry.ref, entry.object.metadata.labels, entry.owner);
}

/**
 * Resolves one forwardTo destination of a route. Empty namespace and cluster default to the RouteTable's
 * (reference §2.2); `awsLambda` and other non-ref destinations are not destinations here (null).
 */
export function resolveRouteDestination(d: DestinationReference, table: ObjectRef, workspace: string, index: WorkspaceIndex): RouteDestination | null {
  if (!d.ref) return null;
  const kind = d.kind ?? "SERVICE";
  const gk = DESTINATION_GKS[kind];
  const dot = gk.indexOf(".");
  const ref: ObjectRef = {
    cluster: d.ref.cluster || table.cluster,
    group: dot < 0 ? "" : gk.slice(dot + 1),
    kind: dot < 0 ? gk : gk.slice(0, dot),
    namespace: d.ref.namespace || table.namespace,
    name: d.ref.name,
  };
  const entry = index.entry(ref);
  return {
    ref,
    kind,
    port: portText(d.port),
    subset: d.subset ?? {},
    weight: d.weight ?? null,
    found: entry !== undefined,
    visible: entry !== undefined && index.isVisible(ref, workspace),
    owner: entry?.owner ?? null,
  };
}
