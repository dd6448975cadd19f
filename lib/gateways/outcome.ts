import type { BackendResolution } from "./backends";
import type { MergedField } from "./policies";
import type { BackendView } from "./types";

/**
 * What the selected rule does to a request (reference §4.5): weighted backends with per-share status,
 * redirect Location, URL rewrite and header modification, plus the header/path effects of options.
 */

/** Rounds a percentage to two decimals for stable output. */
function pct(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Backends with their share of traffic: weight / Σweights (weight 0 gets none). An invalid backend keeps its
 * share and answers 500; when every weight is 0 each share answers `allZeroStatus` (Istio 503).
 */
export function backendViews(backends: readonly BackendResolution[], allZeroStatus: number): BackendView[] {
  const total = backends.reduce((s, b) => s + b.weight, 0);
  return backends.map((b) => ({
    kind: b.kind, group: b.group, namespace: b.namespace, name: b.name, port: b.port, weight: b.weight,
    share: total > 0 ? pct((b.weight / total) * 100) : 0,
    status: total === 0 ? allZeroStatus : b.reason !== null ? 500 : 200,
    reason: total === 0 ? "every backend weight is 0" : b.reason,
    clusters: b.clusters, detail: b.detail,
  }));
}

/** The answer of the largest share (first on ties): the status a typical request gets. */
export function dominantStatus(views: readonly BackendView[], fallback: number): number {
  let best: BackendView | undefined;
  for (const v of views) if (!best || v.share > best.share) best = v;
  return best?.status ?? fallback;
}

type HeaderPairs = readonly { name: string; value: string }[] | undefined;

/** Applies a Gateway API header modifier (set, add, remove) to lower-cased headers. */
export function applyHeaderModifier(headers: Record<string, string>, mod: { set?: HeaderPairs; add?: HeaderPairs; remove?: readonly string[] } | undefined): void {
  if (!mod) return;
  for (const h of mod.set ?? []) headers[h.name.toLowerCase()] = h.value;
  for (const h of mod.add ?? []) {
    const k = h.name.toLowerCase();
    headers[k] = headers[k] === undefined ? h.value : `${headers[k]},${h.value}`;
  }
  for (const name of mod.remove ?? []) delete headers[name.toLowerCase()];
}

/** §4.5 ReplacePrefixMatch, segment-wise: `/foo/bar`, prefix `/foo`, replacement `/xyz` ⇒ `/xyz/bar`; empty ⇒ `/bar`. */
export function replacePrefix(path: string, prefix: string, replacement: string): string {
  const p = prefix.replace(/\/+$/, "");
  const rest = path.slice(p.length);
  const repl = replacement.replace(/\/+$/, "");
  const out = `${repl}${rest}`;
  if (out === "") return "/";
  return out.startsWith("/") ? out : `/${out}`;
}

/** A Gateway API path modifier applied to the request path (the matched prefix is the rule's PathPrefix). */
export function modifyPath(path: string, matchedPrefix: string | null, mod: { type: string; replaceFullPath?: string; replacePrefixMatch?: string } | undefined): string {
  if (!mod) return path;
  if (mod.type === "ReplaceFullPath") return mod.replaceFullPath ?? path;
  if (mod.type === "ReplacePrefixMatch" && matchedPrefix !== null) return replacePrefix(path, matchedPrefix, mod.replacePrefixMatch ?? "");
  return path;
}

/**
 * §4.5 redirect Location: scheme ?? request scheme; hostname ?? request host; port = explicit, else the
 * well-known port of an explicit scheme, else the listener port, omitted when 80 with http or 443 with https.
 */
export function redirectLocation(
  f: { scheme?: string; hostname?: string; port?: number; path?: { type: string; replaceFullPath?: string; replacePrefixMatch?: string } },
  req: { scheme: string; host: string; path: string; queryString: string; listenerPort: number; matchedPrefix: string | null },
): string {
  const scheme = f.scheme ?? req.scheme;
  const host = f.hostname ?? req.host;
  const port = f.port ?? (f.scheme !== undefined ? (scheme === "https" ? 443 : 80) : req.listenerPort);
  const showPort = !((port === 80 && scheme === "http") || (port === 443 && scheme === "https"));
  const path = modifyPath(req.path, req.matchedPrefix, f.path);
  return `${scheme}://${host}${showPort ? `:${port}` : ""}${path}${req.queryString ? `?${req.queryString}` : ""}`;
}

/** Header and path effects of Gloo route options (headerManipulation, prefixRewrite, hostRewrite). */
export function applyGlooOptions(options: Readonly<Record<string, MergedField>>, headers: Record<string, string>, path: string, matchedPrefix: string | null, host: string): { path: string; host: string } {
  const hm = options.headerManipulation?.value as { requestHeadersToRemove?: string[]; requestHeadersToAdd?: { header?: { key?: string; value?: string } }[] } | undefined;
  for (const name of hm?.requestHeadersToRemove ?? []) delete headers[name.toLowerCase()];
  for (const add of hm?.requestHeadersToAdd ?? []) if (add.header?.key) headers[add.header.key.toLowerCase()] = add.header.value ?? "";
  const prefixRewrite = options.prefixRewrite?.value;
  const newPath = typeof prefixRewrite === "string" && matchedPrefix !== null ? `${prefixRewrite}${path.slice(matchedPrefix.length)}` || "/" : path;
  const hostRewrite = options.hostRewrite?.value;
  return { path: newPath, host: typeof hostRewrite === "string" ? hostRewrite : host };
}

/** Header effects of a kgateway TrafficPolicy `headerModifiers.request`. */
export function applyKgatewayHeaders(options: Readonly<Record<string, MergedField>>, headers: Record<string, string>): void {
  const mods = options.headerModifiers?.value as { request?: { set?: HeaderPairs; add?: HeaderPairs; remove?: string[] } } | undefined;
  applyHeaderModifier(headers, mods?.request);
}
