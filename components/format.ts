/** Formats epoch milliseconds as a local date-time the way the UI shows "as of" times. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { hour12: false });
}
