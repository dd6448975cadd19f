import { route } from "@/lib/server/api/handler";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Checks nothing else, so a slow cluster or database never restarts a pod. */
export const GET = route({ auth: "public" }, () => ({ status: "ok" }));
