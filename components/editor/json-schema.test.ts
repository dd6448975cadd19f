import { describe, expect, it } from "vitest";
import { findKind } from "@/lib/model/registry";
import { emptyValue, kindJsonSchema, numberFromInput, schemaAt, typeOf } from "./json-schema";

describe("json-schema", () => {
  const root = kindJsonSchema(findKind("networking.gloo.solo.io/v2", "RouteTable")!);

  it("finds the schema of a nested field through lists", () => {
    expect(typeOf(schemaAt(root, ["spec", "http"]))).toBe("array");
    expect(typeOf(schemaAt(root, ["spec", "http", 0, "forwardTo", "destinations", 1, "weight"]))).toBe("integer");
    expect(schemaAt(root, ["spec", "http", 0, "delegate", "sortMethod"])?.enum).toEqual(["TABLE_WEIGHT", "ROUTE_SPECIFICITY"]);
    expect(typeOf(schemaAt(root, ["metadata", "labels", "anything"]))).toBe("string");
  });

  it("keeps what was typed when it is not a number, so the schema can say what must hold", () => {
    expect(numberFromInput("40")).toBe(40);
    expect(numberFromInput(" -5 ")).toBe(-5);
    expect(numberFromInput("abc")).toBe("abc");
    expect(numberFromInput("")).toBeUndefined();
  });

  it("starts new items empty of their type", () => {
    expect(emptyValue(schemaAt(root, ["spec", "http", 0]))).toEqual({});
    expect(emptyValue(schemaAt(root, ["spec", "hosts", 0]))).toBe("");
  });
});
