import "server-only";
import type { MeView } from "@/lib/views/auth";
import { ApiError } from "../api/errors";

/** A role in one workspace. Platform admins are marked by `Scope.platformAdmin` instead. */
export type WorkspaceRole = "workspace-admin" | "editor" | "viewer";

/** The signed-in person, as the audit log and kube impersonation name them. */
export interface ScopeUser {
  id: string;
  name: string;
  email?: string;
  groups: readonly string[];
}

/**
 * Who is calling and what they may see and change. The route wrapper resolves it from the session
 * cookie; handlers filter every read by it and check every write with `requireWrite`.
 */
export interface Scope {
  user: ScopeUser;
  platformAdmin: boolean;
  /** Workspaces the caller may see: "all" for platform admins, else those they hold a role in. */
  workspaces: "all" | ReadonlySet<string>;
  /** The caller's role per workspace. */
  roles: ReadonlyMap<string, WorkspaceRole>;
  /** The session behind this scope (null for public routes called without one). */
  sessionId: string | null;
}

/** The scope of a caller without a session, handed to `auth: "public"` routes. */
export const ANONYMOUS: Scope = { user: { id: "", name: "anonymous", groups: [] }, platformAdmin: false, workspaces: new Set(), roles: new Map(), sessionId: null };

/** Builds a scope from a user's grants. */
export function scopeOf(user: ScopeUser, grants: readonly { role: string; workspace: string | null }[], sessionId: string | null): Scope {
  const platformAdmin = grants.some((g) => g.role === "platform-admin");
  const rank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, "workspace-admin": 2 };
  const roles = new Map<string, WorkspaceRole>();
  for (const g of grants) {
    if (g.workspace === null || !(g.role in rank)) continue;
    const role = g.role as WorkspaceRole;
    const had = roles.get(g.workspace);
    if (had === undefined || rank[role] > rank[had]) roles.set(g.workspace, role);
  }
  return { user, platformAdmin, workspaces: platformAdmin ? "all" : new Set(roles.keys()), roles, sessionId };
}

/** True when the caller may see the workspace. */
export function canSee(scope: Scope, workspace: string): boolean {
  return scope.workspaces === "all" || scope.workspaces.has(workspace);
}

/** True when the caller may change (draft) objects of the workspace: editor, workspace admin or platform admin. */
export function canWrite(scope: Scope, workspace: string): boolean {
  if (scope.platformAdmin) return true;
  const role = scope.roles.get(workspace);
  return role === "editor" || role === "workspace-admin";
}

/** True when the caller may apply changes to the workspace's objects (the same roles as writing). */
export function canApply(scope: Scope, workspace: string): boolean {
  return canWrite(scope, workspace);
}

/** True when the caller may force an apply over conflicts: platform admins only. */
export function canForce(scope: Scope): boolean {
  return scope.platformAdmin;
}

/** The workspace set to hand to views that take an optional scope filter (undefined = everything). */
export function visibleSet(scope: Scope): ReadonlySet<string> | undefined {
  return scope.workspaces === "all" ? undefined : scope.workspaces;
}

/**
 * Throws a 403 naming the missing permission unless the caller may write to every workspace listed.
 * An object outside every workspace (`null`) needs a platform admin.
 */
export function requireWrite(scope: Scope, workspaces: readonly (string | null)[]): void {
  const missing = [...new Set(workspaces)].filter((w) => (w === null ? !scope.platformAdmin : !canWrite(scope, w)));
  if (missing.length === 0) return;
  const names = missing.map((w) => (w === null ? "objects outside any workspace (platform-admin)" : `workspace ${w} (editor or workspace-admin)`));
  const has = (w: string | null) => (w === null ? "" : scope.roles.get(w));
  const held = missing.map(has).filter(Boolean);
  throw new ApiError(403, "Forbidden", `${scope.user.name} may not change ${names.join(", ")}${held.length ? `; holds only ${held.join(", ")}` : ""}: missing permission write`);
}

/** Throws a 403 unless the caller is a platform admin (forcing an apply over conflicts). */
export function requireForce(scope: Scope): void {
  if (!canForce(scope)) throw new ApiError(403, "Forbidden", `${scope.user.name} may not force an apply: missing permission force (platform-admin)`);
}

/**
 * Kubernetes impersonation headers for writes on the caller's behalf, so the cluster's RBAC has the last
 * word. Pairs, because Impersonate-Group repeats once per group: send them as separate header lines
 * (fetch's Headers would join repeated values with ", " into one group name).
 */
export function impersonationHeaders(scope: Scope): [string, string][] {
  return [["Impersonate-User", scope.user.email ?? scope.user.name], ...scope.user.groups.map((g): [string, string] => ["Impersonate-Group", g])];
}

/** The caller as the browser sees them: name, roles and what they may do per workspace. */
export function meOf(scope: Scope): MeView {
  return {
    name: scope.user.name,
    email: scope.user.email ?? null,
    groups: [...scope.user.groups],
    platformAdmin: scope.platformAdmin,
    workspaces: [...scope.roles].sort(([a], [b]) => a.localeCompare(b)).map(([name, role]) => ({ name, role, canApply: canApply(scope, name) })),
  };
}
