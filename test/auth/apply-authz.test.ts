// Applying a draft needs editor or workspace-admin on every object's workspace (force: platform admin),
// and drafts belong to their user. Nothing is written here: every apply stops at the permission check
// or at "preview first" (and the server reads a copy of the demo anyway).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { call, cookiesOf, setUpServerEnv } from "./harness";

const cookies = new Map<string, string>();
const table = (namespace: string) => stringify({ apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: "authz-probe", namespace }, spec: { hosts: ["authz.internal"], http: [] } });

beforeAll(async () => {
  await setUpServerEnv("auth: { demo: true }");
  const demo = await import("@/app/api/v1/auth/demo/route");
  for (const user of ["admin", "bookinfo-dev", "reviewer"]) {
    const res = await call(demo.POST, "/api/v1/auth/demo", { body: { user } });
    cookies.set(user, `__Host-meshpane-session=${cookiesOf(res)["__Host-meshpane-session"]}`);
  }
});

afterAll(async () => {
  const { getMeshStore } = await import("@/lib/server/store");
  await getMeshStore().stop();
});

async function applyAs(user: string, namespace: string, force = false): Promise<{ status: number; message: string }> {
  const drafts = await import("@/app/api/v1/drafts/route");
  const apply = await import("@/app/api/v1/drafts/[id]/apply/route");
  const cookie = cookies.get(user) ?? "";
  const created = await call(drafts.POST, "/api/v1/drafts", { cookie, body: { items: [{ op: "create", cluster: "mgmt", yaml: table(namespace) }] } });
  expect(created.status, await created.clone().text()).toBe(200);
  const draft = (await created.json()) as { id: string; contentHash: string; owner: string };
  expect(draft.owner).toBe(user);
  const res = await call(apply.POST, `/api/v1/drafts/${draft.id}/apply`, { cookie, body: { contentHash: draft.contentHash, force }, params: { id: draft.id } });
  return { status: res.status, message: ((await res.json()) as { message: string }).message };
}

describe("applying drafts", () => {
  it("denies the viewer, naming the missing permission", async () => {
    expect(await applyAs("reviewer", "bookinfo-frontends-config")).toEqual({ status: 403, message: "reviewer may not change workspace bookinfo-frontends (editor or workspace-admin); holds only viewer: missing permission write" });
  });

  it("denies the editor another team's workspace and force, and lets their own through to the preview check", async () => {
    expect((await applyAs("bookinfo-dev", "web-team-config")).message).toBe("bookinfo-dev may not change workspace web-team (editor or workspace-admin): missing permission write");
    expect((await applyAs("bookinfo-dev", "bookinfo-frontends-config", true)).message).toContain("missing permission force (platform-admin)");
    expect((await applyAs("bookinfo-dev", "bookinfo-frontends-config")).status).toBe(409);
  });

  it("lets the platform admin through anywhere (on to the preview check)", async () => {
    expect((await applyAs("admin", "web-team-config")).status).toBe(409);
  });

  it("keeps drafts per user: another user's draft id answers 404", async () => {
    const drafts = await import("@/app/api/v1/drafts/route");
    const one = await import("@/app/api/v1/drafts/[id]/route");
    const created = (await (await call(drafts.POST, "/api/v1/drafts", { cookie: cookies.get("bookinfo-dev") ?? "", body: { items: [{ op: "create", cluster: "mgmt", yaml: table("bookinfo-frontends-config") }] } })).json()) as { id: string };
    expect((await call(one.GET, `/api/v1/drafts/${created.id}`, { cookie: cookies.get("reviewer") ?? "", params: { id: created.id } })).status).toBe(404);
  });
});
