import { create } from "jsondiffpatch";
import { format, patch } from "jsondiffpatch/formatters/jsonpatch";

/**
 * Structured diff of two JSON documents as a list of RFC 6902-style operations with the values on both
 * sides, computed with jsondiffpatch (list items are matched by name, port or content, so inserting a
 * route shows as one addition rather than a cascade of replacements).
 */

/** One change: JSON-pointer path, the operation, and the values before and after. */
export interface DiffEntry {
  op: "add" | "remove" | "replace" | "move";
  path: string;
  /** For moves: where the item was. */
  from?: string;
  before?: unknown;
  after?: unknown;
}

/** List items are matched by `name`, then `port.number`, then `host`, else by their whole content. */
function objectHash(item: object, index?: number): string {
  const o = item as { name?: unknown; port?: { number?: unknown }; host?: unknown; destination?: { host?: unknown; subset?: unknown } };
  if (typeof o.name === "string") return `name:${o.name}`;
  if (o.destination && typeof o.destination.host === "string") return `dest:${o.destination.host}|${String(o.destination.subset ?? "")}`;
  if (o.port && typeof o.port === "object" && o.port.number !== undefined) return `port:${String(o.port.number)}`;
  if (typeof o.host === "string") return `host:${o.host}`;
  return `json:${JSON.stringify(item) ?? String(index)}`;
}

const differ = create({ objectHash, arrays: { detectMove: true, includeValueOnMove: false } });

/** The changes that turn `before` into `after`; empty when they are equal. */
export function structuredDiff(before: unknown, after: unknown): DiffEntry[] {
  const delta = differ.diff(before, after);
  if (delta === undefined) return [];
  // Operations apply in sequence, so each one's "before" value is read from a copy patched up to it.
  const working = structuredClone(before);
  return format(delta).map((op): DiffEntry => {
    const entry: DiffEntry = op.op === "add" ? { op: "add", path: op.path, after: op.value }
      : op.op === "remove" ? { op: "remove", path: op.path, before: valueAt(working, op.path) }
        : op.op === "replace" ? { op: "replace", path: op.path, before: valueAt(working, op.path), after: op.value }
          : { op: "move", path: op.path, from: op.from };
    patch(working, [op]);
    return entry;
  });
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
