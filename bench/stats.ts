import { PerformanceObserver } from "node:perf_hooks";

/** Median wall-clock and CPU time of one run, in milliseconds. */
export interface Medians {
  wallMs: number;
  /**
   * Process CPU time (user + system, every thread, so GC helpers count): on a shared machine the wall time
   * also counts waiting for a core, and this figure shows how much of it was the code's own work.
   */
  cpuMs: number;
  /** Mean garbage-collection pause per run (V8's `gc` performance entries): how much of the time was the collector. */
  gcMs: number;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the median wall and CPU durations in milliseconds. */
export async function medians(fn: () => unknown, runs = 7, warmup = 2): Promise<Medians> {
  for (let i = 0; i < warmup; i++) await fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  let gcTotal = 0;
  const sum = (list: readonly { duration: number }[]) => list.reduce((n, e) => n + e.duration, 0);
  const gc = new PerformanceObserver((list) => void (gcTotal += sum(list.getEntries())));
  gc.observe({ entryTypes: ["gc"] });
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  // GC entries are delivered asynchronously, not while the runs hold the thread: let them arrive, then take the rest.
  await new Promise((resolve) => setImmediate(resolve));
  gcTotal += sum(gc.takeRecords());
  gc.disconnect();
  return { wallMs: median(walls), cpuMs: median(cpus), gcMs: gcTotal / runs };
}

/** Runs `fn` `runs` times after `warmup` runs and returns the median duration in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  return (await medians(fn, runs, warmup)).wallMs;
}

/** Median wall time of `fn` over a fresh input each run, built by `setup` outside the timed part (nothing memoised carries over). */
export async function medianFreshMs<T>(setup: () => T, fn: (input: T) => unknown, runs: number): Promise<number> {
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = setup();
    const start = performance.now();
    await fn(input);
    walls.push(performance.now() - start);
  }
  return median(walls);
}

function median(list: number[]): number {
  list.sort((a, b) => a - b);
  return list[Math.floor(list.length / 2)]!;
}

/** One line of results: name, figure, budget and whether it holds. */
export function report(name: string, value: number, unit: string, budget?: { max: number; label: string }): boolean {
  const ok = budget ? value <= budget.max : true;
  const b = budget ? `  budget ${budget.label}: ${ok ? "ok" : "OVER"}` : "";
  console.log(`${name.padEnd(58)} ${value.toFixed(2).padStart(10)} ${unit}${b}`);
  return ok;
}
