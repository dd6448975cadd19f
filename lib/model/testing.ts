import { expect } from "vitest";
import { parse } from "yaml";
import type { FieldError } from "./errors";
import { parseObject } from "./registry";

/**
 * Helpers for the model tests (imported only by `*.test.ts`): parse a fixture through the registry and
 * assert the outcome the way every model test needs it.
 */

/** A fixture object as tests build it. */
export type Fixture = Record<string, unknown>;

/** Parses a YAML document into a fixture. */
export function yamlFixture(text: string): Fixture {
  return parse(text) as Fixture;
}

/** Expects the object to parse as a modelled kind and to come back equal to the input (unknown fields kept). */
export function expectParses(raw: Fixture): void {
  const before = structuredClone(raw);
  const result = parseObject(raw);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true, modelled: true });
  if (result.ok) expect(result.object).toEqual(before);
}

/**
 * Expects the object to be rejected with an error on exactly `field`, whose message starts with the field
 * path, says what "must" hold and contains `fragment` when given. Returns that error.
 */
export function expectRejected(raw: Fixture, field: string, fragment?: string): FieldError {
  const result = parseObject(raw);
  const errors = result.ok ? [] : result.errors;
  const error = errors.find((e) => e.field === field);
  expect(error, `no error on ${field}; got ${JSON.stringify(errors)}`).toBeDefined();
  const found = error as FieldError;
  expect(found.message.startsWith(`${field}: `)).toBe(true);
  expect(found.message).toContain("must");
  if (fragment !== undefined) expect(found.message).toContain(fragment);
  return found;
}

/** A deep copy of `raw` with the value at `path` replaced (or removed when `value` is undefined). */
export function withChange(raw: Fixture, path: readonly (string | number)[], value: unknown): Fixture {
  const copy = structuredClone(raw);
  let node: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (typeof next !== "object" || next === null) throw new Error(`withChange: no object at ${String(key)}`);
    node = next as Record<string | number, unknown>;
  });
  const last = path[path.length - 1];
  if (last === undefined) throw new Error("withChange: empty path");
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
