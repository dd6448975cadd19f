// Sessions in the database: only the token's hash is stored, expired sessions resolve to nothing and go away.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpServerEnv } from "./harness";

beforeAll(async () => {
  await setUpServerEnv("auth: { demo: true }");
});

describe("sessions", () => {
  it("stores the SHA-256 of the token, never the token, and resolves it to the user's scope", async () => {
    const { signIn, resolveSession } = await import("@/lib/server/auth/session");
    const { db } = await import("@/lib/server/db/client");
    const { token } = await signIn({ subject: "t:ann", name: "ann", groups: ["g"] }, [{ role: "viewer", workspace: "w" }], 1);
    const rows = await db().session.findMany({ where: { user: { subject: "t:ann" } } });
    expect(rows.map((r) => r.tokenHash)).toEqual([createHash("sha256").update(token).digest("hex")]);
    const scope = await resolveSession(token);
    expect(scope?.user).toMatchObject({ name: "ann", groups: ["g"] });
    expect([...(scope?.roles ?? [])]).toEqual([["w", "viewer"]]);
    expect(await resolveSession(`${token}x`)).toBeNull();
    expect(await resolveSession(undefined)).toBeNull();
  });

  it("treats an expired session as none and deletes it", async () => {
    const { signIn, resolveSession } = await import("@/lib/server/auth/session");
    const { db } = await import("@/lib/server/db/client");
    const { token } = await signIn({ subject: "t:old", name: "old", groups: [] }, [], -1);
    expect(await resolveSession(token)).toBeNull();
    expect(await db().session.count({ where: { user: { subject: "t:old" } } })).toBe(0);
  });

  it("replaces a user's grants at each sign-in", async () => {
    const { signIn, resolveSession } = await import("@/lib/server/auth/session");
    await signIn({ subject: "t:bo", name: "bo", groups: [] }, [{ role: "platform-admin", workspace: null }], 1);
    const second = await signIn({ subject: "t:bo", name: "bo", groups: [] }, [{ role: "editor", workspace: "w" }], 1);
    const scope = await resolveSession(second.token);
    expect(scope?.platformAdmin).toBe(false);
    expect([...(scope?.roles ?? [])]).toEqual([["w", "editor"]]);
  });
});
