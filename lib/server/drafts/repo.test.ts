// Drafts without a title are named after their items: kind and namespace/name from the parsed object
// (or from an update's base), and whatever work in progress has so far when it does not parse yet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "@/test/db";

let remove = () => {};
beforeAll(async () => {
  ({ remove } = await useTempDatabase());
});
afterAll(() => remove());

const table = (name: string) => `apiVersion: networking.gloo.solo.io/v2\nkind: RouteTable\nmetadata:\n  # a comment with name: decoy\n  namespace: team\n  name: ${name}\nspec: { hosts: [a.internal], http: [] }\n`;

describe("a draft's default title", () => {
  it("names each item by its parsed kind, namespace and name; two at most, then a count", async () => {
    const { createDraft } = await import("./repo");
    const one = await createDraft("alice", { items: [{ op: "create", cluster: "mgmt", yaml: table("reviews") }] });
    expect(one.title).toBe("create RouteTable team/reviews");
    const many = await createDraft("alice", { items: ["a", "b", "c"].map((n) => ({ op: "create" as const, cluster: "mgmt", yaml: table(n) })) });
    expect(many.title).toBe("create RouteTable team/a, create RouteTable team/b and 1 more");
  });

  it("uses an update's base, and what an unfinished item has so far", async () => {
    const { createDraft } = await import("./repo");
    const base = { ref: { cluster: "mgmt", group: "networking.gloo.solo.io", kind: "RouteTable", namespace: "team", name: "live" }, resourceVersion: "7", yaml: table("live") };
    expect((await createDraft("alice", { items: [{ op: "update", cluster: "mgmt", yaml: table("live"), base }] })).title).toBe("update RouteTable team/live");
    expect((await createDraft("alice", { items: [{ op: "create", cluster: "mgmt", yaml: "kind: RouteTable\nmetadata: { name: half }\nspec: [" }] })).title).toBe("create object");
    expect((await createDraft("alice", { items: [{ op: "create", cluster: "mgmt", yaml: "kind: RouteTable\nmetadata: { name: half }\n" }] })).title).toBe("create RouteTable half");
  });
});
