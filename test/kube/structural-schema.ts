// Turns a zod schema into a Kubernetes *structural* OpenAPI v3 schema for a CRD
// (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema).
// zod does the heavy lifting (z.toJSONSchema, OpenAPI 3.0 flavour); this file then rewrites what the API
// server would reject or read differently. The rule throughout: the CRD may be looser than zod (refinements
// stay client-side), but it must never reject an object zod accepts.
import { z } from "zod";

/** A node of a structural schema, with the keys this generator emits. */
export interface StructuralSchema {
  description?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  nullable?: boolean;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: boolean;
  maximum?: number;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: StructuralSchema;
  minProperties?: number;
  maxProperties?: number;
  properties?: Record<string, StructuralSchema>;
  required?: string[];
  additionalProperties?: StructuralSchema;
  /** Only value validations (patterns of a string with several regexes): structural rules forbid types here. */
  allOf?: StructuralSchema[];
  "x-kubernetes-int-or-string"?: true;
  "x-kubernetes-preserve-unknown-fields"?: true;
}

type Json = Record<string, unknown>;

/** Any value at all: the structural spelling of JSON Schema's `{}` (no type, unknown fields kept). */
const anyValue = (): StructuralSchema => ({ "x-kubernetes-preserve-unknown-fields": true });
const isAny = (s: StructuralSchema): boolean => s.type === undefined && s["x-kubernetes-int-or-string"] === undefined;

// zod adds ±2^53-1 bounds to every `.int()`: they say nothing about the field and only add noise.
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The structural schema of a zod schema. Unions collapse to the common parent (objects keep the fields
 * every branch shares), int|string becomes `x-kubernetes-int-or-string`, loose objects keep unknown fields,
 * records become `additionalProperties`, and what cannot be expressed becomes "any value".
 */
export function structuralSchemaOf(schema: z.ZodType): StructuralSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0", override: fixFromZod }) as Json;
  return tidy(convert(json, { root: json, stack: [] }));
}

/**
 * Corrections only the zod schema knows: a key is `required` only when zod itself rejects the object
 * without it (z.unknown(), preprocess and catch keys are listed as required by toJSONSchema but accept
 * absence), and a regex with flags (`/…/i`) has no flag-free OpenAPI pattern, so it is dropped.
 */
function fixFromZod(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  const def = (ctx.zodSchema as { _zod: { def: Json } })._zod.def;
  if (def.type === "object" && Array.isArray(ctx.jsonSchema.required)) {
    const shape = def.shape as Record<string, z.ZodType>;
    ctx.jsonSchema.required = (ctx.jsonSchema.required as string[]).filter((k) => shape[k] !== undefined && rejectsAbsence(shape[k]));
  }
  if (def.type === "string") {
    const checks = (def.checks ?? []) as { _zod: { def: { format?: string; pattern?: RegExp } } }[];
    if (checks.some((c) => c._zod.def.format === "regex" && (c._zod.def.pattern?.flags ?? "") !== "")) {
      delete ctx.jsonSchema.pattern;
      delete ctx.jsonSchema.allOf;
    }
  }
}

function rejectsAbsence(schema: z.ZodType): boolean {
  try {
    return !schema.safeParse(undefined).success;
  } catch {
    return false; // async refinements and the like: not certain, so not required
  }
}

interface Ctx {
  root: Json;
  /** $refs being expanded: a recursive schema cannot be written out, so a cycle becomes "any value". */
  stack: string[];
}

function convert(node: unknown, ctx: Ctx): StructuralSchema {
  if (typeof node !== "object" || node === null) return anyValue(); // `true`, `false` or junk
  const n = node as Json;
  if (typeof n.$ref === "string") return convertRef(n.$ref, ctx);
  if (isNullOnly(n)) return anyValue(); // a lone z.null(): nothing structural says "only null"
  const union = (n.anyOf ?? n.oneOf) as unknown[] | undefined;
  let out: StructuralSchema;
  // `X | null` is X with `nullable`, not a union with nothing in common.
  if (union) out = mergeUnion(union.filter((b) => !isNullOnly(b)).map((b) => convert(b, ctx)));
  else if (Array.isArray(n.allOf) && n.type === undefined) out = mergeAll(n.allOf.map((b) => convert(b, ctx)));
  else out = convertTyped(n, ctx);
  const nullable = n.nullable === true || (union?.some(isNullOnly) ?? false);
  if (nullable && !isAny(out)) out.nullable = true;
  // A null is not among an enum's values: keeping both would reject the null zod accepts.
  if (out.nullable) delete out.enum;
  if (typeof n.description === "string" && !isAny(out)) out.description = n.description;
  return out;
}

