import { describe, expect, it } from "vitest";
import { grantsForGroups, groupsFromClaim } from "./roles";

describe("group → role mapping", () => {
  const mappings = [
    { group: "platform", role: "platform-admin" as const },
    { group: "bookinfo", role: "editor" as const, workspace: "bookinfo-frontends" },
    { group: "bookinfo", role: "editor" as const, workspace: "bookinfo-frontends" },
    { group: "auditors", role: "viewer" as const, workspace: "web-team" },
  ];
  it("grants what the user's groups map to, once each", () => {
    expect(grantsForGroups(["bookinfo", "auditors", "unmapped"], mappings)).toEqual([{ role: "editor", workspace: "bookinfo-frontends" }, { role: "viewer", workspace: "web-team" }]);
    expect(grantsForGroups(["platform"], mappings)).toEqual([{ role: "platform-admin", workspace: null }]);
    expect(grantsForGroups([], mappings)).toEqual([]);
  });
  it("reads a groups claim that is a list or a single string", () => {
    expect(groupsFromClaim(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a")).toEqual(["a"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});
