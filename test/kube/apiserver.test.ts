// Smoke test of the real kube-apiserver harness: what the kube source tests will rely on.
import {
  ApiException,
  ApiextensionsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
  Watch,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerBinary, apiServerBinaryExists, startApiServer, type ApiServer, type ApiServerUser } from "./apiserver";

const have = apiServerBinaryExists();
const title = have ? "real kube-apiserver" : `real kube-apiserver — SKIPPED: ${apiServerBinary} missing, run scripts/build-apiserver.sh`;
if (!have) console.warn(title);

function kubeConfigFor(server: ApiServer, user?: ApiServerUser): KubeConfig {
  const kc = new KubeConfig();
  if (!user) {
    kc.loadFromFile(server.kubeconfigPath);
    return kc;
  }
  kc.loadFromOptions({
    clusters: [{ name: server.name, server: server.url, caFile: server.caFile }],
    users: [{ name: user, token: server.tokens[user] }],
    contexts: [{ name: user, cluster: server.name, user }],
    currentContext: user,
  });
  return kc;
}

/** The parts of a Status (error body or watch ERROR object) and of objects the tests look at. */
type Shape = { reason?: string; code?: number; metadata?: { name?: string }; details?: { causes?: { field?: string }[] } };

async function status(p: Promise<unknown>): Promise<{ code: number; body?: Shape }> {
  try {
    await p;
    return { code: 200, body: undefined };
  } catch (e) {
    if (!(e instanceof ApiException)) throw e;
    return { code: e.code, body: typeof e.body === "string" ? JSON.parse(e.body) : e.body };
  }
}

async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

function pod(name: string) {
  return { metadata: { name }, spec: { containers: [{ name: "c", image: "registry.example/app:1" }] } };
}

/** Starts a watch and resolves with the first event, or with the HTTP status if the server refused it. */
async function firstWatchEvent(kc: KubeConfig, path: string, resourceVersion: string) {
  let abort: AbortController | undefined;
  const result = await new Promise<{ type?: string; object?: Shape; httpStatus?: number }>((resolve, reject) => {
    new Watch(kc)
      .watch(path, { resourceVersion }, (type, object) => resolve({ type, object }), (err) => {
        if (err?.statusCode) resolve({ httpStatus: err.statusCode });
        else if (err && err.name !== "AbortError") reject(err);
        else resolve({}); // closed without any event
      })
      .then((c) => (abort = c), reject);
  });
  abort?.abort();
  return result;
}

describe.skipIf(!have)(title, () => {
  let server: ApiServer;
  let admin: KubeConfig;
  beforeAll(async () => {
    server = await startApiServer("smoke");
    admin = kubeConfigFor(server);
  }, 90_000);
  afterAll(() => server?.stop());

  it("creates a Namespace and a Pod directly and reads the Pod back", async () => {
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: "bookinfo" } } });
    await core.createNamespacedPod({ namespace: "bookinfo", body: pod("reviews-v1") });
    const got = await core.readNamespacedPod({ namespace: "bookinfo", name: "reviews-v1" });
    expect(got.metadata?.uid).toBeTruthy();
    expect(got.spec?.containers[0]?.image).toBe("registry.example/app:1");
    expect(got.status?.phase).toBe("Pending"); // no scheduler, no kubelet
  });

  it("authorizes with RBAC: bob is denied, alice gets access through her group", async () => {
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: "rbac" } } });
    const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: "rbac",
      body: { metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["list"] }] },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: "rbac",
      body: {
        metadata: { name: "team-reads-pods" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "bookinfo-team" }],
      },
    });
    const asBob = kubeConfigFor(server, "bob").makeApiClient(CoreV1Api);
    const denied = await status(asBob.listNamespacedPod({ namespace: "rbac" }));
    expect(denied.code).toBe(403);
    expect(denied.body?.reason).toBe("Forbidden");
    const asAlice = kubeConfigFor(server, "alice").makeApiClient(CoreV1Api);
    // The RBAC authorizer reads bindings through an informer: allow it a moment to see the new one.
    await eventually(async () => ((await status(asAlice.listNamespacedPod({ namespace: "rbac" }))).code === 200 ? true : undefined));
  });

  it("a watch served by the watch cache survives compaction (real clusters behave so too)", async () => {
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: "cached" } } });
    const created = await core.createNamespacedPod({ namespace: "cached", body: pod("a") });
    const oldRV = created.metadata!.resourceVersion!;
    await core.createNamespacedPod({ namespace: "cached", body: pod("b") });
    await server.compact();
    const ev = await firstWatchEvent(admin, "/api/v1/namespaces/cached/pods", oldRV);
    expect(ev.type).toBe("ADDED");
    expect(ev.object?.metadata?.name).toBe("b");
  });

  it("rejects a custom object that violates the CRD's structural schema with 422 and causes", async () => {
    const ext = admin.makeApiClient(ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({
      body: {
        metadata: { name: "widgets.test.meshpane.dev" },
        spec: {
          group: "test.meshpane.dev",
          scope: "Namespaced",
          names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" },
          versions: [{
            name: "v1", served: true, storage: true,
            schema: { openAPIV3Schema: {
              type: "object",
              properties: { spec: { type: "object", properties: { replicas: { type: "integer", minimum: 1 } } } },
            } },
          }],
        },
      },
    });
    await eventually(async () => {
      const crd = await ext.readCustomResourceDefinition({ name: "widgets.test.meshpane.dev" });
      return crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True") || undefined;
    });
    const custom = admin.makeApiClient(CustomObjectsApi);
    const create = (replicas: unknown) => status(custom.createNamespacedCustomObject({
      group: "test.meshpane.dev", version: "v1", namespace: "default", plural: "widgets",
      body: { apiVersion: "test.meshpane.dev/v1", kind: "Widget", metadata: { name: `w${replicas}` }, spec: { replicas } },
    }));
    // Established can precede the handler serving the new resource by a moment (404 until then).
    const res = await eventually(async () => {
      const r = await create("three");
      return r.code === 404 ? undefined : r;
    });
    expect(res.code).toBe(422);
    expect(res.body?.reason).toBe("Invalid");
    expect(res.body?.details?.causes?.map((c) => c.field)).toContain("spec.replicas");
    expect((await create(3)).code).toBe(200);
  });
});

describe.skipIf(!have)(`${title}, watch cache off`, () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer("nocache", { watchCache: false });
  }, 90_000);
  afterAll(() => server?.stop());

  it("after compact() a watch from an old resourceVersion gets 410 Expired", async () => {
    const admin = kubeConfigFor(server);
    const core = admin.makeApiClient(CoreV1Api);
    const list = await core.listNamespacedPod({ namespace: "default" });
    const oldRV = list.metadata!.resourceVersion!;
    await core.createNamespacedPod({ namespace: "default", body: pod("p") });
    await server.compact();
    const ev = await firstWatchEvent(admin, "/api/v1/namespaces/default/pods", oldRV);
    // etcd reports the compaction once the watch has started, so it arrives as an ERROR event.
    const code = ev.httpStatus ?? (ev.type === "ERROR" ? ev.object?.code : undefined);
    expect(code).toBe(410);
    if (ev.type === "ERROR") expect(ev.object?.reason).toBe("Expired");
  });
});
