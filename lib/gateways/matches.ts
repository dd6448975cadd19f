import type { HttpRouteMatch } from "../model/gateway-api";
import type { GrpcRouteMatch } from "../model/gateway-api-grpc";

/**
 * Normalised matches and request matching (reference §4.4; GRPCRoute §1.4). Regular expressions are RE2 in
 * Envoy and compared whole-path [INFER]; JavaScript RegExp stands in, compiled once per pattern.
 */
export interface ValueMatch {
  name: string;
  type: "Exact" | "RegularExpression";
  value: string;
  regex: RegExp | null;
}

/** One normalised match of an HTTPRoute or GRPCRoute rule, regular expressions compiled. */
export interface MatchModel {
  kind: "http" | "grpc";
  pathType: "Exact" | "PathPrefix" | "RegularExpression";
  pathValue: string;
  pathRegex: RegExp | null;
  /** Header matches, names lower-cased, first entry per name only (later duplicates are ignored). */
  headers: ValueMatch[];
  query: ValueMatch[];
  method: string | null;
  grpc: { type: "Exact" | "RegularExpression"; service: string | null; method: string | null; serviceRegex: RegExp | null; methodRegex: RegExp | null } | null;
  /** Why the match cannot be implemented (invalid regular expression), or null. */
  invalid: string | null;
}

/** Compiles whole-string regular expressions once per pattern; null for patterns JavaScript rejects. */
export class RegexCache {
  private readonly cache = new Map<string, RegExp | null>();
  compile(pattern: string): RegExp | null {
    let re = this.cache.get(pattern);
    if (re === undefined) {
      try {
        re = new RegExp(`^(?:${pattern})$`);
      } catch {
        re = null;
      }
      this.cache.set(pattern, re);
    }
    return re;
  }
}

function valueMatches(list: readonly { type?: string; name: string; value: string }[] | undefined, lowerNames: boolean, cache: RegexCache): { out: ValueMatch[]; invalid: string | null } {
  const seen = new Set<string>();
  const out: ValueMatch[] = [];
  let invalid: string | null = null;
  for (const m of list ?? []) {
    const name = lowerNames ? m.name.toLowerCase() : m.name;
    if (seen.has(name)) continue;
    seen.add(name);
    const type = m.type === "RegularExpression" ? "RegularExpression" : "Exact";
    const regex = type === "RegularExpression" ? cache.compile(m.value) : null;
    if (type === "RegularExpression" && regex === null) invalid = `regular expression ${JSON.stringify(m.value)} for ${name} must be valid`;
    out.push({ name, type, value: m.value, regex });
  }
  return { out, invalid };
}

/** Normalises an HTTPRoute match; an absent match list means one `PathPrefix /` match. */
export function httpMatch(m: HttpRouteMatch, cache: RegexCache): MatchModel {
  const pathType = m.path?.type ?? "PathPrefix";
  const pathValue = m.path?.value ?? "/";
  const pathRegex = pathType === "RegularExpression" ? cache.compile(pathValue) : null;
  const headers = valueMatches(m.headers, true, cache);
  const query = valueMatches(m.queryParams, false, cache);
  const pathInvalid = pathType === "RegularExpression" && pathRegex === null ? `path regular expression ${JSON.stringify(pathValue)} must be valid` : null;
  return { kind: "http", pathType, pathValue, pathRegex, headers: headers.out, query: query.out, method: m.method ?? null, grpc: null, invalid: pathInvalid ?? headers.invalid ?? query.invalid };
}

/** Normalises a GRPCRoute match; an absent match list matches every gRPC method. */
export function grpcMatch(m: GrpcRouteMatch, cache: RegexCache): MatchModel {
  const type = m.method?.type === "RegularExpression" ? "RegularExpression" : "Exact";
  const service = m.method?.service ?? null;
  const method = m.method?.method ?? null;
  const serviceRegex = type === "RegularExpression" && service !== null ? cache.compile(service) : null;
  const methodRegex = type === "RegularExpression" && method !== null ? cache.compile(method) : null;
  const headers = valueMatches(m.headers, true, cache);
  const badRegex = type === "RegularExpression" && ((service !== null && serviceRegex === null) || (method !== null && methodRegex === null));
  return {
    kind: "grpc", pathType: "PathPrefix", pathValue: "/", pathRegex: null, headers: headers.out, query: [], method: null,
    grpc: { type, service, method, serviceRegex, methodRegex }, invalid: badRegex ? "gRPC method regular expression must be valid" : headers.invalid,
  };
}

