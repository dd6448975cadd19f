import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import { kubeJson } from "./http";

interface AccessReview {
  status?: { allowed?: boolean; reason?: string };
}

interface RulesReview {
  status?: { resourceRules?: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[] };
}

/** How long a check holds before the next write-path question asks the cluster again (RBAC changes). */
export const IMPERSONATION_RECHECK_MS = 60_000;

const IMPERSONATED = ["users", "groups"] as const;

/**
 * Why Meshpane's own credentials may not write to this cluster on a user's behalf, or null when they may.
 * Writes run as the signed-in user (Impersonate-User and one Impersonate-Group per group), so a cluster
 * whose RBAC does not grant Meshpane `impersonate` on users and groups would refuse every write: it is
 * shown read-only with this reason instead. Asked with SelfSubjectAccessReviews, which every
 * authenticated client may create. A grant limited to named users or groups (`resourceNames`) answers
 * "no" to that unnamed question, so a denial is checked against a SelfSubjectRulesReview: with a
 * named grant the cluster stays writable and refuses, itself, the writes of anyone it does not name.
 * If a review fails the answer is null: the cluster still has the last word on each write.
 */
export async function impersonationRefusal(kc: KubeConfig, signal?: AbortSignal): Promise<string | null> {
  const missing: string[] = [];
  try {
    for (const resource of IMPERSONATED) if (!(await mayImpersonateAny(kc, resource, signal))) missing.push(resource);
    if (missing.length > 0) {
      const named = await namedImpersonation(kc, signal);
      if (missing.every((r) => named.has(r))) return null;
    }
  } catch {
    return null;
  }
  if (missing.length === 0) return null;
  return `Meshpane's credentials may not impersonate ${missing.join(" or ")} here, and every write runs as the signed-in user; grant Meshpane's account the verb impersonate on users and groups (deploy/clusterrole.yaml) to enable writes`;
}

async function mayImpersonateAny(kc: KubeConfig, resource: string, signal?: AbortSignal): Promise<boolean> {
  const review = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb: "impersonate", resource } } };
  const res = await kubeJson<AccessReview>(kc, { method: "POST", path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: JSON.stringify(review), contentType: "application/json", signal });
  return res.status?.allowed === true;
}

/** The impersonated resources (users, groups) Meshpane may impersonate by name only. Cluster-wide rules show in any namespace's review. */
async function namedImpersonation(kc: KubeConfig, signal?: AbortSignal): Promise<Set<string>> {
  const review = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: { namespace: "default" } };
  const res = await kubeJson<RulesReview>(kc, { method: "POST", path: "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", body: JSON.stringify(review), contentType: "application/json", signal });
  const named = new Set<string>();
  for (const rule of res.status?.resourceRules ?? []) {
    const verb = rule.verbs.includes("impersonate") || rule.verbs.includes("*");
    const coreGroup = (rule.apiGroups ?? []).some((g) => g === "" || g === "*");
    if (!verb || !coreGroup || !rule.resourceNames?.length) continue;
    for (const resource of IMPERSONATED) if (rule.resources?.some((r) => r === resource || r === "*")) named.add(resource);
  }
  return named;
}
