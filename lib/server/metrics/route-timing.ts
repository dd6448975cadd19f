import "server-only";
import type { NextRequest } from "next/server";
import { metrics } from "./registry";

type Params = Record<string, string | string[] | undefined>;
type Handler<C extends { params: Promise<Params> }> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * The route's path pattern from a concrete path and its params: `/api/v1/objects/c1/ns/x` with
 * `{cluster: "c1", …}` becomes `/api/v1/objects/[cluster]/…`, so latency is labelled per route and
 * never per object (bounded label values).
 */
export function routePattern(pathname: string, params: Params): string {
  const segments = pathname.split("/");
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      const joined = value.map(encodeURIComponent).join("/");
      const path = segments.join("/");
      const at = path.lastIndexOf(`/${joined}`);
      if (at >= 0 && joined) return routePattern(`${path.slice(0, at)}/[...${key}]${path.slice(at + joined.length + 1)}`, withoutKey(params, key));
    } else if (value !== undefined) {
      const i = segments.lastIndexOf(encodeURIComponent(value));
      if (i > 0) segments[i] = `[${key}]`;
    }
  }
  return segments.join("/");
}

function withoutKey(params: Params, key: string): Params {
  const rest = { ...params };
  delete rest[key];
  return rest;
}

/** Wraps a route handler to record its latency by method, route pattern and status, and requests in flight. */
export function observeRoute<C extends { params: Promise<Params> }>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const m = metrics();
    const end = m.requestSeconds.startTimer();
    m.requestsInFlight.inc();
    let status = 500;
    try {
      const response = await handler(request, context);
      status = response.status;
      return response;
    } finally {
      m.requestsInFlight.dec();
      const params = await Promise.resolve(context.params).catch(() => ({}));
      end({ method: request.method, route: routePattern(request.nextUrl.pathname, params ?? {}), status: String(status) });
    }
  };
}
