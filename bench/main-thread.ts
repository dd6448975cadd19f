import type { Browser, Page } from "@playwright/test";

/** The main thread's tasks between a response and a user-timing mark. */
export interface MainThreadTasks {
  /** The longest task, wall clock (what a user waits for; on a loaded machine it includes waiting for a core). */
  longestMs: number;
  /** CPU time of the task that took the most CPU: the work itself, whatever else the machine runs. */
  longestCpuMs: number;
  /** CPU time of every task in the window. */
  totalCpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; requestId?: string } };
}

// Light categories: the scheduler's tasks (`toplevel`), network events to find the response, user timing.
const CATEGORIES = ["toplevel", "devtools.timeline", "blink.user_timing"];
/** One main-thread task, as `toplevel` names it (DevTools' `RunTask` needs a heavier, disabled-by-default category). */
const TASK_NAMES = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

/**
 * Traces `run` in Chromium and returns the renderer main thread's tasks from the end of the last response
 * whose URL contains `urlPart` to the user-timing mark `until`, which `run` must set in the page
 * (`performance.mark(until)`). Unlike the Long Tasks API, which sees only tasks of 50 ms and more, this
 * sees every task, and its CPU time too.
 */
export async function mainThreadTasks(browser: Browser, page: Page, urlPart: string, until: string, run: () => Promise<void>): Promise<MainThreadTasks> {
  await browser.startTracing(page, { categories: CATEGORIES });
  let trace: Buffer;
  try {
    await run();
  } finally {
    trace = await browser.stopTracing();
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const sent = events.filter((e) => e.name === "ResourceSendRequest" && e.args?.data?.url?.includes(urlPart)).at(-1);
  const finish = events.find((e) => e.name === "ResourceFinish" && e.args?.data?.requestId === sent?.args?.data?.requestId);
  const mark = events.find((e) => e.name === until);
  if (!finish || !mark) throw new Error(`the trace has no ${finish ? `mark ${until}` : `response for ${urlPart}`}`);
  const main = events.find((e) => e.pid === mark.pid && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const tasks = events.filter((e) => TASK_NAMES.has(e.name) && e.ph === "X" && e.pid === main?.pid && e.tid === main.tid && e.ts + (e.dur ?? 0) >= finish.ts && e.ts <= mark.ts);
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  return {
    longestMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
    longestCpuMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
    totalCpuMs: tasks.reduce((sum, t) => sum + ms(t.tdur), 0),
  };
}
