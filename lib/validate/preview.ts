import { discover as realDiscover } from "../discovery";
import type { Discovery } from "../discovery/types";
import { buildGatewayModel, gatewayFindings, type Finding as GatewayFinding } from "../gateways";
import { structuredDiff, type DiffEntry } from "../diff";
import type { KubeObject } from "../model/meta";
import { attachPolicies as realAttach } from "../policies";
import type { AttachmentIndex } from "../policies/types";
import { compareRefs, refKey, refOf, type ObjectRef } from "../snapshot/ref";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../snapshot/snapshot";
import { translate as realTranslate } from "../translate";
import type { TranslateContext, Translation, TranslationOutput } from "../translate/types";
import { resolveWorkspaces as realResolve } from "../workspaces";
import type { WorkspaceIndex } from "../workspaces/types";
import type { Diagnostic, ValidateContext } from "./types";
import { GATEWAY_CODE_MAP } from "./gateway-codes";
import { validate as realValidate } from "./validate";

/**
 * Preview of a change before it is applied (DESIGN "Preview"): build the snapshot as it would be, rerun
 * discovery, workspaces, attachment, translation and validation, and diff both results — Istio outputs
 * per cluster and namespace (with a structured diff for changed ones) and diagnostics.
 */

/** An object with the cluster it is written to. */
export interface ClusterObject {
  cluster: string;
  object: KubeObject;
}

/** The change: objects added, changed (same identity, new content) and deleted. */
export interface Change {
  added: ClusterObject[];
  changed: ClusterObject[];
  deleted: ClusterObject[];
}

