import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import type { KubeObject } from "@/lib/model/meta";
import { Backoff } from "./backoff";
import { KubeApiError, isPermanent, kubeFetch, kubeJson } from "./http";
import { collectionPath, type ServedKind } from "./served";
import { slim } from "./slim";
import { readWatchStream, WatchdogTimeout, type WatchEvent } from "./watch-stream";

export interface ReflectorOptions {
  pageSize: number;
  /** A watch with no event or bookmark for this long is restarted. */
  watchdogMs: number;
  /** Asks the server to end each watch after this long; it is then resumed from the last version. */
  watchTimeoutSeconds: number;
  now: () => number;
}

/** What a reflector reports to its cluster. */
export interface ReflectorListener {
  replace(kind: ServedKind, objects: KubeObject[]): void;
  upsert(obj: KubeObject): void;
  remove(obj: KubeObject): void;
  /** A list finished, or the watch delivered an event or bookmark: the view of this kind is current. */
  current(kind: ServedKind): void;
  failed(kind: ServedKind, err: Error, retryInMs: number | null): void;
}

export type ReflectorState = "idle" | "listing" | "watching" | "backoff" | "failed" | "stopped";

/**
 * Keeps one kind of one cluster in step with the API server, the way client-go's reflector does:
 * list in pages, watch from the list's resourceVersion with bookmarks, resume after a watch ends, relist
 * on 410 Gone, back off on anything else, restart a watch that has gone silent. resourceVersion is
 * opaque: stored and sent back, never compared.
 */
export class Reflector {
  state: ReflectorState = "idle";
  relists = 0;
  watchRestarts = 0;
  eventsApplied = 0;
  private resourceVersion: string | null = null;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private readonly backoff: Backoff;

  constructor(private readonly kc: KubeConfig, readonly kind: ServedKind, private readonly listener: ReflectorListener, private readonly opts: ReflectorOptions) {
    this.backoff = new Backoff(opts.now);
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.state = "stopped";
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        if (this.resourceVersion === null) await this.list();
        await this.watch();
        this.watchRestarts++;
      } catch (err) {
        if (this.abort.signal.aborted) return;
        if (err instanceof WatchdogTimeout) {
          this.watchRestarts++;
          continue;
        }
        if (err instanceof KubeApiError && err.status === 410) {
          this.resourceVersion = null;
          this.relists++;
          continue;
        }
        await this.fail(err as Error);
      }
    }
  }

  private async fail(err: Error): Promise<void> {
    const permanent = isPermanent(err);
    const delay = this.backoff.next(err instanceof KubeApiError ? err.retryAfterMs : null);
    // A permanent error (403, 404, ...) is shown, not hammered: retry at the cap, in case RBAC changes.
    const wait = permanent ? this.backoff.capMs : delay;
    this.state = permanent ? "failed" : "backoff";
    this.listener.failed(this.kind, err, wait);
    await sleep(wait, this.abort.signal);
  }

  /** Lists every page, then replaces the kind's objects in one step. */
  private async list(): Promise<void> {
    this.state = "listing";
    const items: KubeObject[] = [];
    let token: string | undefined;
    let version = "";
    do {
      const deadline = this.deadline();
      const page = await kubeJson<{ metadata: { resourceVersion?: string; continue?: string }; items: KubeObject[] }>(this.kc, {
        path: collectionPath(this.kind),
        query: { limit: this.opts.pageSize, continue: token },
        signal: deadline.signal,
      }).finally(deadline.clear);
      for (const item of page.items) items.push(slim({ ...item, apiVersion: this.kind.apiVersion, kind: this.kind.def.kind }));
      token = page.metadata.continue || undefined;
      version = page.metadata.resourceVersion ?? "";
    } while (token);
    this.resourceVersion = version;
    this.listener.replace(this.kind, items);
    this.listener.current(this.kind);
  }

  /** Watches from the last version until the server ends the watch; throws on errors. */
  private async watch(): Promise<void> {
    // The connect phase has a deadline too: a server that accepts and never answers must not hang us.
    const deadline = this.deadline();
    try {
      const res = await kubeFetch(this.kc, {
        path: collectionPath(this.kind),
        query: { watch: 1, resourceVersion: this.resourceVersion ?? undefined, allowWatchBookmarks: true, timeoutSeconds: this.opts.watchTimeoutSeconds },
        signal: deadline.signal,
      });
      deadline.cancelTimer();
      this.state = "watching";
      this.listener.current(this.kind);
      await readWatchStream(res, this.opts.watchdogMs, this.abort.signal, (event) => this.apply(event));
    } finally {
      deadline.clear();
    }
  }

  private apply(event: WatchEvent): void {
    if (event.type === "ERROR") {
      const status = event.object as { code?: number; reason?: string; message?: string };
      throw new KubeApiError(status.code ?? 500, status.reason ?? "Error", status.message ?? "watch error");
    }
    const obj = event.object as KubeObject;
    if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
    this.backoff.healthy();
    if (event.type === "BOOKMARK") {
      this.listener.current(this.kind);
      return;
    }
    const full = slim({ ...obj, apiVersion: this.kind.apiVersion, kind: this.kind.def.kind });
    if (event.type === "DELETED") this.listener.remove(full);
    else this.listener.upsert(full);
    this.eventsApplied++;
    this.listener.current(this.kind);
  }

  /**
   * A signal that aborts when the reflector stops or after the watchdog period. `cancelTimer` keeps
   * the signal for the stream that follows; `clear` also unlinks it from the reflector.
   */
  private deadline(): { signal: AbortSignal; cancelTimer: () => void; clear: () => void } {
    const controller = new AbortController();
    const onStop = () => controller.abort();
    this.abort.signal.addEventListener("abort", onStop, { once: true });
    const timer = setTimeout(() => controller.abort(new KubeApiError(0, "Timeout", `no answer from the API server within ${Math.round(this.opts.watchdogMs / 1000)} s`)), this.opts.watchdogMs);
    const cancelTimer = () => clearTimeout(timer);
    return { signal: controller.signal, cancelTimer, clear: () => (cancelTimer(), this.abort.signal.removeEventListener("abort", onStop)) };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