/** A request as the matcher sees it. Header names lower-case; first value of each header and query parameter. */
export interface RequestView {
  host: string;
  path: string;
  method: string;
  headers: ReadonlyMap<string, string>;
  query: ReadonlyMap<string, string>;
}

/** §4.4 PathPrefix: by segments, trailing `/` of the value ignored (`/abc` matches `/abc`, `/abc/d`, not `/abcd`). */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, "");
  return p === "" || path === p || path.startsWith(`${p}/`);
}

function valuesHold(list: readonly ValueMatch[], values: ReadonlyMap<string, string>, what: string): string | null {
  for (const m of list) {
    const v = values.get(m.name);
    if (v === undefined) return `${what} ${m.name} absent`;
    const okay = m.type === "Exact" ? v === m.value : m.regex !== null && m.regex.test(v);
    if (!okay) return `${what} ${m.name}: ${JSON.stringify(v)} does not match ${m.type === "Exact" ? JSON.stringify(m.value) : `/${m.value}/`}`;
  }
  return null;
}

function grpcHolds(g: NonNullable<MatchModel["grpc"]>, path: string): string | null {
  const parts = /^\/([^/]+)\/([^/]+)$/.exec(path);
  if (!parts) return `path ${path} is not a gRPC method path /service/method`;
  const [, service = "", method = ""] = parts;
  const test = (want: string | null, re: RegExp | null, got: string) => want === null || (g.type === "Exact" ? want === got : re !== null && re.test(got));
  if (!test(g.service, g.serviceRegex, service)) return `gRPC service ${service} does not match ${g.service ?? ""}`;
  if (!test(g.method, g.methodRegex, method)) return `gRPC method ${method} does not match ${g.method ?? ""}`;
  return null;
}

/** Null when the request satisfies the match, else the first failing criterion (for near misses). */
export function matchFailure(m: MatchModel, req: RequestView): string | null {
  if (m.invalid !== null) return m.invalid;
  if (m.grpc) {
    const g = grpcHolds(m.grpc, req.path);
    if (g !== null) return g;
  } else if (m.pathType === "Exact" && req.path !== m.pathValue) return `path ${req.path} is not exactly ${m.pathValue}`;
  else if (m.pathType === "PathPrefix" && !prefixMatches(m.pathValue, req.path)) return `path ${req.path} is not under prefix ${m.pathValue}`;
  else if (m.pathType === "RegularExpression" && !(m.pathRegex?.test(req.path) ?? false)) return `path ${req.path} does not match /${m.pathValue}/`;
  if (m.method !== null && m.method !== req.method) return `method ${req.method} is not ${m.method}`;
  return valuesHold(m.headers, req.headers, "header") ?? valuesHold(m.query, req.query, "query parameter");
}

/** True when a path failure is a near miss worth showing (string prefix but not a segment prefix, or case). */
export function pathNearMiss(m: MatchModel, path: string): boolean {
  if (m.grpc || m.pathType === "RegularExpression") return false;
  const v = m.pathValue.replace(/\/+$/, "");
  return (v !== "" && path.startsWith(v)) || path.toLowerCase() === m.pathValue.toLowerCase() || prefixMatches(m.pathValue.toLowerCase(), path.toLowerCase());
}

/** A printable form of a match for tables and goldens: `PathPrefix /api, header x-canary=1, GET`. */
export function describeMatch(m: MatchModel): string {
  const parts: string[] = [];
  if (m.grpc) parts.push(`gRPC ${m.grpc.type} ${m.grpc.service ?? "*"}/${m.grpc.method ?? "*"}`);
  else parts.push(`${m.pathType} ${m.pathValue}`);
  for (const h of m.headers) parts.push(`header ${h.name}${h.type === "Exact" ? "=" : "~"}${h.value}`);
  for (const q of m.query) parts.push(`query ${q.name}${q.type === "Exact" ? "=" : "~"}${q.value}`);
  if (m.method) parts.push(m.method);
  return parts.join(", ");
}

/** Identity of what a match accepts (trailing `/` of a prefix ignored), for shadowing and ties. */
export function matchSignature(m: MatchModel): string {
  const path = m.pathType === "PathPrefix" ? m.pathValue.replace(/\/+$/, "") || "/" : m.pathValue;
  const values = (list: readonly ValueMatch[]) => list.map((v) => `${v.name}\u0001${v.type}\u0001${v.value}`).sort().join("\u0002");
  const grpc = m.grpc ? `${m.grpc.type}\u0001${m.grpc.service ?? ""}\u0001${m.grpc.method ?? ""}` : "";
  return [m.kind, m.pathType, path, values(m.headers), values(m.query), m.method ?? "", grpc].join("\u0003");
}
