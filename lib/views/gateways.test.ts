import { readdirSync, readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { buildGatewayModel } from "../gateways";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { buildSnapshot, buildSnapshotCluster } from "../snapshot/snapshot";
import { gatewayDetail, listGateways } from "./gateways";
import { listUpstreams, traceView } from "./upstreams";

const root = new URL("../../examples/bookinfo-multicluster/", import.meta.url);

function demoModel() {
  const snapshot = buildSnapshot(1, ["mgmt", "cluster-1", "cluster-2"].map((name) => {
    const objects: KubeObject[] = [];
    for (const f of readdirSync(new URL(`${name}/`, root)).filter((x) => x.endsWith(".yaml"))) {
      for (const doc of parseAllDocuments(readFileSync(new URL(`${name}/${f}`, root), "utf8"))) {
        const raw = doc.toJS() as { kind?: string; items?: unknown[] } | null;
        for (const item of raw?.kind?.endsWith("List") ? raw.items ?? [] : raw ? [raw] : []) {
          const parsed = parseObject(item);
          if (parsed.ok) objects.push(parsed.object);
        }
      }
    }
    return buildSnapshotCluster(name, name === "mgmt", objects);
  }));
  const petstore: unknown = JSON.parse(readFileSync(new URL("cluster-1/openapi/petstore.json", root), "utf8"));
  return buildGatewayModel(snapshot, { openApiDocs: new Map([["cluster-1|Upstream.gloo.solo.io|gloo-edge|petstore", petstore]]) });
}

describe("gateway views of the bundled demo", () => {
  const model = demoModel();

  it("lists Gateway API and Edge gateways with route counts and health", () => {
    const items = listGateways(model).map((g) => `${g.kind} ${g.namespace}/${g.name} ${g.attachedRoutes}/${g.refusedRoutes} ${g.summary}`);
    expect(items).toEqual(["Gateway gloo-edge/api 2/1 ok", "Gateway gloo-system/http 2/0 ok", "EdgeGateway gloo-edge/gateway-proxy 0/1 degraded"]);
  });

  it("counts in the list what the gateway's own page counts (the list reads an index, the page every route)", () => {
    for (const g of listGateways(model)) expect(gatewayDetail(model, g.cluster, g.namespace, g.name, g.kind)?.item).toEqual(g);
  });

  it("shows refused routes with reasons and the computed status beside the live one", () => {
    const d = gatewayDetail(model, "cluster-1", "gloo-edge", "api");
    const legacy = d?.routes.find((r) => r.ref.name === "legacy-api");
    expect(legacy?.attached).toBe(false);
    expect(legacy?.live).toContain("Accepted=False NoMatchingListenerHostname");
    expect(d?.routes.find((r) => r.ref.name === "ratings")?.computed).toContain("ResolvedRefs=False RefNotPermitted");
    expect(gatewayDetail(model, "cluster-1", "gloo-edge", "nope")).toBeNull();
  });

  it("flags the missing function and resolves the reviews Hostname backend per cluster", () => {
    const petstore = listUpstreams(model).find((u) => u.name === "petstore");
    expect(petstore?.missingFunctions).toEqual(["deletePet"]);
    const t = traceView(model, { cluster: "cluster-1", gateway: { namespace: "gloo-system", name: "http" }, host: "bookinfo.example.com", path: "/reviews/1" });
    expect(t.resolutions[0]?.virtualDestination.name).toBe("reviews-vd");
    expect(t.resolutions[0]?.clusters.map((c) => `${c.cluster}: ${c.workloads.map((w) => w.name).join(",")}`)).toEqual(["cluster-1: reviews-v1,reviews-v2", "cluster-2: reviews-v3"]);
  });
});
