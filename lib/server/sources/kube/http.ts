import "server-only";
import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { fetch, type Dispatcher } from "undici";

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
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One request to the cluster's API server. client-node supplies the URL, TLS and credentials from the
 * kubeconfig (or the in-cluster service account); the request itself goes through undici so streams,
 * `Retry-After` and the `Status` body are ours to read. Credentials never leave this function.
 */
export async function kubeFetch(kc: KubeConfig, req: KubeRequest): Promise<Response> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeApiError(0, "NoCluster", "the kubeconfig has no current cluster");
  const url = new URL(cluster.server.replace(/\/$/, "") + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  const headers: Record<string, string> = { ...ctx.getHeaders(), accept: "application/json", ...req.headers };
  if (req.contentType) headers["content-type"] = req.contentType;
  let res;
  try {
    res = await fetch(url, { method: req.method ?? "GET", headers, body: req.body, dispatcher: ctx.getDispatcher() as Dispatcher | undefined, signal: req.signal });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new KubeApiError(0, "Unreachable", `${cluster.server} is unreachable: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  if (res.ok) return res as unknown as Response;
  throw await errorFrom(res as unknown as Response);
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
