import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { canApply, canForce, canSee, canWrite, impersonationHeaders, requireForce, requireWrite, scopeOf } from "./scope";

const user = { id: "u1", name: "dana", email: "dana@example.com", groups: ["bookinfo", "oncall"] };

describe("scope", () => {
  it("keeps the strongest role per workspace and sees only granted workspaces", () => {
    const s = scopeOf(user, [{ role: "viewer", workspace: "a" }, { role: "editor", workspace: "a" }, { role: "viewer", workspace: "b" }, { role: "bogus", workspace: "c" }], "s1");
    expect([...s.roles]).toEqual([["a", "editor"], ["b", "viewer"]]);
    expect(s.platformAdmin).toBe(false);
    expect(canSee(s, "a") && canSee(s, "b") && !canSee(s, "c")).toBe(true);
    expect([canWrite(s, "a"), canWrite(s, "b"), canApply(s, "a"), canApply(s, "c"), canForce(s)]).toEqual([true, false, true, false, false]);
  });

  it("gives platform admins every workspace and force", () => {
    const s = scopeOf(user, [{ role: "platform-admin", workspace: null }], null);
    expect(s.workspaces).toBe("all");
    expect([canWrite(s, "anything"), canForce(s)]).toEqual([true, true]);
    expect(() => requireWrite(s, ["x", null])).not.toThrow();
    expect(() => requireForce(s)).not.toThrow();
  });

  it("requireWrite answers 403 naming each missing permission", () => {
    const s = scopeOf(user, [{ role: "viewer", workspace: "a" }, { role: "editor", workspace: "b" }], "s1");
    expect(() => requireWrite(s, ["b"])).not.toThrow();
    let err: unknown;
    try {
      requireWrite(s, ["a", "b", null]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect((err as ApiError).message).toBe("dana may not change workspace a (editor or workspace-admin), objects outside any workspace (platform-admin); holds only viewer: missing permission write");
    expect(() => requireForce(s)).toThrow("missing permission force (platform-admin)");
  });

  it("impersonates the user with one Impersonate-Group line per group", () => {
    expect(impersonationHeaders(scopeOf(user, [], null))).toEqual([["Impersonate-User", "dana@example.com"], ["Impersonate-Group", "bookinfo"], ["Impersonate-Group", "oncall"]]);
  });
});
