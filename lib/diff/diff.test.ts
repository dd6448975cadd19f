import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { normalizeObject, structuredDiff, valueAt } from "./index";

const live: KubeObject = {
  apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService",
  metadata: { name: "vs", namespace: "ns", uid: "u1", resourceVersion: "7", generation: 3, creationTimestamp: "2025-01-01T00:00:00Z", managedFields: [{}], annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}" }, labels: { a: "1" } },
  spec: { hosts: ["h"], http: [{ name: "r1", timeout: "1s", route: [{ destination: { host: "h" } }] }] },
  status: { observedGeneration: 3 },
};

describe("normalizeObject", () => {
  it("drops status and server-set metadata, keeps the rest with sorted keys", () => {
    const n = normalizeObject(live);
    expect(n).toEqual({ apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", metadata: { labels: { a: "1" }, name: "vs", namespace: "ns" }, spec: live.spec });
    expect(Object.keys(n)).toEqual(["apiVersion", "kind", "metadata", "spec"]);
  });
});

describe("structuredDiff", () => {
  it("is empty for equal documents", () => {
    expect(structuredDiff(normalizeObject(live), normalizeObject({ ...live, status: {} }))).toEqual([]);
  });
  it("reports replacements with both values, and matches list items by name", () => {
    const after = { ...live, spec: { hosts: ["h"], http: [{ name: "r0", directResponse: { status: 200 } }, { name: "r1", timeout: "5s", route: [{ destination: { host: "h" } }] }] } };
    const diff = structuredDiff(live.spec, after.spec);
    expect(diff).toContainEqual({ op: "replace", path: "/http/1/timeout", before: "1s", after: "5s" });
    expect(diff).toHaveLength(2);
    expect(diff.some((d) => d.op === "add" && d.path === "/http/0")).toBe(true);
  });
  it("reports removals with the removed value", () => {
    expect(structuredDiff({ a: 1, b: 2 }, { a: 1 })).toEqual([{ op: "remove", path: "/b", before: 2 }]);
    expect(valueAt({ a: { "b/c": [5] } }, "/a/b~1c/0")).toBe(5);
  });
});
