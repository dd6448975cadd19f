import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allKinds } from "@/lib/model/registry";
import { KubeSource } from "@/lib/server/sources/kube/kube-source";
import { discoverServedKinds } from "@/lib/server/sources/kube/served";
import { MeshStore } from "@/lib/server/store/mesh-store";
import { apiServerBinaryExists, startApiServer, type ApiServer } from "../kube/apiserver";
import { installCrds } from "../kube/install-crds";
import { deployManifests, serverSideApply, serviceAccountToken, writeTokenKubeconfig, type Manifest } from "./kube";
import { type PolicyRule } from "./rbac";

const run = apiServerBinaryExists() ? describe : describe.skip;

const routeTable = (name: string) => ({
  apiVersion: "networking.gloo.solo.io/v2",
  kind: "RouteTable",
  metadata: { name, namespace: "bookinfo" },
  spec: { hosts: ["reviews.bookinfo.svc.cluster.local"], http: [{ name: "reviews", forwardTo: { destinations: [{ ref: { name: "reviews", namespace: "bookinfo" }, port: { number: 9080 } }] } }] },
});

run("deploy/ against a real API server", () => {
  let api: ApiServer;
  let admin: KubeConfig;
  let sa: KubeConfig;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-deploy-"));
  const manifests = deployManifests();
  const role = manifests.find((m) => m.obj.kind === "ClusterRole")!.obj as Manifest["obj"] & { rules: PolicyRule[] };

  beforeAll(async () => {
    api = await startApiServer("deploy");
    admin = new KubeConfig();
    admin.loadFromFile(api.kubeconfigPath);
    await installCrds(admin);
    await serverSideApply(admin, { apiVersion: "v1", kind: "Namespace", metadata: { name: "bookinfo" } });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A Role and RoleBinding in bookinfo: the group may get and patch RouteTables there. */
  async function grantGroupRouteTables(group: string): Promise<void> {
    const metadata = { name: "routetable-editors", namespace: "bookinfo" };
    await serverSideApply(admin, { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata, rules: [{ apiGroups: ["networking.gloo.solo.io"], resources: ["routetables"], verbs: ["get", "patch", "create"] }] });
    await serverSideApply(admin, { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: metadata.name }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group }] });
  }

  it("every manifest applies with server-side apply and dryRun=All", async () => {
    expect(manifests.map((m) => m.obj.kind).sort()).toEqual(["ClusterRole", "ClusterRoleBinding", "ConfigMap", "Deployment", "Namespace", "PodDisruptionBudget", "Service", "ServiceAccount"]);
    // The namespace first, for real: a dry run of a namespaced object needs its namespace to exist.
    const ns = manifests.find((m) => m.obj.kind === "Namespace")!;
    await serverSideApply(admin, ns.obj, { dryRun: true });
    await serverSideApply(admin, ns.obj);
    for (const m of manifests) {
      await expect(serverSideApply(admin, m.obj, { dryRun: true }).then(() => "ok"), `${m.file} ${m.obj.kind}`).resolves.toBe("ok");
    }
  }, 60_000);

  it("with the ServiceAccount's token, bound by the ClusterRole, Meshpane syncs every kind it reads and can apply a RouteTable", async () => {
    for (const kind of ["ServiceAccount", "ClusterRole", "ClusterRoleBinding"]) await serverSideApply(admin, manifests.find((m) => m.obj.kind === kind)!.obj);
    sa = writeTokenKubeconfig(path.join(dir, "sa.yaml"), "deploy", api.url, api.caFile, await serviceAccountToken(admin, "meshpane", "meshpane"));
    await eventually(async () => {
      const served = await discoverServedKinds(sa);
      expect(served.absentGroups).toEqual([]);
      expect(served.kinds.length).toBe(allKinds.length);
    });
    const store = await syncAs(path.join(dir, "sa.yaml"));
    try {
      const health = store.clusters()[0]!.store.currentHealth();
      expect(health.lastError).toBeNull();
      expect(health.state).toBe("Healthy");
      // Meshpane's own writer (the one drafts apply through): dry run, then server-side apply.
      const writer = store.clusters()[0]!.source.writer!;
      const dry = await writer.apply(routeTable("reviews"), { dryRun: true, force: false });
      expect(dry.ok, dry.message).toBe(true);
      const applied = await writer.apply(routeTable("reviews"), { dryRun: false, force: false });
      expect(applied, applied.message).toMatchObject({ ok: true, status: 201 });
      expect((applied.object?.metadata as { managedFields?: { manager: string }[] }).managedFields?.map((f) => f.manager)).toContain("meshpane");
      expect(writer.readOnly()).toBeNull();
      // Impersonation works: as alice (no rights on RouteTables) the same write is refused for alice.
      const asAlice = await writer.apply(routeTable("reviews"), { dryRun: true, force: false, headers: [["Impersonate-User", "alice"]] });
      expect(asAlice.status).toBe(403);
      expect(asAlice.message).toMatch(/User "alice" cannot patch resource "routetables"/);
      // Each group arrives as its own line: RBAC for the second of two groups lets alice write (joined into
      // one value, "oncall, bookinfo-team" would match no binding).
      await grantGroupRouteTables("bookinfo-team");
      const groups: [string, string][] = [["Impersonate-User", "alice"], ["Impersonate-Group", "oncall"], ["Impersonate-Group", "bookinfo-team"]];
      await eventually(async () => expect(await writer.apply(routeTable("reviews"), { dryRun: true, force: false, headers: groups })).toMatchObject({ ok: true }));
    } finally {
      await store.stop();
    }
  }, 120_000);

  it("a ClusterRole without watch on RouteTables makes the sync fail naming the verb and resource", async () => {
    await withRole(dropVerb(role.rules, "networking.gloo.solo.io", "routetables", "watch"), async () => {
      const store = await syncAs(path.join(dir, "sa.yaml"), false);
      try {
        await eventually(async () => expect(store.clusters()[0]!.store.currentHealth().lastError ?? "").toMatch(/cannot watch resource "routetables" in API group "networking.gloo.solo.io"/));
      } finally {
        await store.stop();
      }
    });
  }, 120_000);

  for (const [resource, verb, group, act] of [
    ["routetables", "patch", "networking.gloo.solo.io", "reviews"],
    ["routetables", "create", "networking.gloo.solo.io", "brand-new"],
    ["users", "impersonate", "", "reviews"],
  ] as const) {
    it(`a ClusterRole without ${verb} on ${resource} makes applying a RouteTable fail with 403 naming ${verb} and ${resource}`, async () => {
      await withRole(dropVerb(role.rules, group, resource, verb), async () => {
        const store = await syncAs(path.join(dir, "sa.yaml"));
        try {
          const headers: [string, string][] | undefined = verb === "impersonate" ? [["Impersonate-User", "alice"]] : undefined;
          await eventually(async () => {
            const outcome = await store.clusters()[0]!.source.writer!.apply(routeTable(act), { dryRun: false, force: false, headers });
            expect(outcome.status).toBe(403);
            // Without impersonation the cluster is read-only and says why before any write is sent.
            expect(outcome.message).toMatch(verb === "impersonate" ? /this cluster is read-only: Meshpane's credentials may not impersonate users here/ : new RegExp(`cannot ${verb} resource "${resource}"`));
          });
        } finally {
          await store.stop();
        }
      });
    }, 90_000);
  }

  it("a grant to impersonate only named users and groups keeps the cluster writable, and the cluster refuses the users it does not name", async () => {
    // An unnamed SelfSubjectAccessReview says no to a resourceNames-limited grant; the rules review says yes.
    const named = role.rules.map((r) => (r.verbs.includes("impersonate") ? { ...r, resourceNames: ["alice", "bookinfo-team"] } : r));
    await grantGroupRouteTables("bookinfo-team");
    await withRole(named, async () => {
      const store = await syncAs(path.join(dir, "sa.yaml"));
      try {
        const writer = store.clusters()[0]!.source.writer!;
        const alice: [string, string][] = [["Impersonate-User", "alice"], ["Impersonate-Group", "bookinfo-team"]];
        await eventually(async () => {
          expect(writer.readOnly()).toBeNull();
          expect(await writer.apply(routeTable("reviews"), { dryRun: true, force: false, headers: alice })).toMatchObject({ ok: true });
        });
        const asBob = await writer.apply(routeTable("reviews"), { dryRun: true, force: false, headers: [["Impersonate-User", "bob"]] });
        expect(asBob.status).toBe(403);
        expect(asBob.message).toMatch(/cannot impersonate resource "users" in API group "" at the cluster scope/);
      } finally {
        await store.stop();
      }
    });
  }, 90_000);

  async function withRole(rules: PolicyRule[], body: () => Promise<void>): Promise<void> {
    await serverSideApply(admin, { ...role, rules });
    try {
      await body();
    } finally {
      await serverSideApply(admin, role);
    }
  }

  async function syncAs(kubeconfig: string, waitHealthy = true): Promise<MeshStore> {
    const store = new MeshStore({ origin: "test", staleAfterSeconds: 600, clusters: [{ name: "deploy", management: true, source: { kubeconfig: { path: kubeconfig, context: "deploy" } } }] }, (c) => new KubeSource(c.source as { kubeconfig: { path: string; context: string } }, { watchdogMs: 20_000, watchTimeoutSeconds: 30 }));
    store.start();
    if (waitHealthy) await eventually(async () => expect(store.clusters()[0]!.store.currentHealth().state).toBe("Healthy"), 60_000);
    return store;
  }
});

