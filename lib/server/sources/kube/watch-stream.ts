import "server-only";

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: unknown;
}

/** The watch went silent for longer than the watchdog allows. */
export class WatchdogTimeout extends Error {
  constructor(ms: number) {
    super(`no watch event or bookmark for ${Math.round(ms / 1000)} s`);
  }
}

/**
 * Reads a watch response line by line (one JSON event per line) until the server ends it. A silent
 * stream is cut after `watchdogMs`: watches have been seen to hang for an hour with no error.
 */
export async function readWatchStream(res: Response, watchdogMs: number, signal: AbortSignal, onEvent: (e: WatchEvent) => void): Promise<void> {
  const body = res.body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      reader.cancel().catch(() => {});
    }, watchdogMs);
  };
  const onAbort = () => void reader.cancel().catch(() => {});
  signal.addEventListener("abort", onAbort, { once: true });
  arm();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) onEvent(JSON.parse(line) as WatchEvent);
      }
    }
  } catch (err) {
    // Stop the connection before handing the error up, so a failed watch never leaks its socket.
    await reader.cancel().catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
  if (timedOut) throw new WatchdogTimeout(watchdogMs);
}
