import "server-only";

/** Labels as `k=v` words, so `q=app=reviews` finds what carries that label. */
export function labelText(labels: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(" ");
}
