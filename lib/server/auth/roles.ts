import "server-only";
import type { AuthConfig } from "../config";
import type { GrantInput } from "./session";

/** The grants a set of identity-provider groups earns under the configured `auth.roles` mappings. */
export function grantsForGroups(groups: readonly string[], mappings: AuthConfig["roles"]): GrantInput[] {
  const have = new Set(groups);
  const seen = new Set<string>();
  const out: GrantInput[] = [];
  for (const m of mappings) {
    if (!have.has(m.group)) continue;
    const grant = { role: m.role, workspace: m.role === "platform-admin" ? null : (m.workspace ?? null) };
    const key = `${grant.role}|${grant.workspace ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(grant);
  }
  return out;
}

/** Reads a groups claim: an array of strings, or one string; anything else is no groups. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  return [];
}
