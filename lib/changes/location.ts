import type { FieldError } from "../model/errors";
import type { KubeObject } from "../model/meta";
import { splitApiVersion } from "../model/registry";
import type { Snapshot } from "../snapshot/snapshot";
import { refKey, refOf } from "../snapshot/ref";
import type { WorkspaceIndex } from "../workspaces/types";

const ADMIN_GROUP = "admin.gloo.solo.io";
const MANAGEMENT_ONLY = new Set(["Workspace", "KubernetesCluster"]);

/** Where an object is written: its cluster and whether that cluster is the management cluster. */
export interface Placement {
  cluster: string;
  management: boolean;
}

/**
 * Location rules checked before anything is sent (issue 7 §3): Workspace and KubernetesCluster live only in
 * the management cluster; a WorkspaceSettings lives inside its workspace (a namespace the workspace selects
 * with config enabled) and is the only one of that workspace.
 */
export function checkLocation(object: KubeObject, at: Placement, snapshot: Snapshot, workspaces: WorkspaceIndex): FieldError[] {
  const { group } = splitApiVersion(object.apiVersion);
  if (group !== ADMIN_GROUP) return [];
  if (MANAGEMENT_ONLY.has(object.kind) && !at.management) {
    return [{ field: "metadata.namespace", reason: "FieldValueInvalid", message: `metadata.namespace: a ${object.kind} must be written to the management cluster (${at.cluster} is a workload cluster)` }];
  }
  if (object.kind !== "WorkspaceSettings") return [];
  const namespace = object.metadata.namespace ?? "";
  const workspace = workspaces.workspaceOfNamespace(at.cluster, namespace);
  if (workspace === undefined) {
    return [{ field: "metadata.namespace", reason: "FieldValueInvalid", message: `metadata.namespace: must be a namespace of a workspace (${at.cluster}/${namespace} belongs to none)` }];
  }
  const self = refKey(refOf(at.cluster, object));
  const others = snapshot.clusters.flatMap((c) =>
    (c.byKind.get(`WorkspaceSettings.${ADMIN_GROUP}`) ?? [])
      .filter((o) => refKey(refOf(c.name, o)) !== self && workspaces.workspaceOfNamespace(c.name, o.metadata.namespace ?? "") === workspace)
      .map((o) => `${c.name}/${o.metadata.namespace}/${o.metadata.name}`),
  );
  if (others.length === 0) return [];
  return [{ field: "metadata.name", reason: "FieldValueDuplicate", message: `metadata.name: workspace ${workspace} must have one WorkspaceSettings (it already has ${others.join(", ")})` }];
}
