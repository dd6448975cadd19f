import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KubeObject } from "@/lib/model/meta";
import { listFiles } from "./directory";
import { DirectoryWriter } from "./directory-writer";

const FILE = `# Bookinfo namespace
apiVersion: v1
kind: Namespace
metadata:
  name: bookinfo # the app
---
# the reviews table
apiVersion: networking.gloo.solo.io/v2
kind: RouteTable
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts: [reviews.bookinfo.svc.cluster.local] # host
  http:
    - name: reviews
      forwardTo:
        destinations:
          - ref: {name: reviews, namespace: bookinfo}
            weight: 50 # half
status:
  common: {State: {approval: ACCEPTED}}
`;

let root: string;
let writer: DirectoryWriter;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "meshpane-writer-"));
  await fs.writeFile(path.join(root, "app.yaml"), FILE);
  writer = new DirectoryWriter(root, (dir) => listFiles(dir, true));
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

/** The table as an editor sends it: no status. */
const table = () => {
  const { status: _status, ...rest } = parse(FILE.split("---\n")[1]!) as KubeObject & { spec: { http: { forwardTo: { destinations: { weight: number }[] } }[] } };
  return rest;
};

describe("DirectoryWriter", () => {
  it("rewrites the one document in place, keeping comments and the other document", async () => {
    const next = table();
    next.spec.http[0]!.forwardTo.destinations[0]!.weight = 70;
    const out = await writer.apply(next, { dryRun: false, force: false });
    expect(out).toMatchObject({ ok: true, status: 200 });
    const text = await fs.readFile(path.join(root, "app.yaml"), "utf8");
    expect(text).toBe(FILE.replace("weight: 50 # half", "weight: 70 # half"));
  });

  it("a dry run writes nothing; an invalid object is a 422 with field causes", async () => {
    const next = table();
    expect(await writer.apply(next, { dryRun: true, force: false })).toMatchObject({ ok: true });
    (next.spec.http[0]!.forwardTo.destinations[0] as { weight: unknown }).weight = "abc";
    const bad = await writer.apply(next, { dryRun: false, force: false });
    expect(bad.ok).toBe(false);
    expect(bad.status).toBe(422);
    expect(bad.causes.map((c) => c.field)).toContain("spec.http[0].forwardTo.destinations[0].weight");
    expect(await fs.readFile(path.join(root, "app.yaml"), "utf8")).toBe(FILE);
  });

  it("creates a new object in a file of its own and deletes it again", async () => {
    const next = { ...table(), metadata: { name: "reviews-2", namespace: "bookinfo" } };
    expect(await writer.apply(next, { dryRun: false, force: false })).toMatchObject({ ok: true, status: 201 });
    const created = path.join(root, "meshpane", "bookinfo", "routetable-reviews-2.yaml");
    expect(parse(await fs.readFile(created, "utf8"))).toEqual(next);
    expect(await writer.remove(next, { dryRun: false, force: false })).toMatchObject({ ok: true });
    await expect(fs.stat(created)).rejects.toThrow();
  });

  it("removes one document and keeps the rest", async () => {
    expect(await writer.remove(table(), { dryRun: false, force: false })).toMatchObject({ ok: true });
    expect(await fs.readFile(path.join(root, "app.yaml"), "utf8")).toBe(FILE.split("---\n")[0]);
  });
});
