import { describe, expect, it } from "vitest";
import { z } from "zod";
import { caseInsensitiveEnum, durationMillis, durationSchema, glooDurationSchema, glooPercentageSchema, onlyOneOf } from "./fields";
import { toFieldErrors } from "./errors";

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe("field schemas", () => {
  it("accepts Go durations and rejects other shapes", () => {
    for (const d of ["1s", "500ms", "1m30s", "1.5h", "0", "100us", "2h45m0.5s"]) expect(ok(durationSchema, d), d).toBe(true);
    for (const d of ["1", "1 s", "s", "1d", "", "1m-3s"]) expect(ok(durationSchema, d), d).toBe(false);
  });

  it("accepts Gloo durations of at least 1ms in whole milliseconds", () => {
    expect(durationMillis("1m30s")).toBe(90_000);
    expect(durationMillis("1.5s")).toBe(1500);
    expect(durationMillis("100us")).toBeUndefined();
    for (const d of ["1ms", "500ms", "2s", "1h", "0.25s"]) expect(ok(glooDurationSchema, d), d).toBe(true);
    for (const d of ["0s", "0.5ms", "1.0005s", "100ns", "10"]) expect(ok(glooDurationSchema, d), d).toBe(false);
  });

  it("bounds Gloo percentages to 0 or 0.0001–100", () => {
    for (const p of [0, 0.0001, 50, 100]) expect(ok(glooPercentageSchema, p), String(p)).toBe(true);
    for (const p of [0.00001, -1, 100.5]) expect(ok(glooPercentageSchema, p), String(p)).toBe(false);
  });

  it("compares case-insensitive enums without changing the value", () => {
    const schema = caseInsensitiveEnum(["HTTP", "TCP"]);
    expect(schema.parse("http")).toBe("http");
    expect(ok(schema, "udp")).toBe(false);
  });

  it("reports oneof violations on the second field and missing required choices on the object", () => {
    const schema = z.looseObject({ a: z.string().optional(), b: z.string().optional() }).superRefine(onlyOneOf(["a", "b"], { required: true }));
    const both = schema.safeParse({ a: "x", b: "y" });
    expect(both.success ? [] : toFieldErrors(both.error)).toEqual([{ field: "b", reason: "FieldValueInvalid", message: "b: must not be set together with a (set only one of a, b)" }]);
    const none = schema.safeParse({});
    expect(none.success ? [] : toFieldErrors(none.error)).toEqual([{ field: "<root>", reason: "FieldValueInvalid", message: "<root>: must set exactly one of a, b" }]);
  });
});
