import type { Node } from "../model/core";
import type { ExternalAddress } from "./types";

/**
 * Node-derived facts: region, zone and sub-zone labels, and the addresses a NodePort is reachable on
 * (reference §1.3 step 5, §1.5 steps 1 and 4).
 */

const REGION_LABELS = ["topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region"] as const;
const ZONE_LABELS = ["topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"] as const;
const SUBZONE_LABEL = "topology.istio.io/subzone";

/** The first of `keys` present on the labels (present with an empty value counts), if any. */
function firstLabel(labels: Readonly<Record<string, string>> | undefined, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    if (labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key)) return labels[key];
  }
  return undefined;
}

/** The Node's region: the stable label, else the deprecated one; undefined when neither is set. */
export function nodeRegion(node: Node | undefined): string | undefined {
  return firstLabel(node?.metadata.labels, REGION_LABELS);
}

/**
 * Zone (stable label, else deprecated) and Istio sub-zone of a Node. Null when the Node is unknown or
 * has no zone label, even if it has a sub-zone: Gloo treats a missing zone as an error and leaves the
 * endpoint without a sub-locality.
 */
export function nodeSubLocality(node: Node | undefined): { zone: string; subZone: string } | null {
  const zone = firstLabel(node?.metadata.labels, ZONE_LABELS);
  if (zone === undefined) return null;
  return { zone, subZone: node?.metadata.labels?.[SUBZONE_LABEL] ?? "" };
}

/** A kind (Kubernetes in Docker) node carries a `kindnetd` image; its InternalIP stands in for an external one. */
export function isKindNode(node: Node): boolean {
  return (node.status?.images ?? []).some((image) => (image.names ?? []).some((n) => n.includes("kindnetd")));
}

/**
 * Addresses a NodePort Service is reachable on through this Node, as Gloo's Destination detector
 * collects them: every ExternalIP, plus every InternalIP on kind nodes. (The newer code dropped
 * Hostname addresses.)
 */
export function nodePortAddresses(node: Node): ExternalAddress[] {
  const kind = isKindNode(node);
  const out: ExternalAddress[] = [];
  for (const addr of node.status?.addresses ?? []) {
    if (kind && addr.type === "InternalIP") out.push({ ip: addr.address });
    else if (addr.type === "ExternalIP") out.push({ ip: addr.address });
  }
  return out;
}

/**
 * The one address of an ingress gateway's Node (Mesh detection, reference §1.3 step 8): on kind the
 * first InternalIP; elsewhere the first address that is neither InternalIP nor InternalDNS.
 */
export function gatewayNodeAddress(node: Node): string | undefined {
  const kind = isKindNode(node);
  for (const addr of node.status?.addresses ?? []) {
    if (kind ? addr.type === "InternalIP" : addr.type !== "InternalIP" && addr.type !== "InternalDNS") return addr.address;
  }
  return undefined;
}
