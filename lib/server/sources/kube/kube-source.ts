import "server-only";
import { KubeConfig } from "@kubernetes/client-node";
import type { KubeObject } from "@/lib/model/meta";
import type { ClusterSource, SourceSink, SourceStats } from "../types";
import { Backoff } from "./backoff";
import { kubeJson } from "./http";
import { IMPERSONATION_RECHECK_MS, impersonationRefusal } from "./impersonation";
import { Limiter } from "./limiter";
import { Reflector, type ReflectorListener, type ReflectorOptions } from "./reflector";
import { discoverServedKinds, objectPath, type ServedKind } from "./served";
import { KubeWriter } from "./writer";

export type KubeSourceConfig = { kubeconfig: { path?: string; context: string } } | { inCluster: true };

export interface KubeSourceOptions extends Partial<ReflectorOptions> {
  /** Shared across clusters so that only so many connect (discover and list) at once. */
  connectLimiter?: Limiter;
}

const sharedLimiter = new Limiter(4);

/**
 * A cluster read through its API server: finds out which of Meshpane's kinds it serves, then runs one
 * reflector per kind. Health: Connecting until every kind has listed once; Degraded while any kind's
 * list or watch fails (the cache keeps serving); the store turns Degraded into Stale with time.
 */
export class KubeSource implements ClusterSource {
  readonly kind: "kubeconfig" | "inCluster";
  readonly description: string;
  private readonly kc = new KubeConfig();
  private reflectors: Reflector[] = [];
  private kinds = new Map<string, ServedKind>();
  private readonly abort = new AbortController();
  private readonly opts: ReflectorOptions;
  private readonly limiter: Limiter;
  private configError: string | null = null;
  /** The last impersonation check's answer, when it was given, and the check under way if any. */
  private refusal: string | null = null;
  private refusalAt = 0;
  private refusalCheck: Promise<void> | null = null;
  /** Server-side apply through this cluster's API server; read-only while Meshpane may not impersonate. */
  readonly writer = new KubeWriter(this.kc, () => this.kinds, () => this.writeRefusal());

  constructor(config: KubeSourceConfig, options: KubeSourceOptions = {}) {
    this.opts = { pageSize: 500, watchdogMs: 180_000, watchTimeoutSeconds: 300, now: Date.now, ...options };
    this.limiter = options.connectLimiter ?? sharedLimiter;
    if ("inCluster" in config) {
      this.kind = "inCluster";
      this.description = "in-cluster service account";
    } else {
      this.kind = "kubeconfig";
      this.description = `kubeconfig context ${config.kubeconfig.context}`;
    }
    try {
      if ("inCluster" in config) this.kc.loadFromCluster();
      else {
        if (config.kubeconfig.path) this.kc.loadFromFile(config.kubeconfig.path);
        else this.kc.loadFromDefault();
        if (!this.kc.getContextObject(config.kubeconfig.context)) throw new Error(`kubeconfig: context "${config.kubeconfig.context}" must exist in ${config.kubeconfig.path ?? "the default kubeconfig"}`);
        this.kc.setCurrentContext(config.kubeconfig.context);
      }
    } catch (err) {
      this.configError = (err as Error).message;
    }
  }

  start(sink: SourceSink): void {
    if (this.configError) {
      sink.setHealth("Degraded", this.configError);
      return;
    }
    void this.limiter.run(() => this.connect(sink));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.reflectors.map((r) => r.stop()));
  }

  /** Watch restarts, relists and events applied, summed over the kinds. */
  stats(): SourceStats {
    const sum = (f: (r: Reflector) => number) => this.reflectors.reduce((n, r) => n + f(r), 0);
    return { watchRestarts: sum((r) => r.watchRestarts), relists: sum((r) => r.relists), eventsApplied: sum((r) => r.eventsApplied) };
  }

  /** The full object from the API server, for detail pages (the store keeps slim copies). */
  async fetchObject(groupKind: string, namespace: string, name: string): Promise<KubeObject | null> {
    const kind = this.kinds.get(groupKind);
    if (!kind) return null;
    const obj = await kubeJson<KubeObject>(this.kc, { path: objectPath(kind, namespace, name) });
    return { ...obj, apiVersion: kind.apiVersion, kind: kind.def.kind };
  }

  /** The last impersonation check's answer; asks again in the background once it is older than a minute. */
  private writeRefusal(): string | null {
    if (this.refusalAt > 0 && this.opts.now() - this.refusalAt > IMPERSONATION_RECHECK_MS) void this.checkImpersonation();
    return this.refusal;
  }

  /** One check at a time (`impersonationRefusal` never rejects). */
  private checkImpersonation(): Promise<void> {
    this.refusalCheck ??= impersonationRefusal(this.kc, this.abort.signal)
      .then((reason) => {
        this.refusal = reason;
        this.refusalAt = this.opts.now();
      })
      .finally(() => (this.refusalCheck = null));
    return this.refusalCheck;
  }

  /** Figures out what the server serves (retrying with backoff), starts the reflectors and waits for their first lists. */
  private async connect(sink: SourceSink): Promise<void> {
    const backoff = new Backoff(this.opts.now);
    while (!this.abort.signal.aborted) {
      try {
        const served = await discoverServedKinds(this.kc, this.abort.signal);
        this.kinds = new Map(served.kinds.map((k) => [k.groupKind, k]));
        sink.setAbsentGroups(served.absentGroups);
        break;
      } catch (err) {
        if (this.abort.signal.aborted) return;
        sink.setHealth("Degraded", `discovering the API server's kinds failed: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, backoff.next()));
      }
    }
    await this.checkImpersonation();
    const tracker = new HealthTracker(sink, [...this.kinds.values()]);
    this.reflectors = [...this.kinds.values()].map((k) => new Reflector(this.kc, k, tracker, this.opts));
    for (const r of this.reflectors) r.start();
    await tracker.firstSync;
  }
}

/** Turns per-kind reflector reports into one cluster health and sync time. */
class HealthTracker implements ReflectorListener {
  private readonly pending: Set<string>;
  private readonly failing = new Map<string, string>();
  readonly firstSync: Promise<void>;
  private resolveFirst = () => {};

  constructor(private readonly sink: SourceSink, kinds: ServedKind[]) {
    this.pending = new Set(kinds.map((k) => k.groupKind));
    this.firstSync = new Promise((r) => (this.resolveFirst = r));
    if (this.pending.size === 0) this.settle();
  }

  replace(kind: ServedKind, objects: KubeObject[]): void {
    this.sink.replaceKind(kind.groupKind, objects);
  }
  upsert(obj: KubeObject): void {
    this.sink.upsert(obj);
  }
  remove(obj: KubeObject): void {
    this.sink.remove(obj);
  }

  current(kind: ServedKind): void {
    this.pending.delete(kind.groupKind);
    if (this.failing.delete(kind.groupKind) || this.pending.size === 0) this.settle();
  }

  failed(kind: ServedKind, err: Error, retryInMs: number | null): void {
    this.failing.set(kind.groupKind, err.message);
    const retry = retryInMs === null ? "" : ` (retrying in ${(retryInMs / 1000).toFixed(1)} s)`;
    this.sink.setHealth("Degraded", `${kind.def.kind}: ${err.message}${retry}`);
    if (this.pending.delete(kind.groupKind) && this.pending.size === 0) this.resolveFirst();
  }

  private settle(): void {
    if (this.pending.size > 0) return;
    this.resolveFirst();
    if (this.failing.size > 0) return;
    this.sink.markSynced();
    this.sink.setHealth("Healthy");
  }
}
