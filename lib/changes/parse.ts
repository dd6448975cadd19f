import { parseDocument } from "yaml";
import type { FieldError } from "../model/errors";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { refOf, type ObjectRef } from "../snapshot/ref";
import { isWritableGroup, WRITABLE_GROUPS } from "./writable";

/** A draft item's YAML, parsed as far as it goes. */
export interface ParsedItem {
  /** The object when it passes its schema. */
  object: KubeObject | null;
  /** Whatever the YAML parsed to, valid or not (for diffs of work in progress). */
  raw: unknown;
  ref: ObjectRef | null;
  errors: FieldError[];
}

/**
 * Parses one item's YAML text: syntax errors name the line, schema errors name the field path (the same
 * paths the API server's causes use), so both land on the right form field and YAML node.
 */
export function parseItemYaml(cluster: string, text: string): ParsedItem {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0];
    const what = (e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    const message = `yaml: must be valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ""}: ${what}`;
    return { object: null, raw: null, ref: null, errors: [{ field: "<yaml>", reason: "FieldValueInvalid", message }] };
  }
  const raw: unknown = doc.toJS();
  const parsed = parseObject(raw);
  if (!parsed.ok) {
    const head = raw as Partial<KubeObject> | null;
    const ref = head && typeof head === "object" && typeof head.kind === "string" && typeof head.apiVersion === "string" && typeof head.metadata?.name === "string" ? refOf(cluster, head as KubeObject) : null;
    return { object: null, raw, ref, errors: parsed.errors };
  }
  if (!parsed.modelled) {
    const message = `kind: must be a kind Meshpane models (${parsed.object.apiVersion} ${parsed.object.kind} is not one)`;
    return { object: null, raw, ref: refOf(cluster, parsed.object), errors: [{ field: "kind", reason: "FieldValueNotSupported", message }] };
  }
  const ref = refOf(cluster, parsed.object);
  if (!isWritableGroup(ref.group)) {
    const message = `apiVersion: must be in a group Meshpane writes (${WRITABLE_GROUPS.join(", ")}); ${ref.group || "core"} objects are not written from Meshpane`;
    return { object: null, raw, ref, errors: [{ field: "apiVersion", reason: "FieldValueNotSupported", message }] };
  }
  return { object: parsed.object, raw, ref, errors: [] };
}
