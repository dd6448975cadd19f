import "server-only";
import { buildSnapshot, buildSnapshotCluster, type Snapshot, type SnapshotCluster } from "@/lib/snapshot/snapshot";
import type { MeshpaneConfig } from "../config";
import type { ClusterSource } from "../sources/types";
import { ClusterStore } from "./cluster-store";

const NOTIFY_THROTTLE_MS = 100;
const HEALTH_TICK_MS = 1_000;

export type ChangeListener = (version: number) => void;

interface Entry {
  store: ClusterStore;
  source: ClusterSource;
  built: { revision: number; cluster: SnapshotCluster } | null;
}

/**
 * Every cluster's store, assembled on demand into one immutable, versioned Snapshot. Listeners hear
 * the new version (throttled) after any change, including a cluster turning Stale with no event.
 */
export class MeshStore {
  private readonly entries: Entry[];
  private version = 0;
  private snapshotCache: Snapshot | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private healthTimer: ReturnType<typeof setInterval> | null = null;
  private lastHealthKey = "";

  constructor(readonly config: MeshpaneConfig, makeSource: (cluster: MeshpaneConfig["clusters"][number]) => ClusterSource, private readonly now: () => number = Date.now) {
    this.entries = config.clusters.map((c) => ({
      store: new ClusterStore(c.name, c.management, config.staleAfterSeconds * 1000, now, () => this.changed()),
      source: makeSource(c),
      built: null,
    }));
  }

  start(): void {
    for (const e of this.entries) e.source.start(e.store);
    this.healthTimer = setInterval(() => this.checkHealthTransitions(), HEALTH_TICK_MS);
    this.healthTimer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    await Promise.all(this.entries.map((e) => e.source.stop()));
  }

  /**
   * Resolves once every cluster has synced or failed once, or after `timeoutMs`; requests wait for it
   * so the first page after a start is not empty. A slow cluster never holds requests longer.
   */
  async whenReady(timeoutMs = 5_000): Promise<void> {
    const settled = () => this.entries.every((e) => e.store.currentHealth().state !== "Connecting");
    if (settled()) return;
    const deadline = this.now() + timeoutMs;
    while (!settled() && this.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  get currentVersion(): number {
    return this.version;
  }

  /** The snapshot for the current version; clusters whose store did not change are reused. */
  snapshot(): Snapshot {
    if (this.snapshotCache?.version === this.version) return this.snapshotCache;
    const clusters = this.entries.map((e) => {
      if (e.built?.revision !== e.store.revision) {
        e.built = { revision: e.store.revision, cluster: buildSnapshotCluster(e.store.name, e.store.management, e.store.objects()) };
      }
      return e.built.cluster;
    });
    this.snapshotCache = buildSnapshot(this.version, clusters);
    return this.snapshotCache;
  }

  clusters(): readonly { store: ClusterStore; source: ClusterSource }[] {
    return this.entries;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      for (const l of this.listeners) l(this.version);
    }, NOTIFY_THROTTLE_MS);
  }

  private checkHealthTransitions(): void {
    const key = this.entries.map((e) => e.store.currentHealth().state).join(",");
    if (key !== this.lastHealthKey) {
      const first = this.lastHealthKey === "";
      this.lastHealthKey = key;
      if (!first) this.changed();
    }
  }
}
