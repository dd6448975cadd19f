/**
 * API groups Meshpane writes through drafts: the Gloo Platform, Gloo Mesh v1, Gateway API, Gloo Gateway,
 * kgateway and Gloo Edge configuration. Not core or apps objects (Meshpane is not a deployment tool),
 * not Istio (Gloo writes those; an edit would only be drift) and not Gloo's discovery outputs.
 * The install's ClusterRole grants write verbs on exactly these groups (test/deploy/rbac.ts).
 */
export const WRITABLE_GROUPS = [
  "admin.gloo.solo.io",
  "enterprise.gloo.solo.io",
  "gateway.gloo.solo.io",
  "gateway.kgateway.dev",
  "gateway.networking.k8s.io",
  "gateway.solo.io",
  "gloo.solo.io",
  "networking.gloo.solo.io",
  "networking.mesh.gloo.solo.io",
  "ratelimit.solo.io",
  "resilience.policy.gloo.solo.io",
  "security.policy.gloo.solo.io",
  "trafficcontrol.policy.gloo.solo.io",
] as const;

/** Whether drafts may write objects of this API group. */
export function isWritableGroup(group: string): boolean {
  return (WRITABLE_GROUPS as readonly string[]).includes(group);
}
