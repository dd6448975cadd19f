import path from "node:path";
import { E2E_PORT } from "./env";
/** Port of the Meshpane server whose clusters are real API servers (see e2e/serve-kube.ts). */
export const KUBE_E2E_PORT = E2E_PORT + 1;
/** Plain-HTTP switchboard of that setup: POST /fault {cluster, fault}. */
export const KUBE_E2E_CONTROL = E2E_PORT + 2;
/** Folder of that setup (logs, canaries, the admin's signed-in state). */
export const KUBE_E2E_ROOT = path.resolve(".e2e-kube");
export const KUBE_ADMIN_STATE = path.join(KUBE_E2E_ROOT, "admin.state.json");
