import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { toFieldErrors } from "@/lib/model/errors";
import { ANONYMOUS, type Scope } from "../auth/scope";
import { resolveSession, SESSION_COOKIE } from "../auth/session";
import { observeRoute } from "../metrics/route-timing";
import { getMeshStore } from "../store";
import type { MeshStore } from "../store/mesh-store";
import { ApiError, badRequest } from "./errors";

export type { Scope } from "../auth/scope";

export interface HandlerContext<Q, P, B = undefined> {
  request: NextRequest;
  query: Q;
  params: P;
  /** The JSON body parsed with the spec's `body` schema (undefined without one). */
  body: B;
  scope: Scope;
  store: MeshStore;
}

interface RouteSpec<Q, P, B> {
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** A JSON request body: bad JSON or a body the schema rejects is a 400 naming the fields. */
  body?: z.ZodType<B>;
  /** Writes get an origin check (so does every request with a body). */
  write?: boolean;
  /**
   * "user" (default): a signed-in caller, else 401. "public": sign-in endpoints, probes and metrics
   * (/healthz, /readyz, /metrics), which get the caller's scope when there is a session and `ANONYMOUS`
   * otherwise, and are answered at once, not after the first sync.
   */
  auth?: "user" | "public";
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The one route-handler wrapper: resolves the caller's scope from the session cookie (401 without one,
 * unless the route is public), checks the origin of writes and of requests
 * with a body, parses query and path parameters and the JSON body with zod, and maps typed errors to JSON
 * `{code, message, fields?}`.
 * Handlers return plain data (sent as JSON) or a Response (streams).
 */
export function route<Q = Record<string, never>, P = Record<string, never>, B = undefined>(spec: RouteSpec<Q, P, B>, handler: (ctx: HandlerContext<Q, P, B>) => unknown) {
  return observeRoute(async (request: NextRequest, context: NextRouteContext): Promise<Response> => {
    try {
      if (spec.write || spec.body) checkOrigin(request);
      const scope = await resolveScope(request, spec.auth ?? "user");
      const query = parseWith(spec.query, Object.fromEntries(request.nextUrl.searchParams), "query");
      const params = parseWith(spec.params, (await context.params) ?? {}, "path");
      const body = spec.body ? parseWith(spec.body, await readJson(request), "body") : (undefined as B);
      const store = getMeshStore();
      if (spec.auth !== "public") await store.whenReady();
      const result = await handler({ request, query, params, body, scope, store });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorResponse(err);
    }
  });
}

/** The caller's scope from the session cookie: the only place that reads the session. */
async function resolveScope(request: NextRequest, auth: "user" | "public"): Promise<Scope> {
  const scope = await resolveSession(request.cookies.get(SESSION_COOKIE)?.value);
  if (scope) return scope;
  if (auth === "public") return ANONYMOUS;
  throw new ApiError(401, "Unauthorized", "sign in first: this endpoint needs a session (see /login)");
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

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = `body: must be valid JSON (${(err as Error).message})`;
    throw badRequest(message, [{ field: "body", reason: "FieldValueInvalid", message }]);
  }
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
