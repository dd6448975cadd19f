"use client";

/**
 * Whether the signed-in person may force an apply over another field manager (platform admins only; the
 * server checks again and answers 403). The one place the auth work wires in: until sessions exist every
 * user is treated as a platform admin.
 */
export function useCanForce(): boolean {
  return true;
}
