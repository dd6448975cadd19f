// The generated CRDs against the real kube-apiserver: it refuses non-structural schemas, so installing
// every one is the real check; then realistic objects must pass and invalid ones must fail with 422 and
// causes that name the field (what Meshpane shows next to the field in its editor).
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/model/meta";
import { readDirectory } from "@/lib/server/sources/directory";
import { KubeApiError, kubeFetch } from "@/lib/server/sources/kube/http";
import { apiServerBinary, apiServerBinaryExists, startApiServer, type ApiServer } from "./apiserver";
import { crdsByGroup } from "./crd-gen";
import { installCrds, type InstallResult } from "./install-crds";
import { seedFromDirectory } from "./seed";

const have = apiServerBinaryExists();
const title = have ? "generated CRDs on a real kube-apiserver" : `generated CRDs — SKIPPED: ${apiServerBinary} missing, run scripts/build-apiserver.sh`;
const examples = path.resolve("examples/bookinfo-multicluster");

/** The collection path of an object, from its apiVersion and the generated CRD's plural. */
function collection(obj: KubeObject): string {
  const [group] = obj.apiVersion.split("/");
  const crd = [...crdsByGroup().values()].flat().find((c) => c.spec.group === group && c.spec.names.kind === obj.kind);
  if (!crd) throw new Error(`no generated CRD for ${obj.kind} ${obj.apiVersion}`);
  return `/apis/${obj.apiVersion}/namespaces/${obj.metadata.namespace ?? "default"}/${crd.spec.names.plural}`;
}

/** Creates an object as a user would: without the server-set metadata a dump carries. */
async function create(kc: KubeConfig, obj: KubeObject): Promise<{ status: number; causes: string[]; message: string }> {
  const { name, namespace, labels } = obj.metadata;
  const body = { ...obj, metadata: { name, namespace, labels } };
  try {
    await kubeFetch(kc, { method: "POST", path: collection(obj), body: JSON.stringify(body), contentType: "application/json" });
    return { status: 201, causes: [], message: "" };
  } catch (err) {
    if (!(err instanceof KubeApiError)) throw err;
    return { status: err.status, causes: err.causes.map((c) => c.field ?? ""), message: err.message };
  }
}

