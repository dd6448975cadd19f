import type { LabelSelector } from "../model/meta";

export type Labels = Readonly<Record<string, string>>;

/** True when every key/value of `selector` is present in `labels` (an empty selector matches all). */
export function matchesLabels(selector: Labels | undefined, labels: Labels | undefined): boolean {
  if (!selector) return true;
  // for…in rather than Object.entries: this runs in every selector scan and must not allocate.
  for (const k in selector) {
    if (!Object.prototype.hasOwnProperty.call(selector, k)) continue;
    if (labels?.[k] !== selector[k]) return false;
  }
  return true;
}

/** Kubernetes `LabelSelector` semantics, matchLabels and matchExpressions ANDed. */
export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return true;
  if (!matchesLabels(selector.matchLabels, labels)) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, expr.key);
    const value = labels?.[expr.key];
    const values = expr.values ?? [];
    const ok =
      expr.operator === "In" ? has && values.includes(value as string)
      : expr.operator === "NotIn" ? !has || !values.includes(value as string)
      : expr.operator === "Exists" ? has
      : !has;
    if (!ok) return false;
  }
  return true;
}

/** Simple glob as Gloo uses it in names: `*` matches any run of characters, everything else is literal. */
export function matchesGlob(pattern: string, value: string): boolean {
  if (pattern === "*" ) return true;
  if (!pattern.includes("*")) return pattern === value;
  const parts = pattern.split("*");
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  if (!value.startsWith(first) || value.length < first.length + last.length || !value.endsWith(last)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = value.indexOf(part, at);
    if (found < 0 || found + part.length > value.length - last.length) return false;
    at = found + part.length;
  }
  return true;
}
