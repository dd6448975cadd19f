import "server-only";
import type { ObjectRef } from "@/lib/snapshot/ref";
import type { Scope } from "../api/handler";
import type { Actor } from "./preview";

/**
 * The caller as the change path needs it: the name drafts and the audit log record, and the headers
 * API-server writes carry. The one place that turns a Scope into an actor.
 */
export function actorOf(scope: Scope): Actor {
  return { name: scope.kind, headers: {} };
}

/** Throws a 403 naming the missing permission when the caller may not write these objects (or force). */
export function authorizeWrite(scope: Scope, _refs: readonly ObjectRef[], _force: boolean): void {
  if (scope.kind !== "local-admin") throw new Error("unreachable: every caller is the local admin until sign-in lands");
}
