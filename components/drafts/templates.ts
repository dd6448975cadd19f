import { stringify } from "yaml";
import type { KindDef, KubeObject } from "@/lib/model/meta";
import { allKinds } from "@/lib/model/registry";
import { refOf } from "@/lib/snapshot/ref";
import type { DraftItem } from "@/lib/views/drafts";

/** The kinds a person edits from Meshpane: Gloo v2 and v1 configuration (not discovery outputs). */
export const editableKinds: readonly KindDef[] = allKinds.filter((k) => k.group.endsWith("gloo.solo.io") && k.group !== "discovery.mesh.gloo.solo.io");

/** Whether objects of this API group are edited from Meshpane. */
export const isEditableGroup = (group: string) => editableKinds.some((k) => k.group === group);

/** Kind-specific starting specs: just enough for the object to be valid, to be filled in. */
const SPECS: Record<string, (name: string, namespace: string) => Record<string, unknown>> = {
  RouteTable: (name, ns) => ({ hosts: [`${name}.${ns}.svc.cluster.local`], http: [{ name, forwardTo: { destinations: [{ ref: { name, namespace: ns }, port: { number: 8080 } }] } }] }),
  VirtualDestination: (name) => ({ hosts: [`${name}.mesh.internal`], services: [{ labels: { app: name } }], ports: [{ number: 80, protocol: "HTTP" }] }),
  Workspace: () => ({ workloadClusters: [{ name: "*", namespaces: [{ name: "*" }] }] }),
  WorkspaceSettings: () => ({ importFrom: [], exportTo: [] }),
};

/** A minimal object of a kind, as YAML, for a new draft. */
export function templateYaml(def: KindDef, name: string, namespace: string): string {
  const policy = def.kind.endsWith("Policy") && def.group.includes("policy");
  const spec = SPECS[def.kind]?.(name, namespace) ?? (policy ? { applyToRoutes: [{ route: { labels: { "route.example.com/name": name } } }], config: {} } : {});
  const metadata = def.namespaced ? { name, namespace } : { name };
  return stringify({ apiVersion: `${def.group}/${def.versions[0]}`, kind: def.kind, metadata, spec }, { lineWidth: 0 });
}

const SERVER_SET = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "selfLink"];

/**
 * The draft item that edits, clones or deletes a live object. Edits and deletes carry the object they
 * started from (its resourceVersion only for API servers: directory sources have none that means anything);
 * a clone is a new object without server-set fields or status, named `<name>-copy`.
 */
export function itemFor(op: "update" | "create" | "delete", cluster: string, object: KubeObject, directory: boolean): DraftItem {
  const { managedFields: _m, ...meta } = object.metadata as KubeObject["metadata"] & { managedFields?: unknown };
  const full: KubeObject = { ...object, metadata: meta };
  if (op === "create") {
    const { status: _s, ...rest } = full;
    const m: Record<string, unknown> = { ...meta, name: `${object.metadata.name}-copy` };
    for (const k of SERVER_SET) delete m[k];
    return { op, cluster, yaml: stringify({ ...rest, metadata: m }, { lineWidth: 0 }) };
  }
  const yaml = stringify(full, { lineWidth: 0 });
  return { op, cluster, yaml, base: { ref: refOf(cluster, object), resourceVersion: directory ? null : (object.metadata.resourceVersion ?? null), yaml } };
}
