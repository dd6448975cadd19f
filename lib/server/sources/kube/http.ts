import "server-only";
import { Readable } from "node:stream";
import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { request, type Dispatcher } from "undici";
import type { HeaderLine } from "../types";

/** A failed API-server call, shaped like the API's own `Status`: code, reason, message, causes. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly causes: { field?: string; reason?: string; message?: string }[] = [],
    /** From `Retry-After` on 429/503, in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface KubeRequest {
  method?: "GET" | "PATCH" | "POST" | "DELETE" | "PUT";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: string;
  contentType?: string;
  /**
   * Extra header lines, in order. A list, not a record: Impersonate-Group repeats once per group and each
   * must reach the API server as its own line (a record or fetch's Headers would join them with ", ").
   */
  headers?: readonly HeaderLine[];
  signal?: AbortSignal;
}

/**
 * One request to the cluster's API server. client-node supplies the URL, TLS and credentials from the
 * kubeconfig (or the in-cluster service account); the request itself goes through undici's `request`, which
 * sends header lines as given (repeated names stay separate lines), and comes back as a web Response so
 * streams, `Retry-After` and the `Status` body are ours to read. Credentials never leave this function.
 */
export async function kubeFetch(kc: KubeConfig, req: KubeRequest): Promise<Response> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeApiError(0, "NoCluster", "the kubeconfig has no current cluster");
  const url = new URL(cluster.server.replace(/\/$/, "") + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  const extra = req.headers ?? [];
  const lines: HeaderLine[] = [...Object.entries(ctx.getHeaders()), ...(extra.some(([n]) => n.toLowerCase() === "accept") ? [] : [["accept", "application/json"] as const]), ...(req.contentType ? [["content-type", req.contentType] as const] : []), ...extra];
  let res;
  try {
    res = await request(url, { method: req.method ?? "GET", headers: lines.flat(), body: req.body, dispatcher: ctx.getDispatcher() as Dispatcher | undefined, signal: req.signal });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    const e = err as Error & { code?: string; cause?: { code?: string } };
    throw new KubeApiError(0, "Unreachable", `${cluster.server} is unreachable: ${e.code ?? e.cause?.code ?? e.message}`);
  }
  const response = asResponse(res);
  if (response.ok) return response;
  throw await errorFrom(response);
}

function asResponse(res: Dispatcher.ResponseData): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
  const empty = res.statusCode === 204 || res.statusCode === 304;
  if (empty) res.body.resume();
  return new Response(empty ? null : (Readable.toWeb(res.body) as ReadableStream<Uint8Array>), { status: res.statusCode, headers });
}

/** GETs JSON from the API server. */
export async function kubeJson<T>(kc: KubeConfig, req: KubeRequest): Promise<T> {
  const res = await kubeFetch(kc, req);
  return (await res.json()) as T;
}

async function errorFrom(res: Response): Promise<KubeApiError> {
  const retryAfter = res.headers.get("retry-after");
  const retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : null;
  const text = await res.text().catch(() => "");
  let status: { reason?: string; message?: string; details?: { causes?: KubeApiError["causes"] } } = {};
  try {
    status = JSON.parse(text) as typeof status;
  } catch {
    status = { message: text.slice(0, 200) };
  }
  return new KubeApiError(res.status, status.reason ?? (res.statusText || "Error"), status.message || `HTTP ${res.status}`, status.details?.causes ?? [], retryAfterMs);
}

/** Errors a retry cannot fix (DESIGN.md: never retry 400, 403, 404 or 422 — show them). */
export function isPermanent(err: unknown): boolean {
  return err instanceof KubeApiError && [400, 401, 403, 404, 422].includes(err.status);
}
