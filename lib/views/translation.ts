import type { DiffEntry } from "../diff";
import type { KubeObject } from "../model/meta";
import type { ObjectRef } from "../snapshot/ref";
import type { DriftItem } from "../translate/drift";
import type { TranslationNote } from "../translate/notes";
import type { HostnameBackend, StatusState, Translation, TranslationStatus } from "../translate/types";
import type { Diagnostic } from "../validate/types";
import type { NamespaceSummary, PreviewResult } from "../validate/preview";
import type { WorkspaceNote } from "../workspaces/notes";
import type { WorkspaceIndex } from "../workspaces/types";

/**
 * What the translation endpoints answer, shaped on the server and shared with the browser:
 * `GET /api/v1/translation?cluster=&namespace=&workspace=` (outputs and statuses), the preview of a
 * change, drift, and the "Translation notes" page.
 */

/** Query of `GET /api/v1/translation`; every field narrows, empty means all. */
export interface TranslationQuery {
  cluster?: string;
  namespace?: string;
  /** Outputs written to this workspace's namespaces, statuses of its objects. */
  workspace?: string;
}

/** One translated Istio object, as the list shows it (the YAML is included for the detail view). */
export interface TranslationOutputView {
  cluster: string;
  namespace: string;
  name: string;
  kind: string;
  apiVersion: string;
  /** Workspace of the namespace it is written to, if any. */
  workspace: string | null;
  parents: ObjectRef[];
  reason: string;
  object: KubeObject;
}

/** One predicted status. */
export interface TranslationStatusView {
  ref: ObjectRef;
  workspace: string | null;
  state: StatusState;
  messages: string[];
}

/** Counts for the page header. */
export interface TranslationCounts {
  outputs: number;
  byKind: Record<string, number>;
  byState: Record<StatusState, number>;
}

/** The answer of `GET /api/v1/translation`. */
export interface TranslationView {
  outputs: TranslationOutputView[];
  statuses: TranslationStatusView[];
  backends: HostnameBackend[];
  counts: TranslationCounts;
}

/** Shapes a translation for the API, filtered by the query and (optionally) the caller's workspace scope. */
export function translationView(t: Translation, workspaces: WorkspaceIndex, query: TranslationQuery = {}, scope?: ReadonlySet<string>): TranslationView {
  const allowed = (ws: string | null) => (!scope || (ws !== null && scope.has(ws))) && (!query.workspace || ws === query.workspace);
  const outputs = t.outputs.map((o): TranslationOutputView => {
    const namespace = o.object.metadata.namespace ?? "";
    return {
      cluster: o.cluster, namespace, name: o.object.metadata.name, kind: o.object.kind, apiVersion: o.object.apiVersion,
      workspace: workspaces.workspaceOfNamespace(o.cluster, namespace) ?? null, parents: o.parents, reason: o.reason, object: o.object,
    };
  }).filter((o) => (!query.cluster || o.cluster === query.cluster) && (!query.namespace || o.namespace === query.namespace) && allowed(o.workspace));
  const statuses = t.statuses.map((s: TranslationStatus): TranslationStatusView => ({ ...s, workspace: workspaces.workspaceOfObject(s.ref) ?? null }))
    .filter((s) => (!query.cluster || s.ref.cluster === query.cluster) && (!query.namespace || s.ref.namespace === query.namespace) && allowed(s.workspace));
  const byKind: Record<string, number> = {};
  for (const o of outputs) byKind[o.kind] = (byKind[o.kind] ?? 0) + 1;
  const byState: Record<StatusState, number> = { ACCEPTED: 0, WARNING: 0, INVALID: 0, FAILED: 0 };
  for (const s of statuses) byState[s.state]++;
  const backends = t.backends.filter((b) => (!query.cluster || b.route.cluster === query.cluster) && (!query.namespace || b.route.namespace === query.namespace));
  return { outputs, statuses, backends, counts: { outputs: outputs.length, byKind, byState } };
}

/** One Istio output that a change adds or removes. */
export interface PreviewOutputView {
  cluster: string;
  namespace: string;
  ref: ObjectRef;
  parents: ObjectRef[];
  object: KubeObject;
}

/** One Istio output that a change modifies, with its structured diff. */
export interface PreviewChangeView {
  cluster: string;
  namespace: string;
  ref: ObjectRef;
  diff: DiffEntry[];
}

/** The answer of the preview endpoint. */
export interface PreviewView {
  byNamespace: NamespaceSummary[];
  outputsAdded: PreviewOutputView[];
  outputsRemoved: PreviewOutputView[];
  outputsChanged: PreviewChangeView[];
  diagnosticsAdded: Diagnostic[];
  diagnosticsRemoved: Diagnostic[];
}

/** Shapes a preview result for the API. */
export function previewView(p: PreviewResult): PreviewView {
  const out = (d: PreviewResult["outputsAdded"][number]): PreviewOutputView => ({ cluster: d.cluster, namespace: d.namespace, ref: d.ref, parents: d.output.parents, object: d.output.object });
  return {
    byNamespace: p.byNamespace,
    outputsAdded: p.outputsAdded.map(out),
    outputsRemoved: p.outputsRemoved.map(out),
    outputsChanged: p.outputsChanged.map((c) => ({ cluster: c.cluster, namespace: c.namespace, ref: c.ref, diff: c.diff })),
    diagnosticsAdded: p.diagnosticsAdded,
    diagnosticsRemoved: p.diagnosticsRemoved,
  };
}

/** The answer of the drift endpoint: drifted objects, counted by kind of drift. */
export interface DriftView {
  items: DriftItem[];
  counts: Record<DriftItem["kind"], number>;
}

/** Shapes drift for the API, optionally for one cluster. */
export function driftView(items: readonly DriftItem[], cluster?: string): DriftView {
  const list = items.filter((i) => !cluster || i.cluster === cluster);
  const counts: Record<DriftItem["kind"], number> = { differs: 0, missing: 0, orphaned: 0 };
  for (const i of list) counts[i.kind]++;
  return { items: list, counts };
}

/** The answer of the "Translation notes" page. */
export interface TranslationNotesView {
  notes: readonly TranslationNote[];
  /** The choices workspace resolution and policy attachment make. */
  workspaceNotes: readonly WorkspaceNote[];
}
