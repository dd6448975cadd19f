import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import { kubeJson } from "./http";

interface AccessReview {
  status?: { allowed?: boolean; reason?: string };
}

/** How long a check holds before the next write-path question asks the cluster again (RBAC changes). */
export const IMPERSONATION_RECHECK_MS = 60_000;

/**
 * Why Meshpane's own credentials may not write to this cluster on a user's behalf, or null when they may.
 * Writes run as the signed-in user (Impersonate-User and one Impersonate-Group per group), so a cluster
 * whose RBAC does not grant Meshpane `impersonate` on users and groups would refuse every write: it is
 * shown read-only with this reason instead. Asked with SelfSubjectAccessReviews, which every
 * authenticated client may create. If the review itself fails the answer is null: the cluster still has
 * the last word on each write.
 */
export async function impersonationRefusal(kc: KubeConfig, signal?: AbortSignal): Promise<string | null> {
  const missing: string[] = [];
  for (const resource of ["users", "groups"]) {
    const review = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb: "impersonate", resource } } };
    try {
      const res = await kubeJson<AccessReview>(kc, { method: "POST", path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: JSON.stringify(review), contentType: "application/json", signal });
      if (!res.status?.allowed) missing.push(resource);
    } catch {
      return null;
    }
  }
  if (missing.length === 0) return null;
  return `Meshpane's credentials may not impersonate ${missing.join(" or ")} here, and every write runs as the signed-in user; grant Meshpane's account the verb impersonate on users and groups (deploy/clusterrole.yaml) to enable writes`;
}
