import { E2E_PORT } from "./env";
/** Port of the Meshpane server whose clusters are real API servers (see e2e/serve-kube.ts). */
export const KUBE_E2E_PORT = E2E_PORT + 1;
/** Plain-HTTP switchboard of that setup: POST /fault {cluster, fault}. */
export const KUBE_E2E_CONTROL = E2E_PORT + 2;
