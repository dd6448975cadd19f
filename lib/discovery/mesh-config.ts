import { parse as parseYaml } from "yaml";

/**
 * Parsing helpers for Mesh detection: container image references (istiod version, reference §1.3
 * step 2) and the Istio MeshConfig stored in the mesh ConfigMap (step 4).
 */

/** Tag and digest of an image reference; each empty when absent. */
export interface ImageRef {
  tag: string;
  digest: string;
}

/**
 * Splits `[registry[:port]/]path[:tag][@digest]`. The tag is what follows the last `:` after the last
 * `/`, so a registry port (`localhost:5000/istio/pilot`) is never mistaken for a tag.
 */
export function parseImageRef(image: string): ImageRef {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : "";
  const named = at >= 0 ? image.slice(0, at) : image;
  const colon = named.lastIndexOf(":");
  const tag = colon > named.lastIndexOf("/") ? named.slice(colon + 1) : "";
  return { tag, digest };
}

/** istiod's version as Gloo reads it: the digest when the image has one, else the tag. */
export function imageVersion(image: string): string {
  const { tag, digest } = parseImageRef(image);
  return digest !== "" ? digest : tag;
}

/** The MeshConfig fields discovery reads. */
export interface MeshConfigFacts {
  trustDomain: string;
  smartDnsProxyingEnabled: boolean;
}

export type MeshConfigResult = { ok: true; facts: MeshConfigFacts } | { ok: false; reason: string };

/**
 * Reads `trustDomain` and smart DNS (`defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE == "true"`)
 * from the YAML under the ConfigMap's `mesh` key. An empty document is an empty MeshConfig; YAML that
 * does not parse to a mapping is an error, as it is for Gloo.
 */
export function readMeshConfig(text: string): MeshConfigResult {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message.split("\n")[0] ?? "invalid YAML" : "invalid YAML" };
  }
  if (doc === null || doc === undefined) doc = {};
  if (!isRecord(doc)) return { ok: false, reason: "must be a YAML mapping (an Istio MeshConfig)" };
  const trustDomain = typeof doc.trustDomain === "string" ? doc.trustDomain : "";
  const defaultConfig = isRecord(doc.defaultConfig) ? doc.defaultConfig : {};
  const proxyMetadata = isRecord(defaultConfig.proxyMetadata) ? defaultConfig.proxyMetadata : {};
  return { ok: true, facts: { trustDomain, smartDnsProxyingEnabled: proxyMetadata.ISTIO_META_DNS_CAPTURE === "true" } };
}

/** True for a plain mapping (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
