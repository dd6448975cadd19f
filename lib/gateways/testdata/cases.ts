import { parseAllDocuments } from "yaml";
import type { KubeObject } from "../../model/meta";
import { parseObject } from "../../model/registry";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../../snapshot/snapshot";
import type { TraceInput } from "../trace-types";
import type { ProfileId } from "../types";

/**
 * Golden case files (test helper only): multi-document YAML of Kubernetes objects plus one
 * `kind: GoldenCase` document saying which clusters exist, which controllers map to which profile, which
 * requests to trace and which sections to keep. An object lands in cluster `cluster-1` unless its annotation
 * `test.meshpane.dev/cluster` says otherwise. `include` pulls in the objects of other case files.
 */
export interface GoldenCase {
  controllers?: Record<string, ProfileId>;
  clusters?: string[];
  include?: string[];
  sections?: ("status" | "traces" | "findings" | "table" | "functions")[];
  traces?: (TraceInput & { vhostMode?: "isolated" | "merged"; name?: string })[];
  openApiDocs?: Record<string, unknown>;
}

/** A parsed golden case: its GoldenCase document and its objects with their clusters. */
export interface LoadedCase {
  spec: GoldenCase;
  objects: { cluster: string; object: KubeObject }[];
}

const CLUSTER_ANNOTATION = "test.meshpane.dev/cluster";

/** Parses a case file's text; every Kubernetes object must pass its schema (goldens are on valid input). */
export function parseCase(text: string, file: string, load: (name: string) => string): LoadedCase {
  let spec: GoldenCase = {};
  const objects: LoadedCase["objects"] = [];
  for (const doc of parseAllDocuments(text)) {
    const raw = doc.toJS() as Record<string, unknown> | null;
    if (!raw) continue;
    if (raw.kind === "GoldenCase") {
      spec = raw as GoldenCase;
      continue;
    }
    const parsed = parseObject(raw);
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
    const cluster = parsed.object.metadata.annotations?.[CLUSTER_ANNOTATION] ?? "cluster-1";
    objects.push({ cluster, object: parsed.object });
  }
  for (const inc of spec.include ?? []) objects.unshift(...parseCase(load(inc), inc, load).objects);
  return { spec, objects };
}

/** Builds a snapshot from case objects (clusters in the case's list plus any an object names). */
export function caseSnapshot(c: LoadedCase, version = 1): Snapshot {
  const names = new Set([...(c.spec.clusters ?? ["cluster-1"]), ...c.objects.map((o) => o.cluster)]);
  return buildSnapshot(version, [...names].map((name) => buildSnapshotCluster(name, name === "mgmt", c.objects.filter((o) => o.cluster === name).map((o) => o.object))));
}
