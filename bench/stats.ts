/** Runs `fn` `runs` times after `warmup` runs and returns the median duration in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** One line of results: name, figure, budget and whether it holds. */
export function report(name: string, value: number, unit: string, budget?: { max: number; label: string }): boolean {
  const ok = budget ? value <= budget.max : true;
  const b = budget ? `  budget ${budget.label}: ${ok ? "ok" : "OVER"}` : "";
  console.log(`${name.padEnd(58)} ${value.toFixed(2).padStart(10)} ${unit}${b}`);
  return ok;
}
