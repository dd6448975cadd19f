import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { Upstream } from "@/lib/model/gloo-edge-upstream";
import { refKey, refOf } from "@/lib/snapshot/ref";
import { objectsOf, type Snapshot } from "@/lib/snapshot/snapshot";
import type { MeshpaneConfig } from "../config";
import { OPENAPI_DIR } from "../sources/directory";

/**
 * OpenAPI (swagger) documents of REST Upstreams, keyed by the Upstream's `refKey` for `buildGatewayModel`.
 * `serviceSpec.rest.swaggerInfo.inline` is parsed wherever the cluster comes from. For a directory source the
 * document is kept beside the dump: a relative (or `file:`) `swaggerInfo.url` is resolved against the cluster
 * directory; an http(s) URL, which Meshpane never fetches, falls back to `openapi/<upstream name>.json`.
 * Paths may not leave the directory. Unreadable documents are skipped: the Upstream then lists only spec functions.
 */
export function loadOpenApiDocs(snapshot: Snapshot, config: MeshpaneConfig): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const cluster of snapshot.clusters) {
    const source = config.clusters.find((c) => c.name === cluster.name)?.source;
    const dir = source && "directory" in source ? source.directory : null;
    for (const up of objectsOf<Upstream>(cluster, "Upstream.gloo.solo.io")) {
      const info = (up.spec.kube?.serviceSpec ?? up.spec.static?.serviceSpec)?.rest?.swaggerInfo;
      if (!info) continue;
      const doc = info.inline !== undefined ? parseDoc(info.inline) : dir ? readBeside(dir, info.url, up.metadata.name) : undefined;
      if (doc !== undefined) docs.set(refKey(refOf(cluster.name, up)), doc);
    }
  }
  return docs;
}

/**
 * Parsed documents are kept between snapshot versions (the model is rebuilt on every version; the documents
 * rarely change): files by path, reread when their modification time or size changes, and inline documents
 * by their text. Bounded so a stream of distinct inline documents cannot grow it without limit.
 */
const MAX_CACHED = 512;
const fileCache = new Map<string, { mtimeMs: number; size: number; doc: unknown }>();
const inlineCache = new Map<string, unknown>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** Forgets every cached document (tests). */
export function clearOpenApiCache(): void {
  fileCache.clear();
  inlineCache.clear();
}

function parseDoc(text: string): unknown {
  if (inlineCache.has(text)) return inlineCache.get(text);
  return remember(inlineCache, text, parseText(text));
}

function parseText(text: string): unknown {
  try {
    const doc: unknown = parseYaml(text);
    return typeof doc === "object" && doc !== null ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** The file a swaggerInfo.url names inside `dir`, or null when it would leave the directory. */
export function documentPath(dir: string, url: string | undefined, upstreamName: string): string | null {
  const relative = url === undefined || /^https?:\/\//i.test(url) ? path.join(OPENAPI_DIR, `${upstreamName}.json`) : url.replace(/^file:(\/\/)?/i, "");
  const root = path.resolve(dir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

function readBeside(dir: string, url: string | undefined, upstreamName: string): unknown {
  const file = documentPath(dir, url, upstreamName);
  if (file === null) return undefined;
  try {
    const stat = fs.statSync(file);
    const hit = fileCache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.doc;
    return remember(fileCache, file, { mtimeMs: stat.mtimeMs, size: stat.size, doc: parseText(fs.readFileSync(file, "utf8")) }).doc;
  } catch {
    fileCache.delete(file);
    return undefined;
  }
}
