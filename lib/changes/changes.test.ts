import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { KubeObject } from "../model/meta";
import { readDirectory } from "../server/sources/directory";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../snapshot/snapshot";
import { resolveWorkspaces } from "../workspaces";
import type { WorkspaceIndex } from "../workspaces/types";
import { checkLocation, parseItemYaml, rebaseEdit } from ".";

const DEMO = path.resolve(import.meta.dirname, "../../examples/bookinfo-multicluster");
let snapshot: Snapshot;
let workspaces: WorkspaceIndex;
beforeAll(async () => {
  const clusters = [];
  for (const name of ["mgmt", "cluster-1", "cluster-2"]) clusters.push(buildSnapshotCluster(name, name === "mgmt", (await readDirectory(path.join(DEMO, name))).objects));
  snapshot = buildSnapshot(1, clusters);
  workspaces = resolveWorkspaces(snapshot);
});

const admin = (kind: string, name: string, namespace?: string, spec: object = {}): KubeObject => ({ apiVersion: "admin.gloo.solo.io/v2", kind, metadata: { name, ...(namespace ? { namespace } : {}) }, spec });
const fields = (o: KubeObject, cluster: string, management: boolean) => checkLocation(o, { cluster, management }, snapshot, workspaces).map((e) => `${e.field}: ${e.reason}`);

describe("location rules", () => {
  it("keeps Workspace and KubernetesCluster in the management cluster", () => {
    expect(fields(admin("Workspace", "team-x", "gloo-mesh"), "cluster-1", false)).toEqual(["metadata.namespace: FieldValueInvalid"]);
    expect(fields(admin("KubernetesCluster", "cluster-9", "gloo-mesh"), "cluster-2", false)).toEqual(["metadata.namespace: FieldValueInvalid"]);
    expect(fields(admin("Workspace", "team-x", "gloo-mesh"), "mgmt", true)).toEqual([]);
  });

  it("allows one WorkspaceSettings per workspace, inside it", () => {
    expect(fields(admin("WorkspaceSettings", "bookinfo-backends", "bookinfo-backends-config"), "mgmt", true)).toEqual([]);
    expect(fields(admin("WorkspaceSettings", "second", "bookinfo-backends-config"), "mgmt", true)).toEqual(["metadata.name: FieldValueDuplicate"]);
    expect(fields(admin("WorkspaceSettings", "nowhere", "no-such-namespace"), "mgmt", true)).toEqual(["metadata.namespace: FieldValueInvalid"]);
  });

  it("leaves other groups alone", () => {
    expect(fields({ apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: "x", namespace: "anywhere" } }, "cluster-1", false)).toEqual([]);
  });
});

describe("parseItemYaml", () => {
  it("names the line of a syntax error and the field of a schema error", () => {
    expect(parseItemYaml("mgmt", "a: [1,\n").errors[0]?.message).toMatch(/^yaml: must be valid YAML \(line \d+, column \d+\): /);
    const bad = parseItemYaml("mgmt", stringify({ apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: "r", namespace: "n" }, spec: { http: [{ name: "x", forwardTo: { destinations: [{ ref: { name: "a" }, weight: "abc" }] } }] } }));
    expect(bad.object).toBeNull();
    expect(bad.ref?.name).toBe("r");
    expect(bad.errors.map((e) => e.field)).toContain("spec.http[0].forwardTo.destinations[0].weight");
  });

  it("refuses kinds Meshpane does not model", () => {
    expect(parseItemYaml("mgmt", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n").errors).toEqual([expect.objectContaining({ field: "kind", reason: "FieldValueNotSupported" })]);
  });
});

describe("rebaseEdit", () => {
  const base = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", resourceVersion: "1" }, data: { a: "1", b: "1" } } as KubeObject;
  it("keeps what changed underneath and lays the user's edit over it", () => {
    const mine = { ...base, data: { a: "2", b: "1" } } as KubeObject;
    const live = { ...base, metadata: { name: "c", resourceVersion: "2", labels: { x: "y" } }, data: { a: "1", b: "9" } } as KubeObject;
    const { object, clean } = rebaseEdit(base, mine, live);
    expect(clean).toBe(true);
    expect(object).toMatchObject({ metadata: { labels: { x: "y" } }, data: { a: "2", b: "9" } });
  });

  it("keeps a label added on each side, and lets the user win where both changed one field", () => {
    const mine = { ...base, metadata: { name: "c", labels: { mine: "1" } }, data: { a: "2", b: "1" } } as KubeObject;
    const live = { ...base, metadata: { name: "c", labels: { theirs: "1" } }, data: { a: "3", b: "1" } } as KubeObject;
    const { object, clean } = rebaseEdit(base, mine, live);
    expect(object.metadata.labels).toEqual({ mine: "1", theirs: "1" });
    expect((object as KubeObject & { data: object }).data).toEqual({ a: "2", b: "1" });
    expect(clean).toBe(false);
  });

  it("drops a key the other writer removed and keeps one the user removed removed", () => {
    const mine = { ...base, data: { a: "1" } } as KubeObject;
    const live = { ...base, data: { b: "1" } } as KubeObject;
    expect((rebaseEdit(base, mine, live).object as KubeObject & { data: object }).data).toEqual({});
  });
});
