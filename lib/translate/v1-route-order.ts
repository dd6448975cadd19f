import type { HttpMatchRequest } from "../model/istio-traffic";

/**
 * v1 route ordering, more specific first (reference §4.3.1, `http_route_ordering.go`): URI (exact, longer
 * then lexical; regex, longer then lexical; prefix, longer then lexical; none last) → more headers → more
 * query params → more source labels → source namespace descending → method present → more
 * withoutHeaders → lower port. Go's sort is not stable; Meshpane keeps input order on full ties.
 */
export function sortV1Routes<T extends Record<string, unknown>>(routes: readonly T[]): T[] {
  return routes
    .map((r, i) => ({ r, i, m: ((r.match as HttpMatchRequest[] | undefined) ?? [])[0] ?? {} }))
    .sort((a, b) => compareMatch(a.m, b.m) || a.i - b.i)
    .map((x) => x.r);
}

function uriRank(m: HttpMatchRequest): [number, string] {
  if (m.uri?.exact !== undefined) return [0, m.uri.exact];
  if (m.uri?.regex !== undefined) return [1, m.uri.regex];
  if (m.uri?.prefix !== undefined) return [2, m.uri.prefix];
  return [3, ""];
}

function size(o: object | undefined): number {
  return o ? Object.keys(o).length : 0;
}

function compareMatch(a: HttpMatchRequest, b: HttpMatchRequest): number {
  const [ka, va] = uriRank(a);
  const [kb, vb] = uriRank(b);
  if (ka !== kb) return ka - kb;
  if (va.length !== vb.length) return vb.length - va.length;
  if (va !== vb) return va < vb ? -1 : 1;
  const byCount = size(b.headers) - size(a.headers) || size(b.queryParams) - size(a.queryParams) || size(b.sourceLabels) - size(a.sourceLabels);
  if (byCount !== 0) return byCount;
  const na = a.sourceNamespace ?? "";
  const nb = b.sourceNamespace ?? "";
  if (na !== nb) return na > nb ? -1 : 1;
  const ma = a.method?.exact ?? "";
  const mb = b.method?.exact ?? "";
  if ((ma === "") !== (mb === "")) return ma === "" ? 1 : -1;
  if (ma !== mb) return ma > mb ? -1 : 1;
  return size(b.withoutHeaders) - size(a.withoutHeaders) || (a.port ?? 0) - (b.port ?? 0);
}
