import "server-only";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { WorkspaceIndex } from "@/lib/workspaces";
import { notFound } from "../api/errors";
import type { Scope } from "./scope";

/** What a caller may read, answered against one snapshot's workspaces. */
export interface ReadFilter {
  /** True for platform admins: no filtering at all. */
  all: boolean;
  /** The visible workspace set for views that take one (undefined = all). */
  set: ReadonlySet<string> | undefined;
  workspace(name: string | null | undefined): boolean;
  /** A namespace whose single owner is a visible workspace (Istio outputs, workloads, gateways). */
  namespace(cluster: string, namespace: string): boolean;
  /** An object in a visible namespace, imported into a visible workspace, or a visible Workspace itself. */
  ref(ref: ObjectRef): boolean;
  /** 404 unless the object is readable: guessed URLs of other teams' objects look absent. */
  requireRef(ref: ObjectRef, what: string): void;
}

/**
 * The read filter of a scope: a team member sees their workspaces' own namespaces and objects plus what
 * those workspaces import; nothing of other teams. Cluster-scoped objects are for platform admins only.
 */
export function readFilter(scope: Scope, index: WorkspaceIndex): ReadFilter {
  const set = scope.workspaces === "all" ? undefined : scope.workspaces;
  const workspace = (name: string | null | undefined) => !set || (name != null && set.has(name));
  const namespace = (cluster: string, ns: string) => !set || (ns !== "" && workspace(index.workspaceOfNamespace(cluster, ns)));
  const ref = (r: ObjectRef) => {
    if (!set || namespace(r.cluster, r.namespace)) return true;
    if (r.kind === "Workspace" && r.group === "admin.gloo.solo.io" && r.namespace === index.adminNamespace) return set.has(r.name);
    if (workspace(index.workspaceOfObject(r))) return true;
    for (const w of set) if (index.isVisible(r, w)) return true;
    return false;
  };
  return {
    all: !set,
    set,
    workspace,
    namespace,
    ref,
    requireRef(r, what) {
      if (!ref(r)) throw notFound(what);
    },
  };
}
