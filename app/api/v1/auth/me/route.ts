import { route } from "@/lib/server/api/handler";
import { meOf } from "@/lib/server/auth/scope";

/** The signed-in user, their roles and what they may do per workspace. */
export const GET = route({}, ({ scope }) => meOf(scope));
