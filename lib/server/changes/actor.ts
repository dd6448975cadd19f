import "server-only";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { WorkspaceIndex } from "@/lib/workspaces";
import type { Scope } from "../api/handler";
import { impersonationHeaders, requireForce, requireWrite } from "../auth/scope";
import type { Actor } from "./preview";

/**
 * The caller as the change path needs it: the name drafts and the audit log record, and the headers
 * API-server writes carry. The one place that turns a Scope into an actor.
 *
 * Only Impersonate-User goes into `headers`: a header record (and fetch) would join several
 * Impersonate-Group values into one group name, so groups wait for a writer that sends header lines as
 * a list (`impersonationHeaders` returns them so; see test/kube/impersonation.test.ts).
 */
export function actorOf(scope: Scope): Actor {
  const headers: Record<string, string> = {};
  for (const [name, value] of impersonationHeaders(scope)) if (name === "Impersonate-User") headers[name] = value;
  return { name: scope.user.name, headers };
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
