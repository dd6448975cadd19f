import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AuthProvidersView } from "@/lib/views/auth";
import { ApiResponseError, fetchJson } from "../fetch-json";

/** `GET /api/v1/auth/providers`: demo users and whether OpenID Connect sign-in is configured. */
export const providersQuery = queryOptions({ queryKey: ["auth-providers"], queryFn: () => fetchJson<AuthProvidersView>("/api/v1/auth/providers"), staleTime: Infinity });

export function useProviders() {
  return useQuery(providersQuery);
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (json ?? {}) as { code?: string; message?: string };
    throw new ApiResponseError(res.status, e.code ?? "Error", e.message ?? `request failed with status ${res.status}`);
  }
  return json as T;
}

/** `POST /api/v1/auth/demo`: signs in as a demo user; answers where to go next. */
export const signInDemo = (user: string, next: string) => post<{ user: string; next: string }>("/api/v1/auth/demo", { user, next });

/** `POST /api/v1/auth/logout`: ends the session. */
export const signOut = () => post<{ signedOut: true }>("/api/v1/auth/logout", {});

/** Where OpenID Connect sign-in starts (a full-page navigation to the provider). */
export const oidcLoginUrl = (next: string) => `/api/v1/auth/oidc/login?next=${encodeURIComponent(next)}`;
