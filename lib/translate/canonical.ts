/**
 * Canonical form of translated objects, so goldens and drift diffs compare cleanly: undefined fields and
 * empty optional containers dropped, map keys sorted, and the lists Istio treats as sets sorted. Lists
 * whose order Istio reads (http routes, matches, rules, servers, failover priorities) keep their order.
 */

/** String lists that are sets for Istio (host lists, principals, exportTo, method and port lists). */
const STRING_SETS = new Set([
  "exportTo", "hosts", "principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals", "namespaces", "notNamespaces",
  "subjectAltNames", "addresses", "ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks", "paths", "notPaths", "methods",
  "notMethods", "ports", "notPorts", "values", "notValues", "allowMethods", "allowHeaders", "exposeHeaders", "remove", "sniHosts", "gateways",
]);

/** Object lists that are sets for Istio, with the field that identifies an item. */
const OBJECT_SETS: Readonly<Record<string, (item: Record<string, unknown>) => string>> = {
  subsets: (i) => String(i.name ?? ""),
  portLevelSettings: (i) => String(((i.port ?? {}) as { number?: number }).number ?? 0).padStart(5, "0"),
  ports: (i) => String(i.number ?? 0).padStart(5, "0") + String(i.name ?? ""),
  endpoints: (i) => `${String(i.address ?? "")}|${JSON.stringify(i.ports ?? {})}`,
};

/**
 * Returns `value` in canonical form. Objects and lists that are already canonical are reused rather than
 * copied (translation builds thousands of objects; copying them all costs more than the translation), so
 * the result may share structure with the input; the input itself is never modified.
 */
export function canonical<T>(value: T, memo: Map<object, unknown> = new Map()): T {
  return canon(value, "", memo) as T;
}

function canon(value: unknown, key: string, memo: Map<object, unknown>): unknown {
  if (value === null || typeof value !== "object") return value;
  // Translated objects share parts (routes of copies in several namespaces, host and principal lists).
  // A set-like list is only known canonical under a given key, so lists are memoised per key.
  const memoKey = Array.isArray(value) ? undefined : value;
  if (memoKey) {
    const hit = memo.get(memoKey);
    if (hit !== undefined) return hit;
  }
  const result = Array.isArray(value) ? canonArray(value, key, memo) : canonObject(value as Record<string, unknown>, memo);
  if (memoKey) memo.set(memoKey, result);
  return result;
}

function canonObject(obj: Record<string, unknown>, memo: Map<object, unknown>): unknown {
  const keys = Object.keys(obj);
  let same = true;
  const values: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = obj[k];
    const c = v === undefined ? undefined : canon(v, k, memo);
    values[i] = c;
    if (c !== v || v === undefined || (i > 0 && (keys[i - 1] as string) > k)) same = false;
  }
  if (same) return obj;
  const order = keys.map((k, i) => i).sort((a, b) => cmp(keys[a] as string, keys[b] as string));
  const out: Record<string, unknown> = {};
  for (const i of order) if (values[i] !== undefined) out[keys[i] as string] = values[i];
  return out;
}

function canonArray(list: readonly unknown[], key: string, memo: Map<object, unknown>): unknown[] {
  let changed = false;
  const items: unknown[] = [];
  for (const v of list) {
    if (v === undefined) {
      changed = true;
      continue;
    }
    const c = canon(v, "", memo);
    if (c !== v) changed = true;
    items.push(c);
  }
  if (items.length >= 2) {
    if (STRING_SETS.has(key) && items.every((v) => typeof v === "string")) {
      if (!strictlySorted(items as string[])) return [...new Set(items as string[])].sort(cmp);
    } else {
      const id = OBJECT_SETS[key];
      if (id && items.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))) {
        const keyed = items.map((v) => ({ v, k: id(v as Record<string, unknown>) }));
        if (!strictlySorted(keyed.map((x) => x.k))) return keyed.sort((a, b) => cmp(a.k, b.k)).map((x) => x.v);
      }
    }
  }
  return changed ? items : (list as unknown[]);
}

function strictlySorted(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as string) >= (list[i] as string)) return false;
  return true;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops keys whose value is undefined, an empty object or an empty list (for building specs tersely). */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}
