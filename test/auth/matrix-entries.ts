// One entry per route file (path from the repository root): the requests to make and the status each
// caller must get. Adding a route means adding one line here; the matrix test fails until you do.

export const WHO = ["anonymous", "viewer", "editor", "admin", "other"] as const;
/** viewer = reviewer and editor = bookinfo-dev (bookinfo-frontends), admin = platform admin, other = editor of web-team. */
export type Who = (typeof WHO)[number];

export interface Case {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
  params?: Record<string, string>;
  expect: Record<Who, number>;
  /** Public text naming the demo's teams: skip the check that nothing of another team shows. */
  skipLeakCheck?: true;
  /** The request ends the caller's session (the test signs everyone in again afterwards). */
  endsSession?: true;
}

const status = (anonymous: number, viewer: number, editor: number, admin: number, other: number): Record<Who, number> => ({ anonymous, viewer, editor, admin, other });
/** Any signed-in caller; what they get back is filtered to their scope. */
const READ = status(401, 200, 200, 200, 200);
/** Public sign-in endpoints. */
const PUBLIC = status(200, 200, 200, 200, 200);
/** Writes to bookinfo-frontends: its editor and platform admins. */
const WRITE_FRONTENDS = status(401, 403, 200, 200, 403);
/** Another team's object: absent for bookinfo-frontends members, there for admins and its own team. */
const WEB_TEAMS = status(401, 404, 404, 200, 200);

/** A made-up id: answers 404 to everyone signed in (drafts are per owner). */
const NO_DRAFT = "00000000-0000-4000-8000-000000000000";
const SIGNED_IN_404 = status(401, 404, 404, 404, 404);
/** A body the route rejects: 400 once signed in, 401 before (sign-in is checked first). */
const SIGNED_IN_400 = status(401, 400, 400, 400, 400);

const get = (url: string, expect = READ, params?: Record<string, string>): Case => ({ method: "GET", url, expect, ...(params ? { params } : {}) });
const post = (url: string, body: unknown, expect = READ, params?: Record<string, string>): Case => ({ method: "POST", url, body, expect, ...(params ? { params } : {}) });

