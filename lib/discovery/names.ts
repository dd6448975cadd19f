import { md5Hex } from "./md5";

/**
 * Names of discovered objects (reference §1.2) and the sanitiser they use, `kubeutils.SanitizeNameV2`
 * (reference §5.1). The translator needs the same sanitiser for subset and output names, so it is
 * exported from here.
 */

const MAX_NAME_BYTES = 63;
const PREFIX_BYTES = 31;
const HASH_CHARS = 31;

const encoder = new TextEncoder();
/** Any character the sanitiser maps or drops (most names have none, and testing allocates nothing). */
const UNSAFE = /[*/.:_ [\]\n"']/;
const decoder = new TextDecoder();

/**
 * `SanitizeNameV2`: map `* / . : _ space` to `-` and drop `[ ] newline " '`; if the result is longer
 * than 63 bytes, keep its first 31 bytes, `-`, and the first 31 hex characters of the MD5 of the
 * mapped, still mixed-case string; lowercase last. Invalid leading characters are not repaired.
 */
export function sanitizeNameV2(name: string): string {
  const mapped = UNSAFE.test(name) ? name.replace(/[*/.:_ ]/g, "-").replace(/[[\]\n"']/g, "") : name;
  // Most names are short: their UTF-8 length is counted without encoding them (this runs per output).
  if (utf8Length(mapped) <= MAX_NAME_BYTES) return mapped.toLowerCase();
  const bytes = encoder.encode(mapped);
  // Slicing is by bytes, as in Go; a multi-byte character cut in half decodes to U+FFFD.
  const prefix = decoder.decode(bytes.subarray(0, PREFIX_BYTES));
  return `${prefix}-${md5Hex(bytes).slice(0, HASH_CHARS)}`.toLowerCase();
}

/** UTF-8 byte length of a string (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** `<name>-<namespace>-<cluster>`, sanitised: the Gloo v1 name of a Mesh or Destination (§1.2). */
export function discoveredObjectName(name: string, namespace: string, cluster: string): string {
  return sanitizeNameV2(`${name}-${namespace}-${cluster}`);
}

/**
 * A Workload's Gloo v1 name: the sanitised `<name>-<namespace>-<cluster>` plus `-<kind>` appended
 * after sanitising, so it can exceed 63 characters (§1.2).
 */
export function discoveredWorkloadName(name: string, namespace: string, cluster: string, kind: string): string {
  return `${discoveredObjectName(name, namespace, cluster)}-${kind.toLowerCase()}`;
}

/**
 * The key skv2 resource sets sort by: `<name>.<namespace>.<cluster>` (cluster empty for the objects
 * discovery writes). Every "first" in the v1 rules (first Mesh of a cluster, first backing Workload,
 * first Node, first matching Pod) means first in this order, which is not quite name order:
 * `a-b.` sorts before `a.`.
 */
export function skv2Key(name: string, namespace: string, cluster = ""): string {
  return `${name}.${namespace}.${cluster}`;
}

/** Compares two skv2 keys as Go compares strings (code units equal bytes for Kubernetes names). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
