import { describe, expect, it } from "vitest";
import { refMap } from "./ref-map";

const ref = (cluster: string, kind: string, namespace: string, name: string) => ({ cluster, group: "", kind, namespace, name });

describe("refMap", () => {
  it("tells apart refs sharing namespace and name, and keeps the first-set order when a value is replaced", () => {
    const m = refMap<number>();
    m.set(ref("c1", "Service", "ns", "a"), 1);
    m.set(ref("c2", "Service", "ns", "a"), 2);
    m.set(ref("c1", "Pod", "ns", "a"), 3);
    m.set(ref("c1", "Service", "ns", "b"), 4);
    m.set({ ...ref("c2", "Service", "ns", "a") }, 20);
    expect(m.get(ref("c1", "Service", "ns", "a"))).toBe(1);
    expect(m.get(ref("c2", "Service", "ns", "a"))).toBe(20);
    expect(m.get(ref("c1", "Pod", "ns", "a"))).toBe(3);
    expect(m.get(ref("c3", "Service", "ns", "a"))).toBeUndefined();
    expect(m.get(ref("c1", "Service", "other", "a"))).toBeUndefined();
    expect(m.values()).toEqual([1, 20, 3, 4]);
  });
});
