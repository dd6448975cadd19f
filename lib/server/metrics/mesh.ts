import "server-only";
import { Gauge, type Registry } from "prom-client";
import type { HealthState } from "../sources/types";
import type { MeshStore } from "../store/mesh-store";

const STATES: readonly HealthState[] = ["Connecting", "Healthy", "Degraded", "Stale"];

/**
 * Gauges read from the store at scrape time: per-cluster sync state, watch restarts, relists, events
 * applied, objects held, changes, time since the last sync, and the snapshot's version and age.
 * Totals kept by the sources are exposed as gauges named `_total` (they only grow while the process lives).
 */
export function registerMeshMetrics(registry: Registry, store: () => MeshStore, now: () => number = Date.now): void {
  // The snapshot's age counts from the last change notification (subscribed on the first scrape).
  let watched: MeshStore | null = null;
  let changedAt = now();
  const snapshotAge = () => {
    const s = store();
    if (watched !== s) {
      watched = s;
      changedAt = now();
      s.subscribe(() => (changedAt = now()));
    }
    return (now() - changedAt) / 1000;
  };
  const perCluster = (name: string, help: string, value: (c: ReturnType<MeshStore["clusters"]>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["cluster"],
      registers: [registry],
      collect() {
        this.reset();
        for (const c of store().clusters()) this.set({ cluster: c.store.name }, value(c));
      },
    });

  new Gauge({
    name: "meshpane_cluster_sync_state",
    help: "1 for the cluster's current connection state (Connecting, Healthy, Degraded, Stale), 0 for the others.",
    labelNames: ["cluster", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const c of store().clusters()) {
        const current = c.store.currentHealth().state;
        for (const state of STATES) this.set({ cluster: c.store.name, state }, state === current ? 1 : 0);
      }
    },
  });
  perCluster("meshpane_cluster_last_sync_age_seconds", "Seconds since the cluster's view was last complete and current (-1: never).", (c) => {
    const at = c.store.currentHealth().lastSyncAt;
    return at === null ? -1 : (now() - at) / 1000;
  });
  perCluster("meshpane_cluster_objects", "Objects held for the cluster.", (c) => c.store.size);
  perCluster("meshpane_cluster_changes_total", "Changes written into the cluster's store (lists, events, directory reads).", (c) => c.store.revision);
  perCluster("meshpane_watch_restarts_total", "Watches of the cluster that ended and were resumed or restarted.", (c) => c.source.stats?.().watchRestarts ?? 0);
  perCluster("meshpane_relists_total", "Full relists of a kind after a watch expired (410 Gone).", (c) => c.source.stats?.().relists ?? 0);
  perCluster("meshpane_events_applied_total", "Watch events applied to the cluster's store.", (c) => c.source.stats?.().eventsApplied ?? 0);
  new Gauge({ name: "meshpane_snapshot_version", help: "Version of the current mesh snapshot.", registers: [registry], collect() {
    this.set(store().currentVersion);
  } });
  new Gauge({ name: "meshpane_snapshot_age_seconds", help: "Seconds since the mesh snapshot last changed.", registers: [registry], collect() {
    this.set(snapshotAge());
  } });
}
