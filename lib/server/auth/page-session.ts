import "server-only";
import { cookies } from "next/headers";
import type { MeView } from "@/lib/views/auth";
import { meOf } from "./scope";
import { resolveSession, SESSION_COOKIE } from "./session";

/**
 * The signed-in user for server-rendered pages (the shell and the start page), or null. Pages only
 * decide what to render from it; every piece of data still comes through the API, which checks again.
 */
export async function currentUser(): Promise<MeView | null> {
  const scope = await resolveSession((await cookies()).get(SESSION_COOKIE)?.value);
  return scope ? meOf(scope) : null;
}
