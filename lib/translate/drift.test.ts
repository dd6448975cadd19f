import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { detectDrift } from "./drift";
import type { Translation } from "./types";

const vs = (timeout: string, labels: Record<string, string> = { "gloo.solo.io/parent_kind": "RouteTable", "gloo.solo.io/parent_name": "r" }): KubeObject => ({
  apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService",
  metadata: { name: "routetable-r", namespace: "ns", labels },
  spec: { hosts: ["h"], exportTo: ["."], http: [{ name: "r", timeout, route: [{ destination: { host: "h" } }] }] },
});
const translation = (objects: KubeObject[]): Translation => ({ outputs: objects.map((object) => ({ cluster: "c1", object, parents: [], reason: "" })), statuses: [], issues: [], backends: [] });

describe("detectDrift", () => {
  it("ignores server-set fields, status and the served version", () => {
    const live = { ...vs("5s"), apiVersion: "networking.istio.io/v1", metadata: { ...vs("5s").metadata, uid: "u", resourceVersion: "9", managedFields: [] }, status: { validationMessages: [] } };
    expect(detectDrift(translation([vs("5s")]), [{ cluster: "c1", object: live }])).toEqual([]);
  });
  it("reports differing fields with a structured diff", () => {
    const [item] = detectDrift(translation([vs("5s")]), [{ cluster: "c1", object: vs("9s") }]);
    expect(item?.kind).toBe("differs");
    expect(item?.diff).toEqual([{ op: "replace", path: "/spec/http/0/timeout", before: "9s", after: "5s" }]);
  });
  it("reports missing outputs and orphaned generated objects, and ignores hand-written ones", () => {
    const orphan = { ...vs("1s"), metadata: { ...vs("1s").metadata, name: "old" } };
    const mine = { ...vs("1s", {}), metadata: { name: "mine", namespace: "ns" } };
    const drift = detectDrift(translation([vs("5s")]), [{ cluster: "c1", object: orphan }, { cluster: "c1", object: mine }]);
    expect(drift.map((d) => `${d.kind} ${d.ref.name}`)).toEqual(["orphaned old", "missing routetable-r"]);
  });
});
