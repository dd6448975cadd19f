import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { toFieldErrors } from "@/lib/model/errors";
import { getMeshStore } from "../store";
import type { MeshStore } from "../store/mesh-store";
import { ApiError, badRequest } from "./errors";

/** Who is calling and what they may see. Until sign-in lands every caller is the local admin. */
export interface Scope {
  kind: "local-admin";
  /** Workspaces the caller may see; "all" for platform admins. */
  workspaces: "all";
}

export interface HandlerContext<Q, P> {
  request: NextRequest;
  query: Q;
  params: P;
  scope: Scope;
  store: MeshStore;
}

interface RouteSpec<Q, P> {
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Writes get an origin check. */
  write?: boolean;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The one route-handler wrapper: resolves the caller's scope, checks the origin of writes, parses
 * query and path parameters with zod, and maps typed errors to JSON `{code, message, fields?}`.
 * Handlers return plain data (sent as JSON) or a Response (streams).
 */
export function route<Q = Record<string, never>, P = Record<string, never>>(spec: RouteSpec<Q, P>, handler: (ctx: HandlerContext<Q, P>) => unknown) {
  return async (request: NextRequest, context: NextRouteContext): Promise<Response> => {
    try {
      if (spec.write) checkOrigin(request);
      const scope: Scope = { kind: "local-admin", workspaces: "all" };
      const query = parseWith(spec.query, Object.fromEntries(request.nextUrl.searchParams), "query");
      const params = parseWith(spec.params, (await context.params) ?? {}, "path");
      const store = getMeshStore();
      await store.whenReady();
      const result = await handler({ request, query, params, scope, store });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

function parseWith<T>(schema: z.ZodType<T> | undefined, input: unknown, where: string): T {
  if (!schema) return {} as T;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = toFieldErrors(parsed.error);
    throw badRequest(`invalid ${where} parameters: ${fields.map((f) => f.message).join("; ")}`, fields);
  }
  return parsed.data;
}

function checkOrigin(request: NextRequest): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin === null) return;
  if (host === null || new URL(origin).host !== host) throw new ApiError(403, "Forbidden", "cross-origin writes are not allowed: the Origin header must match this server");
}

function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    return Response.json({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }, { status: err.status });
  }
  console.error("unhandled error in route handler:", err instanceof Error ? err.message : String(err));
  return Response.json({ code: "InternalError", message: "internal error; see the server log" }, { status: 500 });
}
