import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import { scopeOf, type Scope } from "./scope";

/** The session cookie: `__Host-` pins it to this host, path / and Secure (browsers allow that on localhost). */
export const SESSION_COOKIE = "__Host-meshpane-session";

/** Attributes of every cookie we set; SameSite=Lax keeps it on top-level navigations back from the OIDC provider. */
export const COOKIE_ATTRIBUTES = "Path=/; Secure; HttpOnly; SameSite=Lax";

/** Who signs in: the identity provider's subject (or `demo:<name>`), display name, email and groups. */
export interface Identity {
  subject: string;
  name: string;
  email?: string;
  groups: readonly string[];
}

/** A grant to store: platform-admin (no workspace) or a workspace role. */
export interface GrantInput {
  role: string;
  workspace: string | null;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Records the user with exactly `grants` (replacing earlier ones) and opens a session; returns the cookie token. */
export async function signIn(identity: Identity, grants: readonly GrantInput[], hours: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  const data = { name: identity.name, email: identity.email ?? null, groups: JSON.stringify(identity.groups) };
  await db().$transaction(async (tx) => {
    // Expired sessions are removed when met; this sweeps those of people who never came back.
    await tx.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    const user = await tx.user.upsert({ where: { subject: identity.subject }, create: { subject: identity.subject, ...data }, update: data });
    await tx.grant.deleteMany({ where: { userId: user.id } });
    if (grants.length > 0) await tx.grant.createMany({ data: grants.map((g) => ({ userId: user.id, role: g.role, workspace: g.workspace })) });
    await tx.session.create({ data: { tokenHash: hash(token), userId: user.id, expiresAt } });
  });
  return { token, expiresAt };
}

/** The scope of a session token, or null when it is unknown or expired (expired rows are removed). */
export async function resolveSession(token: string | undefined): Promise<Scope | null> {
  if (!token) return null;
  const session = await db().session.findUnique({ where: { tokenHash: hash(token) }, include: { user: { include: { grants: true } } } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const { user } = session;
  const groups = parseGroups(user.groups);
  return scopeOf({ id: user.id, name: user.name, ...(user.email ? { email: user.email } : {}), groups }, user.grants, session.id);
}

/** Ends a session (logout). */
export async function endSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** `Set-Cookie` value opening a session. */
export function sessionCookie(token: string, expiresAt: Date): string {
  return `${SESSION_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}; Expires=${expiresAt.toUTCString()}`;
}

/** `Set-Cookie` value removing a cookie. */
export function clearCookie(name: string): string {
  return `${name}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
}

function parseGroups(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((g): g is string => typeof g === "string") : [];
  } catch {
    return [];
  }
}
