import { stringify } from "yaml";
import type { KubeObject } from "@/lib/model/meta";
import type { DraftItem } from "@/lib/views/drafts";
import { isWritableGroup } from "@/lib/changes/writable";

/**
 * Draft items from live objects, for the Edit, Clone and Delete buttons of object pages. Kept apart from the
 * kind templates so object pages do not load every kind's schema.
 */

/** Whether objects of this API group are edited from Meshpane (the groups drafts write). */
export const isEditableGroup = isWritableGroup;

const SERVER_SET = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "selfLink"];

/**
 * The draft item that edits, clones or deletes a live object. Edits and deletes carry the object they
 * started from (its resourceVersion only for API servers: directory sources have none that means anything);
 * a clone is a new object without server-set fields or status, named `<name>-copy`.
 */
export function itemFor(op: "update" | "create" | "delete", cluster: string, object: KubeObject, directory: boolean): DraftItem {
  const slash = object.apiVersion.lastIndexOf("/");
  const ref = { cluster, group: slash < 0 ? "" : object.apiVersion.slice(0, slash), kind: object.kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name };
  const { managedFields: _m, ...meta } = object.metadata as KubeObject["metadata"] & { managedFields?: unknown };
  const full: KubeObject = { ...object, metadata: meta };
  if (op === "create") {
    const { status: _s, ...rest } = full;
    const m: Record<string, unknown> = { ...meta, name: `${object.metadata.name}-copy` };
    for (const k of SERVER_SET) delete m[k];
    return { op, cluster, yaml: stringify({ ...rest, metadata: m }, { lineWidth: 0 }) };
  }
  const yaml = stringify(full, { lineWidth: 0 });
  return { op, cluster, yaml, base: { ref, resourceVersion: directory ? null : (object.metadata.resourceVersion ?? null), yaml } };
}
