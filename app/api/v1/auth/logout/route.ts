import { route } from "@/lib/server/api/handler";
import { endSession, clearCookie, SESSION_COOKIE } from "@/lib/server/auth/session";

/** Signs out: deletes the session row and clears the cookie (answers the same without a session). */
export const POST = route({ auth: "public", write: true }, async ({ scope }) => {
  if (scope.sessionId) await endSession(scope.sessionId);
  return Response.json({ signedOut: true }, { headers: { "set-cookie": clearCookie(SESSION_COOKIE), "cache-control": "no-store" } });
});
