import "server-only";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { WorkspaceIndex } from "@/lib/workspaces";
import type { Scope } from "../api/handler";
import { impersonationHeaders, requireForce, requireWrite } from "../auth/scope";
import type { Actor } from "./preview";

/**
 * The caller as the change path needs it: the name drafts and the audit log record, and the impersonation
 * header lines API-server writes carry (the user and one Impersonate-Group line per group). The one place
 * that turns a Scope into an actor.
 */
export function actorOf(scope: Scope): Actor {
  return { name: scope.user.name, headers: impersonationHeaders(scope) };
}

/**
 * Throws a 403 naming the missing permission unless the caller may write every object: editor or
 * workspace admin of its workspace (the owner of its namespace for objects not yet in the snapshot),
 * platform admin for objects outside any workspace and for `force`.
 */
export function authorizeWrite(scope: Scope, workspaces: WorkspaceIndex, refs: readonly ObjectRef[], force: boolean): void {
  if (force) requireForce(scope);
  requireWrite(scope, refs.map((r) => workspaces.workspaceOfObject(r) ?? workspaces.workspaceOfNamespace(r.cluster, r.namespace) ?? null));
}
