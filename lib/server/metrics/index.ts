import "server-only";
import { getMeshStore } from "../store";
import { registerMeshMetrics } from "./mesh";
import { metrics } from "./registry";

export { auditWrites, metrics, timeTranslation } from "./registry";

const holder = globalThis as typeof globalThis & { __meshpaneMeshMetrics?: boolean };

/** The Prometheus text exposition of every metric, and its content type. */
export async function prometheusText(): Promise<{ text: string; contentType: string }> {
  const { registry } = metrics();
  if (!holder.__meshpaneMeshMetrics) {
    holder.__meshpaneMeshMetrics = true;
    registerMeshMetrics(registry, getMeshStore);
  }
  return { text: await registry.metrics(), contentType: registry.contentType };
}
