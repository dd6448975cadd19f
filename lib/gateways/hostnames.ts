/**
 * Hostname rules of the Gateway API (reference §2.2, §2.3, §4.2) and Envoy domain matching for Gloo Edge
 * virtual hosts (§8.3). Absent hostnames are written as `*` everywhere in this module.
 */

/** Splits a Host header into a lower-case host and an optional port (`[::1]:8080` and `a.com:80` both work). */
export function splitHost(raw: string): { host: string; port: number | null } {
  const value = raw.trim().toLowerCase();
  const bracket = /^\[([^\]]*)\](?::(\d+))?$/.exec(value);
  if (bracket) return { host: bracket[1] ?? "", port: bracket[2] ? Number(bracket[2]) : null };
  const colon = value.lastIndexOf(":");
  if (colon > 0 && value.indexOf(":") === colon && /^\d+$/.test(value.slice(colon + 1))) {
    return { host: stripDot(value.slice(0, colon)), port: Number(value.slice(colon + 1)) };
  }
  return { host: stripDot(value), port: null };
}

function stripDot(host: string): string {
  return host.endsWith(".") ? host.slice(0, -1) : host;
}

/** True for a `*.`-wildcard hostname. */
export function isWildcard(hostname: string): boolean {
  return hostname.startsWith("*.");
}

/**
 * Whether a Gateway API hostname pattern matches a concrete host: `*` matches all; `*.s` matches hosts ending
 * in `.s` with one or more extra labels (never `s` itself); anything else must be equal.
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (pattern === "*") return true;
  if (isWildcard(pattern)) {
    const suffix = pattern.slice(1);
    return host.length > suffix.length && host.endsWith(suffix) && !host.startsWith(".");
  }
  return pattern === host;
}

/** Whether wildcard `outer` covers wildcard `inner` (`*.com` covers `*.example.com` and `*.com`). */
function wildcardCovers(outer: string, inner: string): boolean {
  return outer === inner || inner.endsWith(outer.slice(1));
}

/**
 * The intersection of a listener hostname and a route hostname (§2.2 table), or null when they do not
 * intersect. With `strict` (Gloo Gateway 1.x), a route wildcard broader than the listener's is rejected.
 */
export function intersectHostnames(listener: string, route: string, strict = false): string | null {
  if (listener === "*") return route;
  if (route === "*") return listener;
  const lw = isWildcard(listener);
  const rw = isWildcard(route);
  if (!lw && !rw) return listener === route ? listener : null;
  if (lw && !rw) return hostnameMatches(listener, route) ? route : null;
  if (!lw && rw) return hostnameMatches(route, listener) ? listener : null;
  if (wildcardCovers(listener, route)) return route;
  if (wildcardCovers(route, listener)) return strict ? null : listener;
  return null;
}

/** True when the spec allows the intersection but Gloo Gateway 1.x rejects it (GLX007). */
export function strictIntersectionDiffers(listener: string, route: string): boolean {
  return intersectHostnames(listener, route, false) !== null && intersectHostnames(listener, route, true) === null;
}

/**
 * Specificity of a hostname for choosing a listener or virtual host (§2.3, §4.2 step 3): exact beats any
 * wildcard, a wildcard with more labels beats one with fewer, and `*` comes last. Higher sorts first.
 */
export function hostnameSpecificity(hostname: string): [number, number] {
  if (hostname === "*") return [0, 0];
  if (isWildcard(hostname)) return [1, hostname.split(".").length - 1];
  return [2, hostname.length];
}

/** Compares two hostnames by specificity, most specific first; ties broken alphabetically for stable output. */
export function compareHostnameSpecificity(a: string, b: string): number {
  const [ak, al] = hostnameSpecificity(a);
  const [bk, bl] = hostnameSpecificity(b);
  return bk - ak || bl - al || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The wildcard patterns that could match `host`, most specific first: `a.b.example.com` ⇒
 * `*.b.example.com`, `*.example.com`, `*.com`. Lets lookups use a map instead of scanning every vhost.
 */
export function wildcardCandidates(host: string): string[] {
  const out: string[] = [];
  let dot = host.indexOf(".");
  while (dot >= 0 && dot < host.length - 1) {
    out.push(`*${host.slice(dot)}`);
    dot = host.indexOf(".", dot + 1);
  }
  return out;
}

/** An index of hostname-keyed values answering "most specific match for a host" in O(labels). */
export interface HostnameIndex<T> {
  exact: Map<string, T>;
  wildcard: Map<string, T>;
  any: T | undefined;
}

/** An empty hostname index. */
export function emptyHostnameIndex<T>(): HostnameIndex<T> {
  return { exact: new Map(), wildcard: new Map(), any: undefined };
}

/** The entry of a hostname key (`*`, `*.s` or exact), or undefined. */
export function hostnameEntry<T>(index: HostnameIndex<T>, hostname: string): T | undefined {
  if (hostname === "*") return index.any;
  return isWildcard(hostname) ? index.wildcard.get(hostname) : index.exact.get(hostname);
}

/** Sets the entry of a hostname key. */
export function setHostnameEntry<T>(index: HostnameIndex<T>, hostname: string, value: T): void {
  if (hostname === "*") index.any = value;
  else if (isWildcard(hostname)) index.wildcard.set(hostname, value);
  else index.exact.set(hostname, value);
}

/** Every entry matching `host`, most specific first (exact, wildcards by label count, then `*`). */
export function matchingEntries<T>(index: HostnameIndex<T>, host: string): { hostname: string; value: T }[] {
  const out: { hostname: string; value: T }[] = [];
  const exact = host === "" ? undefined : index.exact.get(host);
  if (exact !== undefined) out.push({ hostname: host, value: exact });
  for (const candidate of host === "" ? [] : wildcardCandidates(host)) {
    const value = index.wildcard.get(candidate);
    if (value !== undefined) out.push({ hostname: candidate, value });
  }
  if (index.any !== undefined) out.push({ hostname: "*", value: index.any });
  return out;
}

/**
 * Envoy virtual-host domain matching as Gloo Edge uses it (§8.3): exact, then the longest suffix wildcard
 * (`*.a.com`, `*-b.a.com`), then the longest prefix wildcard (`a.*`), then `*`. A wildcard never matches an
 * empty string. Returns the winning domain, or null.
 */
export function bestEnvoyDomain(domains: Iterable<string>, host: string): string | null {
  let suffix: string | null = null;
  let prefix: string | null = null;
  let any = false;
  for (const raw of domains) {
    const d = raw.toLowerCase();
    if (d === host) return raw;
    if (d === "*") any = true;
    else if (d.startsWith("*") && host.length > d.length - 1 && host.endsWith(d.slice(1))) {
      if (suffix === null || d.length > suffix.length) suffix = raw;
    } else if (d.endsWith("*") && host.length > d.length - 1 && host.startsWith(d.slice(0, -1))) {
      if (prefix === null || d.length > prefix.length) prefix = raw;
    }
  }
  return suffix ?? prefix ?? (any ? "*" : null);
}
