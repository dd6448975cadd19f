import "server-only";
import type { KubeObject } from "@/lib/model/meta";
import { objectGroupKind } from "@/lib/snapshot/snapshot";
import { refKey, refOf } from "@/lib/snapshot/ref";
import type { HealthState, SourceHealth, SourceProblem, SourceSink } from "../sources/types";

/**
 * One cluster's objects, per group-kind, keyed by uid (or by ref when a manifest has no uid), with its
 * health. Sources write into it through the SourceSink methods; every write bumps `revision` and calls
 * `onChange`, which the MeshStore turns into a new snapshot version.
 */
export class ClusterStore implements SourceSink {
  private readonly kinds = new Map<string, Map<string, KubeObject>>();
  problems: readonly SourceProblem[] = [];
  absentGroups: readonly string[] = [];
  revision = 0;
  private health: SourceHealth;

  constructor(
    readonly name: string,
    readonly management: boolean,
    private readonly staleAfterMs: number,
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {
    this.health = { state: "Connecting", since: now(), lastSyncAt: null, lastError: null };
  }

  /** Every object held, kind by kind. */
  *objects(): IterableIterator<KubeObject> {
    for (const byKey of this.kinds.values()) yield* byKey.values();
  }

  get size(): number {
    let n = 0;
    for (const byKey of this.kinds.values()) n += byKey.size;
    return n;
  }

  replaceAll(objects: readonly KubeObject[], problems: readonly SourceProblem[]): void {
    this.kinds.clear();
    for (const obj of objects) this.kindMap(objectGroupKind(obj)).set(this.keyOf(obj), obj);
    this.problems = problems;
    this.changed();
  }

  replaceKind(groupKind: string, objects: readonly KubeObject[]): void {
    const byKey = new Map<string, KubeObject>();
    for (const obj of objects) byKey.set(this.keyOf(obj), obj);
    this.kinds.set(groupKind, byKey);
    this.changed();
  }

  upsert(obj: KubeObject): void {
    this.kindMap(objectGroupKind(obj)).set(this.keyOf(obj), obj);
    this.changed();
  }

  remove(obj: KubeObject): void {
    if (this.kinds.get(objectGroupKind(obj))?.delete(this.keyOf(obj))) this.changed();
  }

  setAbsentGroups(groups: readonly string[]): void {
    this.absentGroups = groups;
    this.changed();
  }

  setHealth(state: HealthState, error: string | null = null): void {
    const prev = this.health;
    if (prev.state === state && prev.lastError === error) return;
    const keepError = state === "Healthy" ? null : (error ?? prev.lastError);
    // Leaving Healthy: the cache was current up to this moment, even if no event arrived for a while.
    const lastSyncAt = prev.state === "Healthy" && state !== "Healthy" ? this.now() : prev.lastSyncAt;
    this.health = { ...prev, state, since: prev.state === state ? prev.since : this.now(), lastError: keepError, lastSyncAt };
    this.changed();
  }

  markSynced(): void {
    this.health = { ...this.health, lastSyncAt: this.now() };
  }

  /**
   * Health as of now: a Healthy cluster is current now; a Degraded cluster with no successful sync for
   * `staleAfter` reads Stale.
   */
  currentHealth(): SourceHealth {
    const h = this.health;
    if (h.state === "Healthy") return { ...h, lastSyncAt: this.now() };
    if (h.state !== "Degraded") return h;
    const reference = h.lastSyncAt ?? h.since;
    if (this.now() - reference < this.staleAfterMs) return h;
    return { ...h, state: "Stale", since: reference + this.staleAfterMs };
  }

  private kindMap(gk: string): Map<string, KubeObject> {
    let m = this.kinds.get(gk);
    if (!m) this.kinds.set(gk, (m = new Map()));
    return m;
  }

  private keyOf(obj: KubeObject): string {
    return obj.metadata.uid ?? refKey(refOf(this.name, obj));
  }

  private changed(): void {
    this.revision++;
    this.onChange();
  }
}
