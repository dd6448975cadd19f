import "server-only";
import type { KubeObject } from "@/lib/model/meta";
import type { FieldError } from "@/lib/model/errors";

/** One HTTP header line: name and value. Lists of them keep repeated names (Impersonate-Group) apart. */
export type HeaderLine = readonly [string, string];

/** Something wrong with what a source read: a file that does not parse, an object that fails its schema. */
export interface SourceProblem {
  /** File path relative to the source root (directory sources). */
  file?: string;
  line?: number;
  /** `Kind namespace/name` of the object, when known. */
  object?: string;
  message: string;
  fields?: FieldError[];
}

/** Connection state of one cluster: DESIGN.md "Talking to API servers" and the kube-source issue. */
export type HealthState = "Connecting" | "Healthy" | "Degraded" | "Stale";

export interface SourceHealth {
  state: HealthState;
  /** When the state last changed (ms since epoch). */
  since: number;
  /** Last time the source had a complete, current view (ms since epoch); null before the first sync. */
  lastSyncAt: number | null;
  lastError: string | null;
}

/** What a source pushes into its cluster store. Directory sources replace everything on each read. */
export interface SourceSink {
  replaceAll(objects: readonly KubeObject[], problems: readonly SourceProblem[]): void;
  /** Replaces every object of one group-kind (`Pod`, `Deployment.apps`), as a relist does. */
  replaceKind(groupKind: string, objects: readonly KubeObject[]): void;
  /** API groups Meshpane models that the cluster does not serve (CRDs not installed). */
  setAbsentGroups(groups: readonly string[]): void;
  upsert(obj: KubeObject): void;
  remove(obj: KubeObject): void;
  setHealth(state: HealthState, error?: string | null): void;
  /** Marks a complete, current view (initial list done, or a directory read). */
  markSynced(): void;
}

/** A cluster's source of objects: a directory of YAML or a Kubernetes API server. */
export interface ClusterSource {
  readonly kind: "directory" | "kubeconfig" | "inCluster";
  /** Human description for the UI, never containing credentials. */
  readonly description: string;
  start(sink: SourceSink): void;
  stop(): Promise<void>;
  /** The full object, for detail pages, when the store keeps only a slim copy. */
  fetchObject?(groupKind: string, namespace: string, name: string): Promise<KubeObject | null>;
  /** Counters since start, for /metrics (sources that watch). */
  stats?(): SourceStats;
  /** Writes objects back (issue 7): server-side apply for API servers, a file rewrite for directories. */
  readonly writer?: ObjectWriter;
}

/** How a write is sent. */
export interface WriteOptions {
  /** Ask the server to check and compute the result without persisting it (`dryRun=All`). */
  dryRun: boolean;
  /** Take over fields other field managers own (platform admins only; checked by the caller). */
  force: boolean;
  /** Extra header lines: impersonation of the signed-in user (and each of their groups) for API servers. */
  headers?: readonly HeaderLine[];
  /** Delete only if the object is still at this version (API servers). */
  resourceVersion?: string | null;
}

/** What the server (or the directory) said. */
export interface WriteOutcome {
  ok: boolean;
  /** HTTP status: 200/201 on success; 409 conflict, 422 invalid, 403 forbidden... */
  status: number;
  message: string;
  /** Field errors relative to the object (the API server's causes). */
  causes: FieldError[];
  /** Fields another field manager owns that this write sets differently (server-side apply conflict). */
  conflicts: { field: string; manager: string }[];
  /** The object as the server would store it (dry run) or stored it. */
  object: KubeObject | null;
}

/** Applies and deletes objects in one cluster. */
export interface ObjectWriter {
  /** Why this writer refuses every write (shown on the cluster), or null when it writes. */
  readOnly(): string | null;
  apply(object: KubeObject, opts: WriteOptions): Promise<WriteOutcome>;
  remove(object: KubeObject, opts: WriteOptions): Promise<WriteOutcome>;
}

/** What a watching source has done since it started. */
export interface SourceStats {
  watchRestarts: number;
  relists: number;
  eventsApplied: number;
}