describe("deploy/clusterrole.yaml", () => {
  const role = parse(fs.readFileSync(path.resolve(import.meta.dirname, "..", "..", "deploy", "clusterrole.yaml"), "utf8")) as { rules: PolicyRule[] };

  it("grants get, list and watch on every kind the kube source reads", () => {
    for (const k of allKinds) {
      const verbs = role.rules.filter((r) => r.apiGroups.includes(k.group) && r.resources.includes(k.plural)).flatMap((r) => r.verbs);
      expect(verbs, `${k.kind}.${k.group}`).toEqual(expect.arrayContaining(["get", "list", "watch"]));
    }
  });

  it("justifies every rule by a kind Meshpane models (or impersonation), and nothing is a wildcard", () => {
    for (const rule of role.rules) {
      for (const field of [rule.apiGroups, rule.resources, rule.verbs]) expect(field).not.toContain("*");
      if (rule.verbs.includes("impersonate")) {
        expect(rule).toEqual({ apiGroups: [""], resources: ["groups", "users"], verbs: ["impersonate"] });
        continue;
      }
      for (const resource of rule.resources) {
        expect(allKinds.some((k) => rule.apiGroups.includes(k.group) && k.plural === resource), `${resource} in ${rule.apiGroups.join(",")}`).toBe(true);
      }
      expect(["get", "list", "watch", "create", "patch", "delete"]).toEqual(expect.arrayContaining(rule.verbs));
    }
  });

  it("is what test/deploy/rbac.ts generates (rerun test/deploy/write-clusterrole.ts after a model change)", async () => {
    const { clusterRoleYaml } = await import("./rbac");
    expect(fs.readFileSync(path.resolve(import.meta.dirname, "..", "..", "deploy", "clusterrole.yaml"), "utf8")).toBe(clusterRoleYaml());
  });
});

/** The rules with one verb taken away from one resource (the resource's other verbs stay). */
function dropVerb(rules: PolicyRule[], group: string, resource: string, verb: string): PolicyRule[] {
  return rules.flatMap((r) => {
    if (!r.apiGroups.includes(group) || !r.resources.includes(resource) || !r.verbs.includes(verb)) return [r];
    const others = r.resources.filter((x) => x !== resource);
    const narrowed = { ...r, resources: [resource], verbs: r.verbs.filter((v) => v !== verb) };
    return [...(others.length > 0 ? [{ ...r, resources: others }] : []), ...(narrowed.verbs.length > 0 ? [narrowed] : [])];
  });
}

async function eventually(check: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