/** A copy of `obj` with the value at `path` replaced and a fresh name. */
function broken(obj: KubeObject, name: string, path: (string | number)[], value: unknown): KubeObject {
  const copy = structuredClone(obj);
  copy.metadata.name = name;
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** What Gloo writes for the `reviews` RouteTable of the demo: an Istio VirtualService for the mesh. */
const reviewsVirtualService: KubeObject = {
  apiVersion: "networking.istio.io/v1",
  kind: "VirtualService",
  metadata: {
    name: "reviews-routetable-bookinfo-backends-config",
    namespace: "bookinfo-backends",
    labels: { "gloo.solo.io/parent_kind": "RouteTable", "gloo.solo.io/parent_name": "reviews", "gloo.solo.io/parent_namespace": "bookinfo-backends-config" },
  },
  spec: {
    hosts: ["reviews.bookinfo-backends.svc.cluster.local"],
    gateways: ["mesh"],
    exportTo: ["."],
    http: [
      {
        name: "reviews-chaos",
        match: [{ headers: { "x-chaos-test": { exact: "delay" } } }],
        route: [{ destination: { host: "reviews.bookinfo-backends.svc.cluster.local", subset: "version-v1", port: { number: 9080 } } }],
      },
      {
        name: "reviews",
        route: [
          { destination: { host: "reviews.bookinfo-backends.svc.cluster.local", subset: "version-v1", port: { number: 9080 } }, weight: 50 },
          { destination: { host: "reviews.bookinfo-backends.svc.cluster.local", subset: "version-v2", port: { number: 9080 } }, weight: 30 },
          { destination: { host: "reviews.bookinfo-backends.svc.cluster-2.global", port: { number: 9080 } }, weight: 20 },
        ],
        retries: { attempts: 3, perTryTimeout: "2s", retryOn: "connect-failure,refused-stream,unavailable" },
        timeout: "10s",
      },
    ],
  },
};

describe.skipIf(!have)(title, () => {
  let server: ApiServer;
  let kc: KubeConfig;
  let install: InstallResult;
  const objects = new Map<string, KubeObject>();
  const example = (kind: string, name: string) => {
    const obj = objects.get(`${kind}/${name}`);
    if (!obj) throw new Error(`example ${kind}/${name} not found`);
    return obj;
  };

  beforeAll(async () => {
    server = await startApiServer("crds");
    kc = new KubeConfig();
    kc.loadFromFile(server.kubeconfigPath);
    install = await installCrds(kc);
    console.info(`installed ${install.installed.length} CRDs in ${install.millis} ms`);
    for (const dir of ["mgmt", "cluster-1"]) {
      for (const obj of (await readDirectory(path.join(examples, dir))).objects) objects.set(`${obj.kind}/${obj.metadata.name}`, obj);
    }
    for (const ns of ["bookinfo-backends-config", "bookinfo-backends", "bookinfo-frontends", "gloo-mesh", "gloo-system"]) {
      await kubeFetch(kc, { method: "POST", path: "/api/v1/namespaces", body: JSON.stringify({ metadata: { name: ns } }), contentType: "application/json" });
    }
  }, 180_000);
  afterAll(() => server?.stop());

  it("accepts every generated CRD (the server rejects non-structural schemas) and serves every version", async () => {
    const generated = [...crdsByGroup().values()].flat();
    expect(install.installed).toEqual(generated.map((c) => c.metadata.name).sort());
    for (const crd of generated) {
      for (const version of crd.spec.versions) {
        const res = await kubeFetch(kc, { path: `/apis/${crd.spec.group}/${version.name}` });
        const served = ((await res.json()) as { resources: { name: string }[] }).resources.map((r) => r.name);
        expect(served, `${crd.metadata.name} ${version.name}`).toContain(crd.spec.names.plural);
      }
    }
  });

  it("accepts realistic objects: RouteTable, VirtualDestination, Workspace, HTTPRoute and an Istio VirtualService", async () => {
    for (const obj of [example("RouteTable", "reviews"), example("VirtualDestination", "reviews-vd"), example("Workspace", "bookinfo-backends"), example("HTTPRoute", "productpage"), reviewsVirtualService]) {
      const res = await create(kc, obj);
      expect(res, `${obj.kind}/${obj.metadata.name}: ${res.message}`).toMatchObject({ status: 201 });
    }
  });

  it.each([
    { kind: "VirtualDestination", name: "reviews-vd", at: ["spec", "ports", 0, "number"], value: "abc", field: "spec.ports[0].number" },
    { kind: "VirtualDestination", name: "reviews-vd", at: ["spec", "ports", 0, "number"], value: 70000, field: "spec.ports[0].number" },
    { kind: "HTTPRoute", name: "productpage", at: ["spec", "rules", 0, "matches", 1, "path", "type"], value: "Fuzzy", field: "spec.rules[0].matches[1].path.type" },
    { kind: "RouteTable", name: "reviews", at: ["spec", "http", 0, "forwardTo", "destinations", 0, "weight"], value: -1, field: "spec.http[0].forwardTo.destinations[0].weight" },
  ])("rejects a $kind with $field = $value: 422 with a cause naming the field", async ({ kind, name, at, value, field }) => {
    const res = await create(kc, broken(example(kind, name), `bad-${kind.toLowerCase()}-${String(value).toLowerCase()}`, at, value));
    expect(res.status, res.message).toBe(422);
    expect(res.causes).toContain(field);
  });

  it("rejects an Istio VirtualService with a value outside a case-sensitive enum: 422 naming the field", async () => {
    const bad = broken(reviewsVirtualService, "bad-derive-port", ["spec", "http", 0], { name: "redirect", redirect: { uri: "/v2", derivePort: "from_request_port" } });
    const res = await create(kc, bad);
    expect(res.status, res.message).toBe(422);
    expect(res.causes).toContain("spec.http[0].redirect.derivePort");
  });

  it("seeds every object of the demo's three clusters, status included, once the CRDs are there", async () => {
    // One server for all three dumps: objects they share (namespaces, nodes) are 409s the seed tolerates.
    for (const dir of ["mgmt", "cluster-1", "cluster-2"]) {
      const { objects: expected } = await readDirectory(path.join(examples, dir));
      const seeded = await seedFromDirectory(kc, path.join(examples, dir));
      expect(seeded, dir).toEqual({ created: expected.length, skippedKinds: [] });
    }
    const res = await kubeFetch(kc, { path: "/apis/networking.gloo.solo.io/v2/namespaces/bookinfo-backends-config/routetables/reviews" });
    const rt = (await res.json()) as { status?: { common?: { State?: { approval?: string } } } };
    expect(rt.status?.common?.State?.approval).toBe("ACCEPTED");
  }, 120_000);
});
