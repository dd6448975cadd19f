import { z } from "zod";

/**
 * Field-level building blocks shared by the Gloo, Gateway API and Istio model files: durations, ports,
 * percentages, case-insensitive enums and the "only one of" rule of protobuf oneofs. Every check
 * reports a message that starts with "must", so `toFieldErrors` shows it as the API server would.
 * Nothing here transforms data: a parsed object is always the input object.
 */

/** Go `time.ParseDuration` grammar (what Istio and Kubernetes accept): `1s`, `500ms`, `1m30s`, `1.5h`, `0`. */
const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const DURATION_EXAMPLES = "such as 1s, 500ms or 1m30s";

/** A duration string in Go syntax; only the shape is checked (Istio and Gloo v1 durations). */
export const durationSchema = z.string().regex(GO_DURATION, { message: `must be a duration ${DURATION_EXAMPLES}` });

const GLOO_DURATION_PART = /(\d+\.?\d*|\.\d+)(ms|h|m|s)/g;
const GLOO_DURATION = /^(?:(?:\d+\.?\d*|\.\d+)(?:ms|h|m|s))+$/;
const MS_PER_UNIT: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a duration in h/m/s/ms units, or undefined when the shape does not match. */
export function durationMillis(value: string): number | undefined {
  if (!GLOO_DURATION.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(GLOO_DURATION_PART)) total += Number(amount) * (MS_PER_UNIT[unit ?? ""] ?? 0);
  return total;
}

/**
 * A Gloo Platform v2 duration. The 2.6 CRDs only accept durations of at least 1ms with millisecond
 * granularity (gloo-api-details §1.7), so `ns`/`us` units and sub-millisecond values are rejected here.
 */
export const glooDurationSchema = z.string().superRefine((value, ctx) => {
  const ms = durationMillis(value);
  if (ms === undefined) {
    addIssue(ctx, [], `must be a duration in h, m, s or ms ${DURATION_EXAMPLES}`);
  } else if (ms < 1 || Math.abs(ms - Math.round(ms)) > 1e-6) {
    addIssue(ctx, [], "must be at least 1ms and a whole number of milliseconds");
  }
});

/** A TCP/UDP port number, 1–65535. */
export const portNumberSchema = z
  .number()
  .int({ message: "must be a whole port number between 1 and 65535" })
  .min(1, { message: "must be a port number between 1 and 65535" })
  .max(65535, { message: "must be a port number between 1 and 65535" });

/** A non-negative whole number (protobuf uint32 and friends). */
export const uintSchema = z
  .number()
  .int({ message: "must be a whole number of 0 or more" })
  .min(0, { message: "must be a whole number of 0 or more" });

/** A whole number within bounds, with a message naming them. */
export function intInRange(min: number, max: number) {
  const message = `must be a whole number between ${min} and ${max}`;
  return z.number().int({ message }).min(min, { message }).max(max, { message });
}

/** Gloo v2 percentages: 0, or 0.0001 to 100 (gloo-api-details §1.7). */
export const glooPercentageSchema = z
  .number()
  .refine((v) => v === 0 || (v >= 0.0001 && v <= 100), { message: "must be 0 or between 0.0001 and 100" });

/** A percentage between 0 and 100 inclusive (Gloo v1, Istio). */
export const percentSchema = z
  .number()
  .refine((v) => v >= 0 && v <= 100, { message: "must be between 0 and 100" });

/**
 * Server-written integers: protobuf JSON writes int64 as a string, Kubernetes as a number. Status is never
 * a reason to reject an object, so both are accepted.
 */
export const intLikeSchema = z.union([z.number(), z.string()]);

/**
 * An enum the API compares case-insensitively (e.g. Gloo VirtualDestination port protocols). The input
 * is kept as written; only membership is checked.
 */
export function caseInsensitiveEnum(values: readonly string[]) {
  const allowed = new Set(values.map((v) => v.toUpperCase()));
  return z.string().refine((v) => allowed.has(v.toUpperCase()), { message: `must be one of ${values.join(", ")} (case-insensitive)` });
}

/** A string map (labels, headers to append, subsets). */
export const stringMapSchema = z.record(z.string(), z.string());

/** Whether a field counts as set: present and not null (protobuf JSON treats null as unset). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * The rule of a protobuf `oneof`: at most one of `keys` may be set; with `required`, exactly one.
 * The issue is reported on the second field set (or on the object when none is).
 */
export function onlyOneOf<T extends object>(keys: readonly (keyof T & string)[], options: { required?: boolean } = {}) {
  const list = keys.join(", ");
  return (value: T, ctx: IssueSink): void => {
    const set = keys.filter((k) => isSet((value as Record<string, unknown>)[k]));
    const [first, second] = set;
    if (first !== undefined && second !== undefined) {
      addIssue(ctx, [second], `must not be set together with ${first} (set only one of ${list})`);
    } else if (options.required && first === undefined) {
      addIssue(ctx, [], `must set exactly one of ${list}`);
    }
  };
}

/** Where refinements report issues: zod's refinement context, reduced to the one method used here. */
export interface IssueSink {
  addIssue(issue: { code: "custom"; path: PropertyKey[]; message: string }): void;
}

/** Adds a "must" issue at a path relative to the refined object. */
export function addIssue(ctx: IssueSink, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}
