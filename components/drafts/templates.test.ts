import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KubeObject } from "@/lib/model/meta";
import { parseObject } from "@/lib/model/registry";
import { itemFor } from "./draft-items";
import { editableKinds, templateYaml } from "./templates";

const table: KubeObject = {
  apiVersion: "networking.gloo.solo.io/v2",
  kind: "RouteTable",
  metadata: { name: "reviews", namespace: "cfg", resourceVersion: "7", uid: "u", managedFields: [{ manager: "x" }] } as KubeObject["metadata"],
  spec: { hosts: ["reviews"], http: [{ name: "r", forwardTo: { destinations: [{ ref: { name: "reviews" } }] } }] },
  status: { ownedByWorkspace: "w" },
};

describe("templates", () => {
  it("offers the Gloo kinds, not discovery outputs", () => {
    const names = editableKinds.map((k) => `${k.kind}.${k.group}`);
    expect(names).toContain("RouteTable.networking.gloo.solo.io");
    expect(names).toContain("TrafficPolicy.networking.mesh.gloo.solo.io");
    expect(names).not.toContain("Destination.discovery.mesh.gloo.solo.io");
  });

  it("starts every editable kind from a template its schema accepts (or reports only spec fields to fill in)", () => {
    for (const def of editableKinds) {
      const parsed = parseObject(parse(templateYaml(def, "x", "ns")));
      const bad = parsed.ok ? [] : parsed.errors.filter((e) => !e.field.startsWith("spec"));
      expect(bad, `${def.kind}`).toEqual([]);
    }
    expect(parseObject(parse(templateYaml(editableKinds.find((k) => k.kind === "RouteTable")!, "x", "ns"))).ok).toBe(true);
  });

  it("edits carry their base; kube bases keep the resourceVersion, directory bases do not; managedFields never travel", () => {
    const kube = itemFor("update", "c1", table, false);
    expect(kube.base).toMatchObject({ ref: { cluster: "c1", kind: "RouteTable", namespace: "cfg", name: "reviews" }, resourceVersion: "7" });
    expect(kube.yaml).not.toContain("managedFields");
    expect(kube.yaml).toContain("status:");
    expect(itemFor("delete", "c1", table, true).base?.resourceVersion).toBeNull();
  });

  it("clones without server fields or status, under a new name", () => {
    const clone = itemFor("create", "c1", table, false);
    expect(clone.base).toBeUndefined();
    const o = parse(clone.yaml) as KubeObject;
    expect(o.metadata).toEqual({ name: "reviews-copy", namespace: "cfg" });
    expect(o.status).toBeUndefined();
  });
});
