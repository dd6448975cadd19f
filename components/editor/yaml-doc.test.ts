import { describe, expect, it } from "vitest";
import { diagnosticsFor, parseFieldPath, parseText, setAt } from "./yaml-doc";

const rt = `# reviews
apiVersion: networking.gloo.solo.io/v2
kind: RouteTable
metadata:
  name: reviews
  namespace: bookinfo
  labels:
    route.example.com/name: reviews
spec:
  hosts:
  - reviews
  http:
  - name: reviews
    forwardTo:
      destinations:
      # v1 gets half
      - ref: {name: reviews}
        weight: 50
      - ref: {name: reviews}
        weight: 50
`;

describe("yaml-doc", () => {
  it("parses field paths", () => {
    expect(parseFieldPath("spec.http[0].forwardTo.destinations[1].weight")).toEqual(["spec", "http", 0, "forwardTo", "destinations", 1, "weight"]);
    expect(parseFieldPath("<root>")).toEqual([]);
  });

  it("sets a value keeping comments and the flush list style", () => {
    const out = setAt(rt, ["spec", "http", 0, "forwardTo", "destinations", 1, "weight"], 30);
    expect(out).toBe(rt.replace(/weight: 50\n$/, "weight: 30\n"));
  });

  it("reports schema errors with paths, mapped onto the node", () => {
    const bad = setAt(rt, ["spec", "http", 0, "forwardTo", "destinations", 1, "weight"], "abc");
    const parsed = parseText(bad);
    expect(parsed.object).toBeNull();
    const e = parsed.errors.find((x) => x.field === "spec.http[0].forwardTo.destinations[1].weight");
    expect(e).toBeDefined();
    const [d] = diagnosticsFor(bad, [e!]);
    expect(bad.slice(d!.from, d!.to)).toBe("weight: abc");
  });

  it("finds keys with dots and falls back to the nearest ancestor", () => {
    const [a, b] = diagnosticsFor(rt, [
      { field: "metadata.labels.route.example.com/name", reason: "FieldValueInvalid", message: "x" },
      { field: "spec.http[0].delegate.routeTables", reason: "FieldValueInvalid", message: "y" },
    ]);
    expect(rt.slice(a!.from, a!.to)).toBe("route.example.com/name: reviews");
    expect(rt.slice(b!.from, b!.to)).toBe("name: reviews");
  });

  it("reports syntax errors at their position", () => {
    const parsed = parseText("a: [1, 2\nb: c");
    expect(parsed.syntaxOk).toBe(false);
    expect(parsed.errors[0]!.field).toBe("<yaml>");
  });
});
