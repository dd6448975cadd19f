import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { buildSnapshot, buildSnapshotCluster } from "@/lib/snapshot/snapshot";
import { parseObject } from "@/lib/model/registry";
import { documentPath, loadOpenApiDocs } from "./openapi-docs";

describe("OpenAPI documents kept beside a directory dump", () => {
  const dir = path.resolve("examples/bookinfo-multicluster/cluster-1");

  it("resolves relative and file: URLs inside the directory, http URLs to openapi/<name>.json, and refuses to leave it", () => {
    expect(documentPath(dir, "openapi/petstore.json", "x")).toBe(path.join(dir, "openapi/petstore.json"));
    expect(documentPath(dir, "file:openapi/petstore.json", "x")).toBe(path.join(dir, "openapi/petstore.json"));
    expect(documentPath(dir, "https://petstore.example.com/swagger.json", "petstore")).toBe(path.join(dir, "openapi/petstore.json"));
    expect(documentPath(dir, "../../../etc/passwd", "x")).toBeNull();
  });

  it("loads the demo's petstore document and inline documents", () => {
    const up = (name: string, rest: unknown) => {
      const r = parseObject({ apiVersion: "gloo.solo.io/v1", kind: "Upstream", metadata: { name, namespace: "gloo-edge" }, spec: { static: { hosts: [{ addr: "a", port: 80 }], serviceSpec: { rest } } } });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.object;
    };
    const snapshot = buildSnapshot(1, [buildSnapshotCluster("cluster-1", false, [up("petstore", { swaggerInfo: { url: "openapi/petstore.json" } }), up("inline", { swaggerInfo: { inline: "paths: {/a: {get: {operationId: getA}}}" } })])]);
    const config = parseConfig(`clusters:\n  - name: cluster-1\n    source: { directory: ${JSON.stringify(dir)} }\n`, path.resolve("meshpane.config.yaml"));
    const docs = loadOpenApiDocs(snapshot, config);
    expect((docs.get("cluster-1|Upstream.gloo.solo.io|gloo-edge|petstore") as { swagger?: string }).swagger).toBe("2.0");
    expect(docs.get("cluster-1|Upstream.gloo.solo.io|gloo-edge|inline")).toEqual({ paths: { "/a": { get: { operationId: "getA" } } } });
  });
});