/** The pipeline stages, injectable so callers can reuse cached results or test with stubs. */
export interface ContextBuilders {
  discover(snapshot: Snapshot): Discovery;
  resolveWorkspaces(snapshot: Snapshot): WorkspaceIndex;
  attachPolicies(index: WorkspaceIndex, workloads: Discovery["workloads"]): AttachmentIndex;
  translate(snapshot: Snapshot, ctx: TranslateContext): Translation;
  validate(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[];
  /** The gateway analysis's findings (the server adds the OpenAPI documents its sources hold). */
  gatewayFindings(snapshot: Snapshot): readonly GatewayFinding[];
}

/** The real stages. */
export const DEFAULT_BUILDERS: ContextBuilders = {
  discover: realDiscover, resolveWorkspaces: (s) => realResolve(s), attachPolicies: realAttach, translate: realTranslate, validate: realValidate,
  gatewayFindings: (s) => gatewayFindings(buildGatewayModel(s)),
};

/** One Istio output that appears or disappears. */
export interface OutputDelta {
  cluster: string;
  namespace: string;
  ref: ObjectRef;
  output: TranslationOutput;
}

/** One Istio output whose content changes. */
export interface OutputChange {
  cluster: string;
  namespace: string;
  ref: ObjectRef;
  diff: DiffEntry[];
}

/** Counts per (cluster, namespace), for the summary the UI shows first. */
export interface NamespaceSummary {
  cluster: string;
  namespace: string;
  added: number;
  removed: number;
  changed: number;
}

/** What a change does to translation and validation. */
export interface PreviewResult {
  outputsAdded: OutputDelta[];
  outputsRemoved: OutputDelta[];
  outputsChanged: OutputChange[];
  diagnosticsAdded: Diagnostic[];
  diagnosticsRemoved: Diagnostic[];
  byNamespace: NamespaceSummary[];
}

/** Everything the pipeline derives from one snapshot. */
export interface Evaluation {
  snapshot: Snapshot;
  translation: Translation;
  diagnostics: Diagnostic[];
}

/** Runs the whole pipeline on a snapshot. */
export function evaluate(snapshot: Snapshot, b: ContextBuilders = DEFAULT_BUILDERS): Evaluation {
  const discovery = b.discover(snapshot);
  const workspaces = b.resolveWorkspaces(snapshot);
  const attachment = b.attachPolicies(workspaces, discovery.workloads);
  const translation = b.translate(snapshot, { workspaces, attachment, discovery });
  return { snapshot, translation, diagnostics: b.validate(snapshot, { workspaces, attachment, discovery, translation, gatewayFindings: b.gatewayFindings(snapshot) }) };
}

/** The snapshot after a change (version + 1); objects are matched by cluster, group-kind, namespace and name. */
export function applyChange(snapshot: Snapshot, change: Change): Snapshot {
  const remove = new Set([...change.changed, ...change.deleted].map((c) => refKey(refOf(c.cluster, c.object))));
  const byCluster = new Map<string, KubeObject[]>();
  const management = new Map(snapshot.clusters.map((c) => [c.name, c.management] as const));
  for (const c of snapshot.clusters) byCluster.set(c.name, [...c.byKind.values()].flat().filter((o) => !remove.has(refKey(refOf(c.name, o)))));
  for (const c of [...change.changed, ...change.added]) byCluster.set(c.cluster, [...(byCluster.get(c.cluster) ?? []).filter((o) => refKey(refOf(c.cluster, o)) !== refKey(refOf(c.cluster, c.object))), c.object]);
  return buildSnapshot(snapshot.version + 1, [...byCluster].map(([name, objects]) => buildSnapshotCluster(name, management.get(name) ?? false, objects)));
}

/** Previews a change: reruns the pipeline on the changed snapshot and diffs outputs and diagnostics. */
export function previewChange(snapshot: Snapshot, change: Change, builders: ContextBuilders = DEFAULT_BUILDERS, before?: Evaluation): PreviewResult {
  const base = before ?? evaluate(snapshot, builders);
  const after = evaluate(applyChange(snapshot, change), builders);
  return diffEvaluations(base, after);
}

const outputKey = (o: TranslationOutput) => refKey(refOf(o.cluster, o.object));
const diagnosticKey = (x: Diagnostic) => `${x.code}|${x.field}|${x.message}|${x.objects.map(refKey).join(",")}`;

/** The difference between two evaluations. */
export function diffEvaluations(before: Evaluation, after: Evaluation): PreviewResult {
  const old = new Map(before.translation.outputs.map((o) => [outputKey(o), o] as const));
  const cur = new Map(after.translation.outputs.map((o) => [outputKey(o), o] as const));
  const delta = (o: TranslationOutput): OutputDelta => ({ cluster: o.cluster, namespace: o.object.metadata.namespace ?? "", ref: refOf(o.cluster, o.object), output: o });
  const outputsAdded = [...cur].filter(([k]) => !old.has(k)).map(([, o]) => delta(o));
  const outputsRemoved = [...old].filter(([k]) => !cur.has(k)).map(([, o]) => delta(o));
  const outputsChanged: OutputChange[] = [];
  for (const [k, o] of cur) {
    const prev = old.get(k);
    if (!prev) continue;
    const diff = structuredDiff(prev.object, o.object);
    if (diff.length > 0) outputsChanged.push({ cluster: o.cluster, namespace: o.object.metadata.namespace ?? "", ref: refOf(o.cluster, o.object), diff });
  }
  const oldDiag = new Set(before.diagnostics.map(diagnosticKey));
  const curDiag = new Set(after.diagnostics.map(diagnosticKey));
  return {
    outputsAdded, outputsRemoved, outputsChanged,
    diagnosticsAdded: after.diagnostics.filter((x) => !isDrift(x) && !oldDiag.has(diagnosticKey(x))),
    diagnosticsRemoved: before.diagnostics.filter((x) => !isDrift(x) && !curDiag.has(diagnosticKey(x))),
    byNamespace: summarize(outputsAdded, outputsRemoved, outputsChanged),
  };
}

/** The gateway checks that compare live status with the computed one (GW_STATUS_*). */
const STATUS_CODES = new Set([GATEWAY_CODE_MAP.GW_STATUS_MISMATCH, GATEWAY_CODE_MAP.GW_STATUS_MISSING, GATEWAY_CODE_MAP.GW_STATUS_REASON_DIFFERS, GATEWAY_CODE_MAP.GW_STATUS_STALE]);

/**
 * Drift (MP8xxx) compares live objects with the translation; a change moves the translation, and the
 * management plane then rewrites the live objects, so predicted drift is the output difference above
 * said again. Live gateway status against the computed one is the same kind of check: the controller
 * rewrites the status after the change. Both are left out of the preview's diagnostics.
 */
function isDrift(d: Diagnostic): boolean {
  return d.code.startsWith("MP8") || STATUS_CODES.has(d.code);
}

function summarize(added: readonly OutputDelta[], removed: readonly OutputDelta[], changed: readonly OutputChange[]): NamespaceSummary[] {
  const map = new Map<string, NamespaceSummary>();
  const bump = (x: { cluster: string; namespace: string }, field: "added" | "removed" | "changed") => {
    const k = `${x.cluster}/${x.namespace}`;
    const s = map.get(k) ?? { cluster: x.cluster, namespace: x.namespace, added: 0, removed: 0, changed: 0 };
    s[field]++;
    map.set(k, s);
  };
  for (const x of added) bump(x, "added");
  for (const x of removed) bump(x, "removed");
  for (const x of changed) bump(x, "changed");
  return [...map.values()].sort((a, b) => compareRefs({ cluster: a.cluster, group: "", kind: "", namespace: a.namespace, name: "" }, { cluster: b.cluster, group: "", kind: "", namespace: b.namespace, name: "" }));
}
