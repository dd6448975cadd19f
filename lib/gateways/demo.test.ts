import { readdirSync, readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../model/meta";
import { parseObject } from "../model/registry";
import { buildSnapshot, buildSnapshotCluster } from "../snapshot/snapshot";
import { buildGatewayModel, gatewayStatuses, traceRequest } from "./index";

/**
 * The bundled demo (examples/bookinfo-multicluster, read only): the seed's kgateway-based Gateway `http` with
 * the productpage route and the Hostname route to the reviews VirtualDestination resolve with the default
 * resolver, across both workload clusters. Assertions are on facts the demo must keep, not a golden, because
 * another step adds gateway demo objects.
 */
function loadDemo() {
  const root = new URL("../../examples/bookinfo-multicluster/", import.meta.url);
  const clusters = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return buildSnapshot(1, clusters.map((name) => {
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
}

describe("gateway analysis of the bundled demo", () => {
  const model = buildGatewayModel(loadDemo());

  it("reads the seed Gateway as reconciled and its routes as accepted", () => {
    const status = gatewayStatuses(model);
    const http = status.gateways.find((g) => g.ref.cluster === "cluster-1" && g.ref.name === "http");
    expect(http?.summary).toBe("ok");
    for (const name of ["productpage", "reviews"]) {
      expect(status.routes.find((r) => r.ref.name === name && r.ref.cluster === "cluster-1")?.summary).toBe("ok");
    }
  });

  it("traces /reviews through the VirtualDestination to both workload clusters", () => {
    const t = traceRequest({ cluster: "cluster-1", gateway: { namespace: "gloo-system", name: "http" }, host: "bookinfo.example.com", path: "/reviews/0" }, { model });
    expect(t.status).toBe(200);
    expect(t.route?.name).toBe("reviews");
    expect(t.backends[0]?.detail.virtualDestination).toBe("bookinfo-backends-config/reviews-vd");
    expect(t.backends[0]?.clusters).toEqual(["cluster-1", "cluster-2"]);
  });

  it("traces /productpage (Exact) and /static/x (PathPrefix); /other is 404", () => {
    const trace = (path: string) => traceRequest({ cluster: "cluster-1", host: "bookinfo.example.com", path }, { model });
    expect(trace("/productpage").route?.matchText).toBe("Exact /productpage");
    expect(trace("/static/css/app.css").backends.map((b) => `${b.namespace}/${b.name}`)).toEqual(["bookinfo-frontends/productpage"]);
    expect(trace("/productpage/x").status).toBe(404);
  });
});
