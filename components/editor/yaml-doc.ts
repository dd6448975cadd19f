import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { FieldError } from "@/lib/model/errors";
import type { KubeObject } from "@/lib/model/meta";
import { parseItemYaml } from "@/lib/changes";

/**
 * One draft item's YAML text as the editors see it. The text is the source of truth: the form reads the
 * object from it and writes back through the `yaml` Document API, so comments and key order survive; field
 * errors (ours, and the API server's causes) are mapped back onto the text by their field path.
 */

/** A path into the object: map keys and list indexes. */
export type Path = (string | number)[];

/** A text range and what must hold there. */
export interface TextDiagnostic {
  from: number;
  to: number;
  message: string;
  field: string;
}

/** The text parsed as far as it goes: the object (null when the syntax is broken) and every field error. */
export interface ParsedText {
  object: KubeObject | null;
  /** The plain value, even when the schema rejects it (the form still shows it). */
  value: unknown;
  errors: FieldError[];
  syntaxOk: boolean;
}

/** `spec.http[0].forwardTo.destinations[1].weight` → `["spec","http",0,"forwardTo","destinations",1,"weight"]`. */
export function parseFieldPath(field: string): Path {
  if (field === "<root>" || field === "<yaml>" || field === "") return [];
  const out: Path = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The field path string of a path, as FieldError writes it. */
export function fieldOf(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out === "" ? "<root>" : out;
}

/** Parses and checks one item's text against the schema of its kind (the same check the server makes). */
export function parseText(text: string): ParsedText {
  const parsed = parseItemYaml("", text);
  const syntaxOk = !parsed.errors.some((e) => e.field === "<yaml>");
  return { object: parsed.object, value: syntaxOk ? parsed.raw : undefined, syntaxOk, errors: parsed.errors };
}

/** Maps field errors onto the text: the node at the path, or the nearest ancestor that exists. */
export function diagnosticsFor(text: string, errors: readonly FieldError[]): TextDiagnostic[] {
  const doc = parseDocument(text, { prettyErrors: false });
  return errors.map((e) => {
    if (e.field === "<yaml>") {
      const pos = doc.errors[0]?.pos ?? [0, 0];
      return { from: pos[0], to: Math.max(pos[1], pos[0]), message: e.message, field: e.field };
    }
    return { ...rangeOf(doc, text, parseFieldPath(e.field)), message: e.message, field: e.field };
  });
}

function rangeOf(doc: Document, text: string, path: Path): { from: number; to: number } {
  const lineEnd = (from: number) => {
    const nl = text.indexOf("\n", from);
    return nl < 0 ? text.length : nl;
  };
  let node: unknown = doc.contents;
  let at = { from: 0, to: lineEnd(0) };
  for (let i = 0; i < path.length; i++) {
    if (isMap(node)) {
      const found = findKey(node.items, path, i);
      if (!found) break;
      const key = found.pair.key as Node;
      const value = found.pair.value as Node | null;
      const from = key.range?.[0] ?? at.from;
      at = { from, to: value && isScalar(value) ? (value.range?.[1] ?? lineEnd(from)) : lineEnd(from) };
      node = value;
      i = found.next - 1;
    } else if (isSeq(node) && typeof path[i] === "number") {
      const item = node.items[path[i] as number] as Node | undefined;
      if (!item?.range) break;
      at = { from: item.range[0], to: isScalar(item) ? item.range[1] : lineEnd(item.range[0]) };
      node = item;
    } else break;
  }
  return at;
}

/** A map key may itself contain dots (`route.example.com/name`): try the shortest joined key first. */
function findKey(items: readonly { key: unknown; value: unknown }[], path: Path, i: number) {
  for (let j = i + 1; j <= path.length; j++) {
    const parts = path.slice(i, j);
    if (parts.some((p) => typeof p !== "string")) return undefined;
    const key = parts.join(".");
    const pair = items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair) return { pair, next: j };
  }
  return undefined;
}

/**
 * Sets (or, for `undefined`, deletes) the value at `path` and answers the new text. Only that node changes:
 * comments, key order and the style of the rest are kept. Unparseable text is answered unchanged.
 */
export function setAt(text: string, path: Path, value: unknown): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  if (value === undefined) doc.deleteIn(path);
  else if (path.length === 0) doc.contents = doc.createNode(value) as unknown as Document.Parsed["contents"];
  else doc.setIn(path, doc.createNode(value));
  return doc.toString({ lineWidth: 0, indentSeq: indentsSequences(text), flowCollectionPadding: !/[{[][^\s\]}]/.test(text) });
}

/** Whether the text writes block lists indented under their key (`key:\n  - a`) or flush (`key:\n- a`). */
function indentsSequences(text: string): boolean {
  const m = /^( *)[^\s#-][^\n]*:\n(?: *#[^\n]*\n)*( *)- /m.exec(text);
  return !m || m[2]!.length > m[1]!.length;
}

/** The value at a path of a plain object (undefined when absent). */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
