// impersonationHeaders against the real kube-apiserver: the cluster sees the signed-in user and every
// group (one Impersonate-Group line each), and a client without the impersonate verb is refused with a
// reason. Header lines go out as a flat list through undici, since fetch would join repeated values.
import fs from "node:fs";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { impersonationHeaders, scopeOf } from "@/lib/server/auth/scope";
import { apiServerBinaryExists, startApiServer, type ApiServer } from "./apiserver";

const run = apiServerBinaryExists() ? describe : describe.skip;

run("kube impersonation of the signed-in user", () => {
  let server: ApiServer;
  let agent: Agent;
  const scope = scopeOf({ id: "u1", name: "alice", email: "alice@example.com", groups: ["bookinfo-team", "oncall"] }, [{ role: "editor", workspace: "bookinfo-frontends" }], "s1");

  beforeAll(async () => {
    server = await startApiServer("impersonation");
    agent = new Agent({ connect: { ca: fs.readFileSync(server.caFile) } });
  }, 120_000);

  afterAll(async () => {
    await agent?.close();
    await server?.stop();
  });

  async function selfReview(token: string) {
    const headers = ["authorization", `Bearer ${token}`, "content-type", "application/json", ...impersonationHeaders(scope).flat()];
    const res = await request(`${server.url}/apis/authentication.k8s.io/v1/selfsubjectreviews`, {
      method: "POST", headers, dispatcher: agent, body: JSON.stringify({ apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }),
    });
    return { status: res.statusCode, body: (await res.body.json()) as { status?: { userInfo?: { username: string; groups: string[] } }; message?: string } };
  }

  it("the cluster sees the user and each of their groups", async () => {
    const { status, body } = await selfReview(server.tokens.admin);
    expect(status).toBe(201);
    expect(body.status?.userInfo?.username).toBe("alice@example.com");
    expect(body.status?.userInfo?.groups).toEqual(expect.arrayContaining(["bookinfo-team", "oncall", "system:authenticated"]));
  });

  it("a client the cluster does not let impersonate is refused, and the answer says why", async () => {
    const { status, body } = await selfReview(server.tokens.meshpane);
    expect(status).toBe(403);
    expect(body.message).toMatch(/cannot impersonate resource "users"/);
  });
});
