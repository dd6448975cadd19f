import { queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { AuthProvidersView, MeView } from "@/lib/views/auth";
import { fetchJson, sendJson } from "../fetch-json";

/** `GET /api/v1/auth/providers`: demo users and whether OpenID Connect sign-in is configured. */
export const providersQuery = queryOptions({ queryKey: ["auth-providers"], queryFn: () => fetchJson<AuthProvidersView>("/api/v1/auth/providers"), staleTime: Infinity });

export function useProviders() {
  return useQuery(providersQuery);
}

/** `GET /api/v1/auth/me`: the signed-in user and their roles. */
export const meQuery = queryOptions({ queryKey: ["auth-me"], queryFn: () => fetchJson<MeView>("/api/v1/auth/me"), staleTime: 60_000 });

export function useMe() {
  return useQuery(meQuery);
}

const post = <T,>(path: string, body: unknown) => sendJson<T>("POST", path, body);

/** `POST /api/v1/auth/demo`: signs in as a demo user; answers where to go next. */
export const signInDemo = (user: string, next: string) => post<{ user: string; next: string }>("/api/v1/auth/demo", { user, next });

/** `POST /api/v1/auth/logout`: ends the session. */
export const signOut = () => post<{ signedOut: true }>("/api/v1/auth/logout", {});

/** Where OpenID Connect sign-in starts (a full-page navigation to the provider). */
export const oidcLoginUrl = (next: string) => `/api/v1/auth/oidc/login?next=${encodeURIComponent(next)}`;
