import { describe, expect, it } from "vitest";
import { canonical, canonicalUnder, nonCanonicalPath, stringSet, subsetList } from "./canonical";
import { Emitter } from "./emit";

const ref = { cluster: "mgmt", group: "networking.gloo.solo.io", kind: "RouteTable", namespace: "ws", name: "rt" };

describe("canonical form", () => {
  it("keeps an object that is already canonical, and copies one that is not", () => {
    const ok = { a: 1, b: { hosts: ["a", "b"] } };
    expect(canonical(ok)).toBe(ok);
    expect(canonical({ b: 1, a: { hosts: ["b", "a", "a"] } })).toEqual({ a: { hosts: ["a", "b"] }, b: 1 });
  });

  it("names the deepest part that is not canonical, and says what is wrong", () => {
    expect(nonCanonicalPath({ a: { b: 1 } })).toBeUndefined();
    expect(nonCanonicalPath({ spec: { route: [{ weight: 1, destination: {} }] } })).toBe(".spec.route[0]: keys not sorted (weight, destination)");
    expect(nonCanonicalPath({ spec: { hosts: ["b", "a"] } })).toBe(".spec.hosts: a set-like list out of order or repeated");
    expect(nonCanonicalPath({ spec: { x: undefined } })).toBe(".spec.x: undefined");
  });

  it("keeps object sets whose items share a key in the order given (the sort is stable)", () => {
    const endpoints = [{ address: "1.1.1.1", labels: { v: "2" } }, { address: "1.1.1.1", labels: { v: "1" } }];
    expect(canonicalUnder("endpoints", endpoints)).toBe(endpoints);
    expect(canonicalUnder("ports", [{ number: 90 }, { number: 8080 }, { number: 443 }]).map((p) => p.number)).toEqual([90, 443, 8080]);
  });

  it("builds string sets and subsets in canonical form", () => {
    const sorted = ["a", "b"];
    expect(stringSet(sorted)).toBe(sorted);
    expect(stringSet(["b", "a", "b"])).toEqual(["a", "b"]);
    const subsets = subsetList(new Map<string, Record<string, string>>([["v2", { version: "v2", app: "r" }], ["v1", { version: "v1" }]]));
    expect(subsets).toEqual([{ labels: { version: "v1" }, name: "v1" }, { labels: { app: "r", version: "v2" }, name: "v2" }]);
    expect(nonCanonicalPath(subsets, "subsets")).toBeUndefined();
  });
});

describe("Emitter", () => {
  const object = (spec: Record<string, unknown>) => ({ apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", metadata: { name: "vs", namespace: "ns" }, spec });

  it("fails under test when a translator emits an output that is not canonical", () => {
    const emit = new Emitter();
    emit.output("cluster-1", object({ http: [], hosts: ["a"] }), [ref], "why");
    expect(() => emit.finish()).toThrow("translation output VirtualService ns/vs (cluster-1) is not canonical at .spec: keys not sorted (http, hosts)");
  });

  it("passes canonical outputs through as they were built", () => {
    const emit = new Emitter();
    const built = object({ hosts: ["a"], http: [] });
    emit.output("cluster-1", built, [ref], "why");
    expect(emit.finish().outputs[0]?.object).toBe(built);
  });
});
