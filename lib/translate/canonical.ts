/**
 * Canonical form of translated objects, so goldens and drift diffs compare cleanly: undefined fields and
 * empty optional containers dropped, map keys sorted, and the lists Istio treats as sets sorted. Lists
 * whose order Istio reads (http routes, matches, rules, servers, failover priorities) keep their order.
 *
 * Translators build their outputs in this form rather than have a pass walk every output afterwards (that
 * pass was a quarter of translation time). Objects Meshpane assembles are written in key order (`compact`,
 * `sortKeys`); what comes from user input is put in form where it is copied (`stringSet`, `subsetList`,
 * `canonicalUnder`), and translators of rare kinds call `canonical` on the object they emit. Tests check
 * every output (emit.ts); live objects are put in form by `canonical` before drift compares them.
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
 * copied, so the result may share structure with the input; the input itself is never modified.
 */
export function canonical<T>(value: T): T {
  return canon(value, "", new Map()) as T;
}

/** The canonical form of `value` as the value of field `key` (which decides whether a list is a set). */
export function canonicalUnder<T>(key: string, value: T): T {
  return canon(value, key, new Map()) as T;
}

/**
 * Where `value` is not in canonical form: the path of the deepest part that is not (with what is wrong), or
 * undefined when it is canonical. Translators build their outputs canonical, so translation does not walk
 * them again; tests check every output with this (lib/translate/emit.ts).
 */
export function nonCanonicalPath(value: unknown, key = "", path = ""): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (canon(value, key, new Map()) === value) return undefined;
  const list = Array.isArray(value);
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) return `${path}.${k}: undefined`;
    const inner = nonCanonicalPath(v, list ? "" : k, list ? `${path}[${k}]` : `${path}.${k}`);
    if (inner) return inner;
  }
  return list ? `${path || "."}: a set-like list out of order or repeated` : `${path || "."}: keys not sorted (${Object.keys(value).join(", ")})`;
}

/** Objects rebuilt in one canonical pass, by the object they were rebuilt from. */
type Rebuilt = Map<object, unknown>;

function canon(value: unknown, key: string, rebuilt: Rebuilt): unknown {
  if (value === null || typeof value !== "object") return value;
  // A set-like list is only known canonical under a given key, so only objects are remembered.
  if (Array.isArray(value)) return canonArray(value, key, rebuilt);
  // A part shared by several places of the value is rebuilt once, so the result shares it too.
  const hit = rebuilt.get(value);
  if (hit !== undefined) return hit;
  const result = canonObject(value as Record<string, unknown>, rebuilt);
  if (result !== value) rebuilt.set(value, result);
  return result;
}

/** Returns `obj` itself when its keys are sorted and its values canonical; a sorted copy otherwise. */
function canonObject(obj: Record<string, unknown>, rebuilt: Rebuilt): unknown {
  // Most objects are built with sorted keys and no undefined values: check without allocating first.
  let values: unknown[] | undefined;
  let sorted = true;
  let prev: string | undefined;
  let i = 0;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const v = obj[k];
    if (prev !== undefined && prev > k) sorted = false;
    prev = k;
    const c = v === undefined ? undefined : typeof v === "object" && v !== null ? canon(v, k, rebuilt) : v;
    if (c !== v || v === undefined) values ??= Object.values(obj);
    if (values) values[i] = c;
    i++;
  }
  if (sorted && values === undefined) return obj;
  const keys = Object.keys(obj);
  const vals = values ?? Object.values(obj);
  const order = keys.map((_, j) => j);
  if (!sorted) {
    // Insertion sort of positions by key: objects are small, and Array#sort would allocate a copy.
    for (let a = 1; a < order.length; a++) {
      const p = order[a] as number;
      let b = a - 1;
      for (; b >= 0 && (keys[order[b] as number] as string) > (keys[p] as string); b--) order[b + 1] = order[b] as number;
      order[b + 1] = p;
    }
  }
  const out: Record<string, unknown> = {};
  for (const j of order) if (vals[j] !== undefined) out[keys[j] as string] = vals[j];
  return out;
}

function canonArray(list: readonly unknown[], key: string, rebuilt: Rebuilt): unknown[] {
  let items: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const c = v === undefined ? undefined : typeof v === "object" && v !== null ? canon(v, "", rebuilt) : v;
    if (items === undefined && (c !== v || v === undefined)) items = list.slice(0, i);
    if (items !== undefined && c !== undefined) items.push(c);
  }
  const result = items ?? (list as unknown[]);
  if (result.length >= 2) {
    if (STRING_SETS.has(key) && result.every((v) => typeof v === "string")) {
      if (!strictlySorted(result as string[])) return [...new Set(result as string[])].sort(cmp);
    } else {
      const id = OBJECT_SETS[key];
      if (id && result.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))) {
        const keyed = result.map((v) => ({ v, k: id(v as Record<string, unknown>) }));
        // Items with equal keys keep their order (the sort is stable), so a list in order is kept as it is.
        if (!inOrder(keyed.map((x) => x.k))) return keyed.sort((a, b) => cmp(a.k, b.k)).map((x) => x.v);
      }
    }
  }
  return result;
}

function inOrder(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as string) > (list[i] as string)) return false;
  return true;
}

function strictlySorted(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as string) >= (list[i] as string)) return false;
  return true;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Drops keys whose value is undefined, an empty object or an empty list (for building specs tersely), and
 * writes the remaining keys in sorted order, so the object is canonical as built when its values are.
 */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  // Most specs are written in key order: walked as they are, without a key list.
  if (keysSorted(value)) {
    for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k) && worthKeeping(value[k])) out[k] = value[k];
    return out as T;
  }
  const keys = Object.keys(value);
  sortSmall(keys);
  for (const k of keys) if (worthKeeping(value[k])) out[k] = value[k];
  return out as T;
}

/** False for undefined, an empty list and an empty object (what `compact` drops). */
function worthKeeping(v: unknown): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  return v === null || typeof v !== "object" || !isEmpty(v);
}

/** True when an object's own keys are in strictly increasing order (checked without a key list). */
function keysSorted(obj: object): boolean {
  let prev: string | undefined;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    if (prev !== undefined && prev >= k) return false;
    prev = k;
  }
  return true;
}

/** True when an object has no own enumerable keys (checked without allocating a key list). */
export function isEmpty(obj: object): boolean {
  for (const k in obj) if (Object.prototype.hasOwnProperty.call(obj, k)) return false;
  return true;
}

/** A string list as a canonical set: the list itself when strictly sorted, otherwise sorted without repeats. */
export function stringSet(list: readonly string[]): string[] {
  return strictlySorted(list) ? (list as string[]) : [...new Set(list)].sort(cmp);
}

/** DestinationRule subsets from their names and labels, canonical: sorted by name, labels in key order. */
export function subsetList(byName: ReadonlyMap<string, Readonly<Record<string, string>>>): { labels: Record<string, string>; name: string }[] {
  return [...byName.keys()].sort(cmp).map((name) => ({ labels: sortKeys(byName.get(name) as Record<string, string>), name }));
}

/**
 * `obj` with its own keys in sorted order (shallow): the object itself when they already are. Builders call
 * it on objects they assemble piecemeal, and on label and header maps copied from user input.
 */
export function sortKeys<T extends Record<string, unknown>>(obj: T): T {
  if (keysSorted(obj)) return obj;
  const keys = Object.keys(obj);
  sortSmall(keys);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = obj[k];
  return out as T;
}

/** Sorts a short list of distinct keys in place: insertion sort, which allocates nothing (Array#sort copies). */
function sortSmall(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort(cmp);
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > k; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = k;
  }
}
