import type { HttpRequestMatcher, StringMatch } from "../model/gloo-common";
import type { IstioStringMatch } from "../model/istio-networking";
import type { HttpMatchRequest } from "../model/istio-traffic";
import { sortKeys } from "./canonical";

/**
 * Gloo HTTPRequestMatcher → Istio HTTPMatchRequest (reference §6.2, gloo-api-details §4.5.1), the merge
 * of a delegating route's matcher with a child route's matcher, and route specificity (§2.7).
 */

/** Regex special characters, escaped when a suffix match becomes a regex. */
function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A Gloo StringMatch as an Istio one. `suffix` is declared by Gloo but documented as unsupported; Meshpane
 * renders it as the equivalent regex (TRANSLATION_NOTES "Suffix matches").
 */
export function istioStringMatch(m: StringMatch): IstioStringMatch | undefined {
  if (m.exact !== undefined) return { exact: m.exact };
  if (m.prefix !== undefined) return { prefix: m.prefix };
  if (m.regex !== undefined) return { regex: m.regex };
  if (m.suffix !== undefined) return { regex: `.*${escapeRegex(m.suffix)}` };
  return undefined;
}

/** Header and query values: exact or regex; no value means "present" (any value). */
function valueMatch(value: string | undefined, regex: boolean | undefined): IstioStringMatch {
  if (value === undefined) return { regex: ".*" };
  return regex ? { regex: value } : { exact: value };
}

/** One Gloo matcher as one Istio match; invertMatch headers become `withoutHeaders`. Canonical (keys in order). */
export function istioMatch(m: HttpRequestMatcher): HttpMatchRequest {
  let headers: Record<string, IstioStringMatch> | undefined;
  let withoutHeaders: Record<string, IstioStringMatch> | undefined;
  let queryParams: Record<string, IstioStringMatch> | undefined;
  for (const h of m.headers ?? []) {
    if (h.invertMatch) (withoutHeaders ??= {})[h.name] = valueMatch(h.value, h.regex);
    else (headers ??= {})[h.name] = valueMatch(h.value, h.regex);
  }
  for (const q of m.queryParameters ?? []) (queryParams ??= {})[q.name] = valueMatch(q.value, q.regex);
  // Written in key order, so the match is canonical as built.
  const out: HttpMatchRequest = {};
  if (headers) out.headers = sortKeys(headers);
  if (m.uri?.ignoreCase && m.uri.regex === undefined) out.ignoreUriCase = true;
  if (m.method) out.method = { exact: m.method.toUpperCase() };
  if (m.port) out.port = m.port;
  if (queryParams) out.queryParams = sortKeys(queryParams);
  const uri = m.uri ? istioStringMatch(m.uri) : undefined;
  if (uri) out.uri = uri;
  if (withoutHeaders) out.withoutHeaders = sortKeys(withoutHeaders);
  return out;
}

/**
 * A parent (delegating) matcher ANDed with a child matcher, or null when no request can match both
 * (delegation matcher conflict). The child's path must lie within the parent's: an exact or prefix path
 * under the parent's prefix, or equal to the parent's exact path. Regex paths are kept as the child's
 * only when the parent has no path or a `/` prefix (Meshpane cannot intersect regexes).
 */
export function mergeMatch(parent: HttpMatchRequest, child: HttpMatchRequest): HttpMatchRequest | null {
  const uri = mergeUri(parent.uri, child.uri);
  if (uri === null) return null;
  const out: HttpMatchRequest = { ...parent, ...child };
  if (uri) out.uri = uri;
  else delete out.uri;
  for (const key of ["headers", "withoutHeaders", "queryParams"] as const) {
    const merged = mergeMaps(parent[key], child[key]);
    if (merged === null) return null;
    if (merged) out[key] = merged;
  }
  const labels = mergeMaps(parent.sourceLabels, child.sourceLabels);
  if (labels === null) return null;
  if (labels) out.sourceLabels = labels;
  if (parent.method && child.method && parent.method.exact !== child.method.exact) return null;
  if (parent.port && child.port && parent.port !== child.port) return null;
  return sortKeys(out);
}

function mergeUri(p: IstioStringMatch | undefined, c: IstioStringMatch | undefined): IstioStringMatch | undefined | null {
  if (!p) return c;
  if (!c) return p;
  if (p.prefix !== undefined) {
    if (c.exact !== undefined) return c.exact.startsWith(p.prefix) ? c : null;
    if (c.prefix !== undefined) return c.prefix.startsWith(p.prefix) ? c : p.prefix.startsWith(c.prefix) ? p : null;
    return p.prefix === "/" || p.prefix === "" ? c : null;
  }
  if (p.exact !== undefined) {
    if (c.exact !== undefined) return c.exact === p.exact ? c : null;
    if (c.prefix !== undefined) return p.exact.startsWith(c.prefix) ? p : null;
    return null;
  }
  return c.regex !== undefined && c.regex === p.regex ? c : null;
}

function mergeMaps<V>(a: Record<string, V> | undefined, b: Record<string, V> | undefined): Record<string, V> | undefined | null {
  if (!a) return b;
  if (!b) return a;
  const out: Record<string, V> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (k in out && JSON.stringify(out[k]) !== JSON.stringify(v)) return null;
    out[k] = v;
  }
  return sortKeys(out);
}

/**
 * ROUTE_SPECIFICITY rank of a route's most specific match (§2.7): exact paths first (longer first), then
 * regex (all equal), then prefix (longer first); a route without a path condition ranks as prefix `/`.
 * Returns [class, -length] so smaller sorts first.
 */
export function specificity(matches: readonly HttpMatchRequest[]): [number, number] {
  let best: [number, number] = [2, -1];
  const list = matches.length === 0 ? [{}] : matches;
  for (const m of list) {
    const rank: [number, number] = m.uri?.exact !== undefined ? [0, -m.uri.exact.length]
      : m.uri?.regex !== undefined ? [1, 0]
        : [2, -(m.uri?.prefix ?? "/").length];
    if (rank[0] < best[0] || (rank[0] === best[0] && rank[1] < best[1])) best = rank;
  }
  return best;
}
