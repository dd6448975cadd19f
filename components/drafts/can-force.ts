"use client";
import { useMe } from "@/lib/client/api/auth";

/**
 * What the signed-in person may do with a draft, for the buttons (the server checks again and answers 403
 * naming the missing permission): force an apply over another field manager (platform admins only), and
 * apply at all (platform admins, and workspace editors and admins).
 */
export function useDraftPermissions(): { canForce: boolean; canApply: boolean; role: string } {
  const me = useMe().data;
  if (!me) return { canForce: false, canApply: false, role: "" };
  const canApply = me.platformAdmin || me.workspaces.some((w) => w.canApply);
  const role = me.platformAdmin ? "platform admin" : me.workspaces.map((w) => `${w.role} of ${w.name}`).join(", ") || "no workspace role";
  return { canForce: me.platformAdmin, canApply, role };
}
