import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { buildSnapshot, buildSnapshotCluster } from "@/lib/snapshot/snapshot";
import { parseObject } from "@/lib/model/registry";
import { clearOpenApiCache, documentPath, loadOpenApiDocs } from "./openapi-docs";

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

describe("OpenAPI document cache", () => {
  it("reuses a parsed file until its modification time or size changes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-openapi-"));
    try {
      fs.mkdirSync(path.join(dir, "openapi"));
      const file = path.join(dir, "openapi", "svc.json");
      fs.writeFileSync(file, JSON.stringify({ paths: { "/a": { get: { operationId: "getA" } } } }));
      const r = parseObject({ apiVersion: "gloo.solo.io/v1", kind: "Upstream", metadata: { name: "svc", namespace: "gloo-edge" }, spec: { static: { hosts: [{ addr: "a", port: 80 }], serviceSpec: { rest: { swaggerInfo: { url: "openapi/svc.json" } } } } } });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const snapshot = buildSnapshot(1, [buildSnapshotCluster("cluster-1", false, [r.object])]);
      const config = parseConfig(`clusters:\n  - name: cluster-1\n    source: { directory: ${JSON.stringify(dir)} }\n`, path.join(dir, "meshpane.config.yaml"));
      const key = "cluster-1|Upstream.gloo.solo.io|gloo-edge|svc";
      clearOpenApiCache();
      const first = loadOpenApiDocs(snapshot, config).get(key);
      expect(loadOpenApiDocs(snapshot, config).get(key)).toBe(first);
      fs.writeFileSync(file, JSON.stringify({ paths: { "/b": { get: { operationId: "getB" } } } }));
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
      expect(loadOpenApiDocs(snapshot, config).get(key)).toEqual({ paths: { "/b": { get: { operationId: "getB" } } } });
      fs.rmSync(file);
      expect(loadOpenApiDocs(snapshot, config).has(key)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