/** zod writes `z.null()` as `{type: "string", nullable: true, enum: [null]}` for OpenAPI 3.0. */
function isNullOnly(node: unknown): boolean {
  const n = node as Json | null;
  return typeof n === "object" && n !== null && (n.type === "null" || (Array.isArray(n.enum) && n.enum.length > 0 && n.enum.every((v) => v === null)));
}

function convertRef(ref: string, ctx: Ctx): StructuralSchema {
  if (ctx.stack.includes(ref)) return anyValue();
  const target = ref === "#" ? ctx.root : ref.replace(/^#\//, "").split("/").reduce<unknown>((o, k) => (o as Json | undefined)?.[k], ctx.root);
  return convert(target, { ...ctx, stack: [...ctx.stack, ref] });
}

function convertTyped(n: Json, ctx: Ctx): StructuralSchema {
  switch (n.type) {
    case "object":
      return convertObject(n, ctx);
    case "array": {
      // Tuples arrive as `items: {anyOf}` in OpenAPI 3.0; a missing `items` is not allowed on a CRD array.
      const out: StructuralSchema = { type: "array", items: n.items === undefined ? anyValue() : convert(n.items, ctx) };
      copyNumbers(n, out, ["minItems", "maxItems"]); // uniqueItems is forbidden in CRDs (quadratic)
      return out;
    }
    case "string": {
      const out: StructuralSchema = { type: "string" };
      if (Array.isArray(n.enum)) out.enum = [...n.enum];
      copyNumbers(n, out, ["minLength", "maxLength"]);
      // `format` is dropped: zod's formats (email, uuid, …) are not the API server's. Their patterns go too.
      if (n.format === undefined) addPatterns(n, out);
      return out;
    }
    case "integer":
    case "number": {
      const out: StructuralSchema = { type: n.type };
      if (Array.isArray(n.enum)) out.enum = [...n.enum];
      if (typeof n.minimum === "number" && n.minimum > -SAFE) out.minimum = n.minimum;
      if (n.exclusiveMinimum === true && out.minimum !== undefined) out.exclusiveMinimum = true;
      if (typeof n.maximum === "number" && n.maximum < SAFE) out.maximum = n.maximum;
      if (n.exclusiveMaximum === true && out.maximum !== undefined) out.exclusiveMaximum = true;
      copyNumbers(n, out, ["multipleOf"]);
      return out;
    }
    case "boolean":
      return Array.isArray(n.enum) ? { type: "boolean", enum: [...n.enum] } : { type: "boolean" };
    default:
      return anyValue(); // no type (z.unknown, transforms, dates) or only `null`
  }
}

function convertObject(n: Json, ctx: Ctx): StructuralSchema {
  const out: StructuralSchema = { type: "object" };
  const props = n.properties as Record<string, unknown> | undefined;
  const extra = n.additionalProperties;
  if (props && Object.keys(props).length > 0) {
    out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, convert(v, ctx)]));
  }
  const required = ((n.required ?? []) as string[]).filter((k) => props === undefined || k in props);
  if (required.length > 0) out.required = required;
  copyNumbers(n, out, ["minProperties", "maxProperties"]);
  if (extra === false || extra === undefined) return out; // strict or stripping z.object: the server prunes
  const value = extra === true ? anyValue() : convert(extra, ctx);
  // `properties` and `additionalProperties` are mutually exclusive in a structural schema, so a loose
  // object (or one with a typed catchall) keeps unknown fields instead; so does a record of anything.
  if (out.properties !== undefined || isAny(value)) out["x-kubernetes-preserve-unknown-fields"] = true;
  else out.additionalProperties = value;
  return out;
}

