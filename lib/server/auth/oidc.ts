import "server-only";
import fs from "node:fs";
import * as client from "openid-client";
import { ApiError } from "../api/errors";
import type { OidcConfig } from "../config";
import { COOKIE_ATTRIBUTES } from "./session";
import { groupsFromClaim } from "./roles";
import type { Identity } from "./session";

/** Short-lived cookie carrying state, nonce and the PKCE verifier from login to callback. */
export const OIDC_STATE_COOKIE = "__Host-meshpane-oidc";
const STATE_SECONDS = 600;

interface LoginState {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's discovered configuration, fetched once per issuer (a failure is retried next time). */
function configuration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    // Plain http only to a provider on this machine (tests, local development); anything else must be https.
    const loopback = issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
    found = client.discovery(issuer, oidc.clientId, readSecret(oidc), undefined, loopback ? { execute: [client.allowInsecureRequests] } : undefined).catch((err: unknown) => {
      discovered.delete(key);
      throw new ApiError(502, "BadGateway", `auth.oidc.issuer: the OpenID provider at ${oidc.issuer} must answer its discovery document; it did not (${(err as Error).message})`);
    });
    discovered.set(key, found);
  }
  return found;
}

function readSecret(oidc: OidcConfig): string | undefined {
  const s = oidc.clientSecret;
  if (!s) return undefined;
  if ("env" in s) {
    const value = process.env[s.env];
    if (!value) throw new ApiError(500, "ConfigError", `auth.oidc.clientSecretEnv: environment variable ${s.env} must be set`);
    return value;
  }
  return fs.readFileSync(s.file, "utf8").trim();
}

/** Starts the authorization code flow with PKCE: the provider URL and the state cookie to set. */
export async function beginLogin(oidc: OidcConfig, next: string): Promise<{ url: URL; cookie: string }> {
  const config = await configuration(oidc);
  const login: LoginState = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: (oidc.scopes ?? ["openid", "profile", "email", oidc.groupsClaim === "groups" ? "groups" : ""]).filter(Boolean).join(" "),
    code_challenge: await client.calculatePKCECodeChallenge(login.verifier),
    code_challenge_method: "S256",
    state: login.state,
    nonce: login.nonce,
  });
  const cookie = `${OIDC_STATE_COOKIE}=${Buffer.from(JSON.stringify(login)).toString("base64url")}; ${COOKIE_ATTRIBUTES}; Max-Age=${STATE_SECONDS}`;
  return { url, cookie };
}

/** Finishes the flow: checks state, nonce and PKCE, exchanges the code, and reads the identity from the ID token. */
export async function finishLogin(oidc: OidcConfig, callbackSearch: string, stateCookie: string | undefined): Promise<{ identity: Identity; next: string }> {
  const login = parseState(stateCookie);
  const config = await configuration(oidc);
  const current = new URL(oidc.redirectUri);
  current.search = callbackSearch;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.verifier, expectedState: login.state, expectedNonce: login.nonce, idTokenExpected: true });
  } catch (err) {
    throw new ApiError(401, "Unauthorized", `sign-in failed: ${(err as Error).message}`);
  }
  const claims = tokens.claims();
  if (!claims) throw new ApiError(401, "Unauthorized", "sign-in failed: the provider returned no ID token");
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const email = str(claims.email);
  const identity: Identity = {
    subject: `${claims.iss}|${claims.sub}`,
    name: str(claims.preferred_username) ?? str(claims.name) ?? email ?? claims.sub,
    ...(email ? { email } : {}),
    groups: groupsFromClaim(claims[oidc.groupsClaim]),
  };
  return { identity, next: login.next };
}

function parseState(cookie: string | undefined): LoginState {
  try {
    const v = JSON.parse(Buffer.from(cookie ?? "", "base64url").toString("utf8")) as Partial<LoginState>;
    if (typeof v.state === "string" && typeof v.nonce === "string" && typeof v.verifier === "string" && typeof v.next === "string") return v as LoginState;
  } catch {
    // fall through
  }
  throw new ApiError(400, "BadRequest", "sign-in failed: the sign-in attempt expired or was started in another browser; start again at /login");
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
