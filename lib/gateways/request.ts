import { splitHost } from "./hostnames";
import type { RequestView } from "./matches";
import type { TraceInput } from "./trace-types";

/** A parsed trace request: the view matchers see, plus the Host port and raw query string. */
export interface ParsedRequest extends RequestView {
  hostPort: number | null;
  queryString: string;
  /** Request headers as given (names lower-case, first value wins), for forwarding. */
  headerRecord: Record<string, string>;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** Parses `a=1&b=2`; the first value of a repeated parameter counts (§4.4); names are case-sensitive. */
function parseQuery(text: string, into: Map<string, string>): void {
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = safeDecode(eq < 0 ? part : part.slice(0, eq));
    if (!into.has(name)) into.set(name, eq < 0 ? "" : safeDecode(part.slice(eq + 1)));
  }
}

/** Normalises a tracer input (§4.2 step 1): host lower-cased without port, path split from its query. */
export function parseRequest(input: TraceInput): ParsedRequest {
  const { host, port } = splitHost(input.host ?? "");
  const rawPath = input.path ?? "/";
  const q = rawPath.indexOf("?");
  const path = (q < 0 ? rawPath : rawPath.slice(0, q)) || "/";
  const queryString = q < 0 ? "" : rawPath.slice(q + 1);
  const query = new Map<string, string>();
  parseQuery(queryString, query);
  for (const [k, v] of Object.entries(input.query ?? {})) if (!query.has(k)) query.set(k, v);
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(input.headers ?? {})) {
    const name = k.toLowerCase();
    if (!headers.has(name)) headers.set(name, String(v));
  }
  const extra = Object.entries(input.query ?? {}).filter(([k]) => !queryString.split("&").some((p) => p.split("=")[0] === k));
  const fullQuery = [queryString, ...extra.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)].filter(Boolean).join("&");
  return {
    host, hostPort: port, path: path.startsWith("/") ? path : `/${path}`, method: (input.method ?? "GET").toUpperCase(), headers, query,
    queryString: fullQuery, headerRecord: Object.fromEntries(headers),
  };
}
