import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { readFileSync } from "node:fs";
import { readDirectory } from "../server/sources/directory";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../snapshot/snapshot";
import type { Translation } from "./types";
import { checkGolden, goldenYaml, pipeline, readInput, validateIstio } from "./testdata/harness";

/**
 * The bundled demo (examples/bookinfo-multicluster) translated end to end, as one golden
 * (testdata/demo/output.golden.yaml; `UPDATE_GOLDEN=1` rewrites it), plus the facts the README promises.
 */
const DEMO = path.resolve(import.meta.dirname, "../../examples/bookinfo-multicluster");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

async function loadDemo(): Promise<Snapshot> {
  const clusters = [];
  for (const name of ["mgmt", "cluster-1", "cluster-2"]) {
    const read = await readDirectory(path.join(DEMO, name));
    expect(read.problems).toEqual([]);
    clusters.push(buildSnapshotCluster(name, name === "mgmt", read.objects));
  }
  return buildSnapshot(1, clusters);
}

let t: Translation;
beforeAll(async () => {
  t = pipeline(await loadDemo()).translation;
});

const find = (kind: string, cluster: string, ns: string, pred: (name: string) => boolean) =>
  t.outputs.filter((o) => o.object.kind === kind && o.cluster === cluster && o.object.metadata.namespace === ns && pred(o.object.metadata.name));

describe("bookinfo-multicluster demo translation", () => {
  it("matches the golden", () => {
    const { expected, actual } = checkGolden(path.resolve(import.meta.dirname, "testdata/demo/output.golden.yaml"), goldenYaml(t), UPDATE);
    expect(actual).toBe(expected);
  });

  it("produces only schema-valid Istio objects, and none on the management cluster", () => {
    for (const o of t.outputs) expect(validateIstio(o.object)).toEqual([]);
    expect(t.outputs.some((o) => o.cluster === "mgmt")).toBe(false);
  });

  it("splits reviews 50/30/20 in cluster-1, v3 through the federated cluster-2 host", () => {
    const [vs] = find("VirtualService", "cluster-1", "bookinfo-backends", (n) => n.startsWith("routetable-reviews-"));
    const http = (vs?.object.spec as { http: { name: string; route: { destination: { host: string; subset: string }; weight: number }[] }[] }).http;
    const split = http.find((r) => r.name === "reviews-reviews");
    expect(split?.route.map((r) => [r.destination.host, r.destination.subset, r.weight])).toEqual([
      ["reviews.bookinfo-backends.svc.cluster.local", "version-v1", 50],
      ["reviews.bookinfo-backends.svc.cluster.local", "version-v2", 30],
      ["reviews.bookinfo-backends.svc.cluster-2.global", "version-v3", 20],
    ]);
  });

  it("gives reviews.mesh.internal.com a ServiceEntry in both clusters, exported to the importers' namespaces", () => {
    const se = find("ServiceEntry", "cluster-1", "bookinfo-backends", (n) => n === "vd-reviews-mesh-internal-com-bookinfo-backends")[0];
    expect((se?.object.spec as { exportTo: string[] }).exportTo).toEqual([".", "bookinfo-frontends", "gloo-system", "istio-gateways"]);
    expect(find("ServiceEntry", "cluster-2", "bookinfo-backends", (n) => n === "vd-reviews-mesh-internal-com-bookinfo-backends")).toHaveLength(1);
  });

  it("reports the deliberate mistakes in statuses", () => {
    const state = (name: string) => t.statuses.find((s) => s.ref.name === name);
    expect(state("bookinfo-api")?.state).toBe("WARNING");
    expect(state("checkout-timeout")?.state).toBe("ACCEPTED");
    expect(t.backends.map((b) => b.virtualDestination?.name)).toEqual(["reviews-vd"]);
  });
});

describe("public example: jameshbarton/acme canary DestinationRule (reference §7 item 5)", () => {
  it("reproduces the published DestinationRule except its hashed name", () => {
    const dir = path.resolve(import.meta.dirname, "testdata/public-acme-canary");
    const out = pipeline(readInput(path.join(dir, "input.yaml"))).translation.outputs;
    const dr = out.find((o) => o.object.kind === "DestinationRule" && o.object.metadata.namespace === "acme2-istio-test");
    const published = parseAllDocuments(readFileSync(path.join(dir, "published.yaml"), "utf8"))[0]?.toJS() as { metadata: { labels: Record<string, string>; annotations: Record<string, string> }; spec: unknown };
    expect(dr?.object.spec).toEqual(published.spec);
    expect(dr?.object.metadata.labels).toEqual(published.metadata.labels);
    expect(dr?.object.metadata.annotations).toEqual(published.metadata.annotations);
  });
});
