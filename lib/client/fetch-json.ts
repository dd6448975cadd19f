/** An error answered by Meshpane's API: `{code, message, fields?}` with the HTTP status. */
export class ApiResponseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; reason: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** GETs a Meshpane API path and parses the JSON answer; errors become ApiResponseError. */
export async function fetchJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  const qs = search.toString();
  return answer<T>(await fetch(qs ? `${path}?${qs}` : path, { headers: { accept: "application/json" } }));
}

/** Sends a JSON body (POST, PUT, DELETE) to a Meshpane API path; errors become ApiResponseError with their `fields`. */
export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return answer<T>(await fetch(path, init));
}

async function answer<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  // The session ended (expired or signed out in another tab): sign in again and come back.
  if (res.status === 401 && typeof window !== "undefined" && window.location.pathname !== "/login") {
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string; fields?: ApiResponseError["fields"] };
    throw new ApiResponseError(res.status, e.code ?? "Error", e.message ?? `request failed with status ${res.status}`, e.fields);
  }
  return body as T;
}

/** The list envelope every list endpoint answers. */
export interface ListEnvelope<T> {
  items: T[];
  continue?: string;
  total: number;
}
