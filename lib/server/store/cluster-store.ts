import "server-only";
import type { KubeObject } from "@/lib/model/meta";
import { refKey, refOf } from "@/lib/snapshot/ref";
import type { HealthState, SourceHealth, SourceProblem, SourceSink } from "../sources/types";

/**
 * One cluster's objects, keyed by uid (or by ref when a manifest has no uid), with its health.
 * Sources write into it through the SourceSink methods; every write bumps `revision` and calls
 * `onChange`, which the MeshStore turns into a new snapshot version.
 */
export class ClusterStore implements SourceSink {
  readonly objects = new Map<string, KubeObject>();
  problems: readonly SourceProblem[] = [];
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

  replaceAll(objects: readonly KubeObject[], problems: readonly SourceProblem[]): void {
    this.objects.clear();
    for (const obj of objects) this.objects.set(this.keyOf(obj), obj);
    this.problems = problems;
    this.changed();
  }

  upsert(obj: KubeObject): void {
    this.objects.set(this.keyOf(obj), obj);
    this.changed();
  }

  remove(obj: KubeObject): void {
    if (this.objects.delete(this.keyOf(obj))) this.changed();
  }

  setHealth(state: HealthState, error: string | null = null): void {
    const prev = this.health;
    if (prev.state === state && prev.lastError === error) return;
    const keepError = state === "Healthy" ? null : (error ?? prev.lastError);
    this.health = { ...prev, state, since: prev.state === state ? prev.since : this.now(), lastError: keepError };
    this.changed();
  }

  markSynced(): void {
    this.health = { ...this.health, lastSyncAt: this.now() };
  }

  /** Health as of now: a Degraded cluster with no successful sync for `staleAfter` reads Stale. */
  currentHealth(): SourceHealth {
    const h = this.health;
    if (h.state !== "Degraded") return h;
    const reference = h.lastSyncAt ?? h.since;
    if (this.now() - reference < this.staleAfterMs) return h;
    return { ...h, state: "Stale", since: reference + this.staleAfterMs };
  }

  private keyOf(obj: KubeObject): string {
    return obj.metadata.uid ?? refKey(refOf(this.name, obj));
  }

  private changed(): void {
    this.revision++;
    this.onChange();
  }
}