// Patterns are kept only when Go's RE2 reads them as JavaScript does: no lookaround, backreferences,
// `\u`/`\p` escapes (Go spells those differently) or other JS-only syntax.
const JS_ONLY_REGEX = /\(\?(?:=|!|<=|<!)|\\[1-9kupPc]/;

function addPatterns(n: Json, out: StructuralSchema): void {
  const patterns = [n.pattern, ...((n.allOf ?? []) as Json[]).map((a) => a.pattern)].filter((p): p is string => typeof p === "string");
  const usable = patterns.filter((p) => !JS_ONLY_REGEX.test(p));
  if (usable.length !== patterns.length || usable.length === 0) return; // all or nothing: never half a rule
  out.pattern = usable[0];
  if (usable.length > 1) out.allOf = usable.slice(1).map((pattern) => ({ pattern }));
}

function copyNumbers(n: Json, out: StructuralSchema, keys: (keyof StructuralSchema)[]): void {
  for (const k of keys) if (typeof n[k] === "number") (out as Json)[k] = n[k];
}

const NUMERIC = new Set(["integer", "number"]);

/** The loosest schema that accepts what any branch accepts (structural schemas allow no typed anyOf). */
export function mergeUnion(branches: StructuralSchema[]): StructuralSchema {
  if (branches.length === 0 || branches.some(isAny)) return anyValue();
  const nullable = branches.some((b) => b.nullable === true);
  const types = new Set(branches.flatMap((b) => (b["x-kubernetes-int-or-string"] ? ["integer", "string"] : [b.type!])));
  let out: StructuralSchema;
  if (types.size === 1) out = mergeSameType(branches);
  else if ([...types].every((t) => NUMERIC.has(t))) out = { type: "number" };
  // zod's number|string (int64 written either way) is read as int-or-string: the closest structural form.
  else if (types.has("string") && [...types].every((t) => t === "string" || NUMERIC.has(t))) out = { "x-kubernetes-int-or-string": true };
  else return anyValue();
  if (nullable) out.nullable = true;
  return out;
}

function mergeSameType(branches: StructuralSchema[]): StructuralSchema {
  const type = branches[0]!.type!;
  if (type === "array") return { type, items: mergeUnion(branches.map((b) => b.items ?? anyValue())) };
  if (type === "object") return mergeObjects(branches);
  const out: StructuralSchema = { type };
  // Literal unions (`z.union([z.literal("a"), z.literal("b")])`) keep their values as one enum.
  if (branches.every((b) => b.enum !== undefined)) out.enum = [...new Set(branches.flatMap((b) => b.enum!))];
  return out;
}

function mergeObjects(branches: StructuralSchema[]): StructuralSchema {
  const out: StructuralSchema = { type: "object" };
  if (branches.every((b) => b.additionalProperties !== undefined)) {
    out.additionalProperties = mergeUnion(branches.map((b) => b.additionalProperties!));
    return out;
  }
  const open = (b: StructuralSchema) => b["x-kubernetes-preserve-unknown-fields"] === true || b.additionalProperties !== undefined;
  if (branches.some(open)) out["x-kubernetes-preserve-unknown-fields"] = true;
  if (branches.some((b) => b.additionalProperties !== undefined)) return out; // record beside a shape: nothing in common
  const keys = [...new Set(branches.flatMap((b) => Object.keys(b.properties ?? {})))];
  const properties: Record<string, StructuralSchema> = {};
  for (const key of keys) {
    const having = branches.filter((b) => b.properties?.[key] !== undefined);
    // A branch that keeps unknown fields accepts any value under a key it does not declare.
    const lackingOpen = branches.some((b) => b.properties?.[key] === undefined && open(b));
    properties[key] = lackingOpen ? anyValue() : mergeUnion(having.map((b) => b.properties![key]!));
  }
  if (keys.length > 0) out.properties = properties;
  const required = (branches[0]!.required ?? []).filter((k) => branches.every((b) => b.required?.includes(k)));
  if (required.length > 0) out.required = required;
  return out;
}

/** An intersection: one typed branch wins (with the others' value validations), objects merge their fields. */
function mergeAll(branches: StructuralSchema[]): StructuralSchema {
  const typed = branches.filter((b) => !isAny(b));
  if (typed.length <= 1) return typed[0] ?? anyValue();
  if (!typed.every((b) => b.type === "object" && b.additionalProperties === undefined)) return anyValue();
  // Every branch's fields apply; a key two branches declare takes the looser union (sound, and rare).
  const out: StructuralSchema = { type: "object" };
  const keys = [...new Set(typed.flatMap((b) => Object.keys(b.properties ?? {})))];
  if (keys.length > 0) {
    out.properties = Object.fromEntries(keys.map((k) => [k, mergeUnion(typed.flatMap((b) => (b.properties?.[k] ? [b.properties[k]] : [])))]));
  }
  const required = [...new Set(typed.flatMap((b) => b.required ?? []))];
  if (required.length > 0) out.required = required;
  if (typed.some((b) => b["x-kubernetes-preserve-unknown-fields"])) out["x-kubernetes-preserve-unknown-fields"] = true;
  return out;
}

const KEY_ORDER: (keyof StructuralSchema)[] = [
  "description", "type", "nullable", "enum", "pattern", "minLength", "maxLength", "minimum", "exclusiveMinimum", "maximum",
  "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "items", "minProperties", "maxProperties", "properties", "required",
  "additionalProperties", "allOf", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields",
];

/** The same schema with keys in one fixed order at every level, so the YAML is byte-for-byte stable. */
export function tidy(s: StructuralSchema): StructuralSchema {
  const out: Json = {};
  for (const k of KEY_ORDER) {
    const v = s[k];
    if (v === undefined) continue;
    if (k === "items" || k === "additionalProperties") out[k] = tidy(v as StructuralSchema);
    else if (k === "properties") out[k] = Object.fromEntries(Object.entries(v as Record<string, StructuralSchema>).map(([p, c]) => [p, tidy(c)]));
    else if (k === "allOf") out[k] = (v as StructuralSchema[]).map(tidy);
    else out[k] = v;
  }
  return out as StructuralSchema;
}