export const MATRIX: Record<string, Case[]> = {
  "app/api/v1/auth/providers/route.ts": [{ ...get("/api/v1/auth/providers", PUBLIC), skipLeakCheck: true }],
  "app/api/v1/auth/demo/route.ts": [post("/api/v1/auth/demo", { user: "nobody" }, status(400, 400, 400, 400, 400))],
  "app/api/v1/auth/me/route.ts": [get("/api/v1/auth/me")],
  "app/api/v1/auth/check/route.ts": [
    post("/api/v1/auth/check", { action: "write", workspaces: ["bookinfo-frontends"] }, WRITE_FRONTENDS),
    post("/api/v1/auth/check", { action: "force", workspaces: [] }, status(401, 403, 403, 200, 403)),
  ],
  "app/api/v1/auth/oidc/login/route.ts": [get("/api/v1/auth/oidc/login", status(404, 404, 404, 404, 404))],
  "app/api/v1/auth/oidc/callback/route.ts": [get("/api/v1/auth/oidc/callback?code=x&state=y", status(404, 404, 404, 404, 404))],
  "app/api/v1/auth/logout/route.ts": [{ method: "POST", url: "/api/v1/auth/logout", expect: PUBLIC, endsSession: true }],
  "app/api/v1/catalogue/route.ts": [get("/api/v1/catalogue")],
  "app/api/v1/clusters/route.ts": [get("/api/v1/clusters")],
  "app/api/v1/meshes/route.ts": [get("/api/v1/meshes")],
  "app/api/v1/events/route.ts": [get("/api/v1/events")],
  "app/api/v1/translation-notes/route.ts": [get("/api/v1/translation-notes")],
  "app/api/v1/workloads/route.ts": [get("/api/v1/workloads")],
  "app/api/v1/destinations/route.ts": [get("/api/v1/destinations"), get("/api/v1/destinations?namespace=web-portal")],
  "app/api/v1/diagnostics/route.ts": [get("/api/v1/diagnostics")],
  "app/api/v1/drift/route.ts": [get("/api/v1/drift")],
  "app/api/v1/gateway-findings/route.ts": [get("/api/v1/gateway-findings")],
  "app/api/v1/gateways/route.ts": [get("/api/v1/gateways")],
  "app/api/v1/gateways/[cluster]/[namespace]/[name]/route.ts": [get("/api/v1/gateways/cluster-1/web-portal/x", status(401, 404, 404, 404, 404), { cluster: "cluster-1", namespace: "web-portal", name: "x" })],
  "app/api/v1/graph/route.ts": [get("/api/v1/graph?view=workspaces"), get("/api/v1/graph?view=workspace&name=web-team", WEB_TEAMS)],
  "app/api/v1/objects/route.ts": [
    get("/api/v1/objects?kind=Service"),
    get("/api/v1/objects?kind=Namespace&cluster=cluster-1&name=web-portal", status(401, 404, 404, 200, 404)),
  ],
  "app/api/v1/policies/route.ts": [get("/api/v1/policies")],
  "app/api/v1/trace/route.ts": [post("/api/v1/trace", { host: "www.example.com", path: "/" }, status(401, 404, 404, 200, 404))],
  "app/api/v1/translation/route.ts": [get("/api/v1/translation")],
  "app/api/v1/translation/preview/route.ts": [post("/api/v1/translation/preview", { added: [], changed: [], deleted: [] })],
  "app/api/v1/upstreams/route.ts": [get("/api/v1/upstreams")],
  "app/api/v1/workspaces/route.ts": [get("/api/v1/workspaces")],
  "app/api/v1/workspaces/[name]/route.ts": [get("/api/v1/workspaces/web-team", WEB_TEAMS, { name: "web-team" }), get("/api/v1/workspaces/bookinfo-frontends", status(401, 200, 200, 200, 404), { name: "bookinfo-frontends" })],
  // Drafts belong to their owner: anyone signed in keeps their own; another's id answers 404.
  "app/api/v1/drafts/route.ts": [get("/api/v1/drafts"), post("/api/v1/drafts", { items: "none" }, SIGNED_IN_400)],
  "app/api/v1/drafts/[id]/route.ts": [
    get(`/api/v1/drafts/${NO_DRAFT}`, SIGNED_IN_404, { id: NO_DRAFT }),
    { method: "PUT", url: `/api/v1/drafts/${NO_DRAFT}`, body: { revision: 1, items: [] }, params: { id: NO_DRAFT }, expect: SIGNED_IN_400 },
    { method: "DELETE", url: `/api/v1/drafts/${NO_DRAFT}`, params: { id: NO_DRAFT }, expect: SIGNED_IN_404 },
  ],
  "app/api/v1/drafts/[id]/preview/route.ts": [post(`/api/v1/drafts/${NO_DRAFT}/preview`, { contentHash: "0".repeat(64) }, SIGNED_IN_404, { id: NO_DRAFT })],
  "app/api/v1/drafts/[id]/apply/route.ts": [post(`/api/v1/drafts/${NO_DRAFT}/apply`, { contentHash: "0".repeat(64) }, SIGNED_IN_404, { id: NO_DRAFT })],
  "app/api/v1/drafts/[id]/rebase/route.ts": [post(`/api/v1/drafts/${NO_DRAFT}/rebase`, { index: 0 }, SIGNED_IN_404, { id: NO_DRAFT })],
  "app/api/v1/blast-radius/route.ts": [post("/api/v1/blast-radius", { cluster: "mgmt", yaml: "kind: RetryTimeoutPolicy\n" })],
  "app/api/v1/audit/route.ts": [get("/api/v1/audit")],
  // Probes and metrics: public (no session), nothing of any team in them.
  "app/healthz/route.ts": [get("/healthz", PUBLIC)],
  "app/readyz/route.ts": [get("/readyz", PUBLIC)],
  "app/metrics/route.ts": [get("/metrics", PUBLIC)],
};
