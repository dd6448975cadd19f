import { z } from "zod";
import type { KindDef } from "@/lib/model/meta";
import type { Path } from "./yaml-doc";

/** The part of JSON Schema (as zod 4's `z.toJSONSchema` writes it) the generic form walks. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  description?: string;
  minimum?: number;
  maximum?: number;
}

const cache = new WeakMap<KindDef, JsonSchema>();

/** The JSON Schema of a kind, from its zod schema (the input side: what a person writes). */
export function kindJsonSchema(def: KindDef): JsonSchema {
  let s = cache.get(def);
  if (!s) {
    s = z.toJSONSchema(def.schema, { unrepresentable: "any", io: "input" }) as JsonSchema;
    cache.set(def, s);
  }
  return s;
}

/** Follows `$ref` (into the root's `$defs`), `allOf` of one, and `anyOf`/`oneOf` whose other branches are null. */
export function resolve(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && i < 8; i++) {
    if (s.$ref) s = root.$defs?.[s.$ref.replace(/^#\/\$defs\//, "")];
    else if (s.allOf?.length === 1) s = s.allOf[0];
    else {
      const branches = (s.anyOf ?? s.oneOf)?.filter((b) => b.type !== "null");
      if (branches?.length === 1) s = branches[0];
      else return s;
    }
  }
  return s;
}

/** The schema of the value at a path (undefined where the schema says nothing). */
export function schemaAt(root: JsonSchema, path: Path): JsonSchema | undefined {
  let s = resolve(root, root);
  for (const p of path) {
    if (!s) return undefined;
    if (typeof p === "number") s = resolve(s.items, root);
    else s = resolve(s.properties?.[p] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined), root);
  }
  return s;
}

/** The one type of a schema ("object", "array", "string", "integer", "number", "boolean"), or undefined. */
export function typeOf(s: JsonSchema | undefined): string | undefined {
  if (!s) return undefined;
  if (Array.isArray(s.type)) return s.type.find((t) => t !== "null");
  if (s.type) return s.type;
  if (s.properties) return "object";
  if (s.enum?.every((v) => typeof v === "string")) return "string";
  return undefined;
}

/** A starting value for a new list item or field of this schema. */
export function emptyValue(s: JsonSchema | undefined): unknown {
  switch (typeOf(s)) {
    case "object":
      return {};
    case "array":
      return [];
    case "boolean":
      return false;
    case "integer":
    case "number":
      return 0;
    default:
      return s?.enum?.[0] ?? "";
  }
}

/** What a person typed into a number field: a number when it reads as one, else the text (so the schema reports it). */
export function numberFromInput(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}
