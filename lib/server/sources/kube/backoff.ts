import "server-only";

/**
 * Exponential backoff as the most trusted clients do it: 0.8 s doubling to a 30 s cap, with ±20 %
 * jitter, reset once the connection has been healthy for `resetAfterMs`. `Retry-After` wins when the
 * server sends it.
 */
export class Backoff {
  private attempt = 0;
  private healthySince: number | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
    readonly baseMs = 800,
    readonly capMs = 30_000,
    readonly resetAfterMs = 120_000,
  ) {}

  /** The delay before the next attempt. */
  next(retryAfterMs: number | null = null): number {
    this.healthySince = null;
    const exp = Math.min(this.capMs, this.baseMs * 2 ** this.attempt);
    this.attempt++;
    const jittered = exp * (0.8 + 0.4 * this.random());
    return Math.max(retryAfterMs ?? 0, Math.round(jittered));
  }

  /** Call on every sign of health; after a long enough healthy stretch the backoff starts over. */
  healthy(): void {
    const t = this.now();
    if (this.healthySince === null) this.healthySince = t;
    else if (t - this.healthySince >= this.resetAfterMs) this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
