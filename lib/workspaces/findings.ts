import type { FindingOf, Severity } from "../snapshot/finding";
import { compareRefs, type ObjectRef } from "../snapshot/ref";
import { cmp } from "./kinds";

export type { Severity } from "../snapshot/finding";

/**
 * Every finding code workspace resolution and policy attachment emit, with its default severity and one
 * line saying what it means. Codes are stable: the UI, tests and users key on them.
 */
export const FINDING_CODES = {
  WS_DUPLICATE_NAME: { severity: "error", summary: "Two Workspace objects share one name; the first (by cluster, namespace) is used." },
  WS_CLUSTER_NO_NAMESPACES: { severity: "error", summary: "A workloadClusters entry lists no namespaces (an error in Gloo); it selects nothing." },
  WS_CONFIG_ENABLED_INCONSISTENT: { severity: "error", summary: "configEnabled is set on some sibling entries but not all; the unset ones count as false." },
  WS_ENTRY_UNMATCHED: { severity: "info", summary: "A workloadClusters entry selects no namespace in any registered cluster." },
  WS_NAMESPACE_OVERLAP: { severity: "error", summary: "A namespace is claimed by two or more workspaces; Meshpane assigns it to none of them." },
  WS_SETTINGS_MISSING: { severity: "warning", summary: "A workspace has no WorkspaceSettings in its config-enabled namespaces (no imports or exports)." },
  WS_SETTINGS_DUPLICATE: { severity: "error", summary: "A workspace has more than one WorkspaceSettings; the oldest is used." },
  WS_SETTINGS_OUTSIDE: { severity: "warning", summary: "A WorkspaceSettings sits outside every workspace's config-enabled namespaces; Gloo ignores it." },
  WS_GLOBAL_IMPORT_EXPORT: { severity: "info", summary: "The global WorkspaceSettings sets importFrom/exportTo, which Meshpane does not apply to workspaces." },
  WS_CONFIG_NOT_ENABLED: { severity: "warning", summary: "A Gloo config object sits in a workspace namespace that is not config-enabled; Gloo ignores it." },
  WS_OBJECT_UNOWNED: { severity: "warning", summary: "A Gloo config object sits in a namespace no single workspace owns; Gloo ignores it." },
  WS_EXPORT_UNUSED: { severity: "warning", summary: "An exportTo entry lets nothing through: no selected workspace imports a matching object." },
  WS_IMPORT_EMPTY: { severity: "warning", summary: "An importFrom entry brings nothing: no selected workspace exports a matching object to it." },
  POLICY_SELECTS_NOTHING: { severity: "warning", summary: "A policy's selectors match no route, destination or workload of its workspace." },
  POLICY_CONFLICT: { severity: "warning", summary: "Two policies of a one-per-target kind select the same target; the oldest wins, the other is skipped there." },
  POLICY_SELECTOR_IGNORED: { severity: "info", summary: "A policy sets a selector Gloo ignores (AccessPolicy applyToDestinations beside applyToWorkloads)." },
  POLICY_TARGET_KIND_UNSUPPORTED: { severity: "warning", summary: "A policy selects a destination kind it does not support (e.g. OutlierDetectionPolicy on a Service)." },
  ROUTE_DESTINATION_NOT_VISIBLE: { severity: "error", summary: "A route forwards to a destination its workspace neither owns nor imports." },
  ROUTE_DESTINATION_NOT_FOUND: { severity: "error", summary: "A route forwards to a destination that does not exist in the snapshot." },
  ROUTE_DELEGATE_UNMATCHED: { severity: "warning", summary: "A delegating route selects no route table visible to its workspace." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** A stable finding code. */
export type FindingCode = keyof typeof FINDING_CODES;

/** A semantic finding about workspaces or policies, with the workspaces concerned (for per-workspace lookups and scope filtering). */
export interface Finding extends FindingOf<FindingCode> {
  workspaces: string[];
}

/** Builds a finding with the code's default severity unless one is given. */
export function makeFinding(
  code: FindingCode,
  message: string,
  objects: readonly ObjectRef[],
  field: string,
  workspaces: readonly string[],
  severity: Severity = FINDING_CODES[code].severity,
): Finding {
  return { code, severity, message, objects: [...objects], field, workspaces: [...new Set(workspaces)].sort() };
}

/** Stable order: first object (kind, namespace, name, cluster), then code, field and message. */
export function sortFindings(list: Finding[]): Finding[] {
  return list.sort((a, b) => {
    const ao = a.objects[0];
    const bo = b.objects[0];
    const byObject = ao && bo ? compareRefs(ao, bo) : ao ? -1 : bo ? 1 : 0;
    return byObject || cmp(a.code, b.code) || cmp(a.field, b.field) || cmp(a.message, b.message);
  });
}

/** Groups findings by each workspace they concern. */
export function indexFindingsByWorkspace(list: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of list) {
    for (const ws of f.workspaces) {
      const bucket = out.get(ws);
      if (bucket) bucket.push(f);
      else out.set(ws, [f]);
    }
  }
  return out;
}

/** `Kind namespace/name` (plus ` in <cluster>`), the way messages name an object. */
export function describeRef(ref: ObjectRef, withCluster = true): string {
  const ns = ref.namespace ? `${ref.namespace}/` : "";
  return `${ref.kind} ${ns}${ref.name}${withCluster ? ` (cluster ${ref.cluster})` : ""}`;
}
