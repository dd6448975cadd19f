// The clusters overview for a team member: counts cover only what their workspaces see (the same tests
// as the workloads and destinations lists), source problems are for platform admins, and every cluster
// says whether it takes writes (the demo's directories do).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterView } from "@/lib/views/clusters";
import { call, cookiesOf, setUpServerEnv } from "./harness";

const cookies = new Map<string, string>();

beforeAll(async () => {
  await setUpServerEnv("auth: { demo: true }");
  const demo = await import("@/app/api/v1/auth/demo/route");
  for (const user of ["admin", "bookinfo-dev"]) {
    const res = await call(demo.POST, "/api/v1/auth/demo", { body: { user } });
    cookies.set(user, `__Host-meshpane-session=${cookiesOf(res)["__Host-meshpane-session"]}`);
  }
});

afterAll(async () => {
  const { getMeshStore } = await import("@/lib/server/store");
  await getMeshStore().stop();
});

async function list<T>(path: string, user: string): Promise<T[]> {
  const mod = (await import(/* @vite-ignore */ `@/app/api/v1/${path}/route`)) as { GET: Parameters<typeof call>[0] };
  const res = await call(mod.GET, `/api/v1/${path}?limit=1000`, { cookie: cookies.get(user) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: T[] }).items;
}

describe("GET /api/v1/clusters by role", () => {
  it("gives a team member counts of their workspaces only, matching the lists they can open", async () => {
    const { getMeshStore } = await import("@/lib/server/store");
    await getMeshStore().whenReady();
    const admin = await list<ClusterView>("clusters", "admin");
    const member = await list<ClusterView>("clusters", "bookinfo-dev");
    const workloads = await list<{ cluster: string }>("workloads", "bookinfo-dev");
    const destinations = await list<{ cluster: string }>("destinations", "bookinfo-dev");
    for (const c of member) {
      const all = admin.find((a) => a.name === c.name)!;
      expect(c.counts.workloads, c.name).toBe(workloads.filter((w) => w.cluster === c.name).length);
      expect(c.counts.destinations, c.name).toBe(destinations.filter((d) => d.cluster === c.name).length);
      expect(c.counts.namespaces).toBeLessThanOrEqual(all.counts.namespaces);
      expect(c.counts.objects).toBeLessThan(all.counts.objects);
      expect(c.readOnly).toBeNull();
    }
    const c1 = (list: ClusterView[]) => list.find((c) => c.name === "cluster-1")!.counts;
    expect(c1(member).workloads).toBeLessThan(c1(admin).workloads);
    expect(c1(member).pods).toBeLessThan(c1(admin).pods);
  });

  it("shows source problems to admins and only their number to members", async () => {
    const admin = await list<ClusterView>("clusters", "admin");
    const member = await list<ClusterView>("clusters", "bookinfo-dev");
    for (const c of member) {
      expect(c.problems).toEqual([]);
      expect(c.hiddenProblems).toBe(admin.find((a) => a.name === c.name)!.problems.length);
    }
    for (const c of admin) expect(c.hiddenProblems).toBe(0);
  });
});
