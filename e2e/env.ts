import path from "node:path";

/** Port of the production server the end-to-end tests start (MESHPANE_E2E_PORT moves it; the next two ports follow). */
export const E2E_PORT = Number(process.env.MESHPANE_E2E_PORT ?? 3100);
/** The tests edit files on disk, so they serve a copy of the demo, never the checked-in one. */
export const E2E_ROOT = path.resolve(".e2e-data");
export const E2E_DEMO = path.join(E2E_ROOT, "bookinfo-multicluster");
