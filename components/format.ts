/** Formats epoch milliseconds as a local date-time the way the UI shows "as of" times. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { hour12: false });
}

/** The time of day only (for "as of" under a badge); the full date-time goes in a title. */
export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}
