import path from "node:path";

/** Port of the production server the end-to-end tests start (MESHPANE_E2E_PORT moves it; the next two ports follow). */
export const E2E_PORT = Number(process.env.MESHPANE_E2E_PORT ?? 3100);
/** The tests edit files on disk, so they serve a copy of the demo, never the checked-in one. */
export const E2E_ROOT = path.resolve(".e2e-data");
export const E2E_DEMO = path.join(E2E_ROOT, "bookinfo-multicluster");
/** Everything the server printed, scanned by e2e/auth.spec.ts for canary secrets. */
export const E2E_LOG = path.join(E2E_ROOT, "server.log");
/** A signed-in platform admin (written by e2e/auth.setup.ts) that the other specs start from. */
export const ADMIN_STATE = path.join(E2E_ROOT, "admin.state.json");
/** Canary secrets: they must never show up in a response body or a log line. */
export const CANARY_OIDC_SECRET = "canary-oidc-client-secret-5f1b9e";
