import type { EdgeMatcher, SelectorExpression } from "../model/gloo-edge";
import type { RequestView } from "./matches";
import type { RegexCache } from "./matches";

/**
 * Gloo Edge matching (reference §8.3, §8.5): matchers are OR-ed; a matcher ANDs one path condition (`prefix` is
 * a plain string prefix, not segment-wise), headers (empty value = present; `regex`; `invertMatch`), query
 * parameters and methods. `caseSensitive: false` compares the path case-insensitively.
 */
export interface EdgeMatcherModel {
  pathType: "prefix" | "exact" | "regex";
  path: string;
  caseSensitive: boolean;
  headers: { name: string; value: string; regex: boolean; invert: boolean }[];
  query: { name: string; value: string; regex: boolean }[];
  methods: string[];
}

/** Normalises a matcher; none given means `prefix: /`. */
export function edgeMatcher(m: EdgeMatcher | undefined): EdgeMatcherModel {
  const pathType = m?.exact !== undefined ? "exact" : m?.regex !== undefined ? "regex" : "prefix";
  return {
    pathType,
    path: m?.exact ?? m?.regex ?? m?.prefix ?? "/",
    caseSensitive: m?.caseSensitive ?? true,
    headers: (m?.headers ?? []).map((h) => ({ name: h.name.toLowerCase(), value: h.value ?? "", regex: h.regex ?? false, invert: h.invertMatch ?? false })),
    query: (m?.queryParameters ?? []).map((q) => ({ name: q.name, value: q.value ?? "", regex: q.regex ?? false })),
    methods: m?.methods ?? [],
  };
}

function pathHolds(m: EdgeMatcherModel, path: string, cache: RegexCache): boolean {
  const p = m.caseSensitive ? path : path.toLowerCase();
  const v = m.caseSensitive ? m.path : m.path.toLowerCase();
  if (m.pathType === "exact") return p === v;
  if (m.pathType === "prefix") return p.startsWith(v);
  return cache.compile(m.path)?.test(path) ?? false;
}

/** Null when the request satisfies the matcher, else the first failing criterion. */
export function edgeMatchFailure(m: EdgeMatcherModel, req: RequestView, cache: RegexCache): string | null {
  if (!pathHolds(m, req.path, cache)) return `path ${req.path} does not match ${m.pathType} ${m.path}`;
  for (const h of m.headers) {
    const v = req.headers.get(h.name);
    const holds = v !== undefined && (h.value === "" || (h.regex ? cache.compile(h.value)?.test(v) ?? false : v === h.value));
    if (holds === h.invert) return `header ${h.name} ${h.invert ? "must not match" : "does not match"} ${h.value || "(present)"}`;
  }
  for (const q of m.query) {
    const v = req.query.get(q.name);
    const holds = v !== undefined && (q.value === "" || (q.regex ? cache.compile(q.value)?.test(v) ?? false : v === q.value));
    if (!holds) return `query parameter ${q.name} does not match ${q.value || "(present)"}`;
  }
  if (m.methods.length > 0 && !m.methods.includes(req.method)) return `method ${req.method} is not one of ${m.methods.join(", ")}`;
  return null;
}

/** Whether `outer` accepts every request `inner` accepts (for GLE006 short-circuit detection; conservative). */
export function edgeMatcherCovers(outer: EdgeMatcherModel, inner: EdgeMatcherModel): boolean {
  if (outer.caseSensitive !== inner.caseSensitive) return false;
  const pathOk = outer.pathType === "prefix" ? inner.pathType !== "regex" && inner.path.startsWith(outer.path)
    : outer.pathType === inner.pathType && outer.path === inner.path;
  const sameSet = <T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean) => a.every((x) => b.some((y) => eq(x, y)));
  return pathOk
    && sameSet(outer.headers, inner.headers, (x, y) => x.name === y.name && x.value === y.value && x.regex === y.regex && x.invert === y.invert)
    && sameSet(outer.query, inner.query, (x, y) => x.name === y.name && x.value === y.value && x.regex === y.regex)
    && (outer.methods.length === 0 || (inner.methods.length > 0 && inner.methods.every((m) => outer.methods.includes(m))));
}

/** Describes a matcher for traces and goldens: `prefix /fn`, `exact /pet, GET`. */
export function describeEdgeMatcher(m: EdgeMatcherModel): string {
  const parts = [`${m.pathType} ${m.path}`];
  if (!m.caseSensitive) parts.push("case-insensitive");
  for (const h of m.headers) parts.push(`header ${h.name}${h.invert ? "!" : ""}${h.value ? (h.regex ? "~" : "=") + h.value : ""}`);
  for (const q of m.query) parts.push(`query ${q.name}${q.value ? (q.regex ? "~" : "=") + q.value : ""}`);
  if (m.methods.length > 0) parts.push(m.methods.join("|"));
  return parts.join(", ");
}

/** Selector expressions (virtualServiceExpressions, RouteTable selectors): all must hold. */
export function matchesExpressions(exprs: readonly SelectorExpression[], labels: Readonly<Record<string, string>> | undefined): boolean {
  return exprs.every((e) => {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels?.[e.key];
    const values = e.values ?? [];
    switch (e.operator ?? "Equals") {
      case "Equals":
      case "DoubleEquals": return has && v === values[0];
      case "NotEquals": return !has || v !== values[0];
      case "In": return has && values.includes(v as string);
      case "NotIn": return !has || !values.includes(v as string);
      case "Exists": return has;
      case "DoesNotExist": return !has;
      case "GreaterThan": return has && Number(v) > Number(values[0]);
      case "LessThan": return has && Number(v) < Number(values[0]);
      default: return false;
    }
  });
}
