import { route } from "@/lib/server/api/handler";
import { canApply } from "@/lib/server/auth/scope";
import type { MeView } from "@/lib/views/auth";

/** The signed-in user, their roles and what they may do per workspace. */
export const GET = route({}, ({ scope }): MeView => {
  return {
    name: scope.user.name,
    email: scope.user.email ?? null,
    groups: [...scope.user.groups],
    platformAdmin: scope.platformAdmin,
    workspaces: [...scope.roles].sort(([a], [b]) => a.localeCompare(b)).map(([name, role]) => ({ name, role, canApply: canApply(scope, name) })),
  };
});
