/* eslint-disable no-restricted-imports -- a test helper (used only by *.test.ts): it reads and writes golden files. */
import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { DestinationRule as DrBeta, Gateway as GwBeta, ServiceEntry as SeBeta, Sidecar as ScBeta, VirtualService as VsBeta, WorkloadEntry as WeBeta } from "@kubernetes-models/istio/networking.istio.io/v1beta1";
import { DestinationRule as DrAlpha, Gateway as GwAlpha, ServiceEntry as SeAlpha, Sidecar as ScAlpha, VirtualService as VsAlpha, WorkloadEntry as WeAlpha } from "@kubernetes-models/istio/networking.istio.io/v1alpha3";
import { AuthorizationPolicy as ApBeta, PeerAuthentication as PaBeta } from "@kubernetes-models/istio/security.istio.io/v1beta1";
import { AuthorizationPolicy as ApV1 } from "@kubernetes-models/istio/security.istio.io/v1";
import { parseAllDocuments, stringify } from "yaml";
import { discover } from "../../discovery";
import type { KubeObject } from "../../model/meta";
import { parseObject } from "../../model/registry";
import { attachPolicies } from "../../policies";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../../snapshot/snapshot";
import { resolveWorkspaces } from "../../workspaces";
import { translate } from "../index";
import type { TranslateContext, Translation } from "../types";

/**
 * Test helpers for the translator: Istio CRD-schema validation of outputs, golden input/output pairs
 * (canonical YAML, rewritten only with UPDATE_GOLDEN=1) and the full pipeline from a snapshot.
 */

type Model = new (data: never) => { validate(): void };
const NETWORKING: Record<string, Record<string, Model>> = {
  v1: { VirtualService: VsBeta, DestinationRule: DrBeta, ServiceEntry: SeBeta, WorkloadEntry: WeBeta, Gateway: GwBeta, Sidecar: ScBeta },
  v1beta1: { VirtualService: VsBeta, DestinationRule: DrBeta, ServiceEntry: SeBeta, WorkloadEntry: WeBeta, Gateway: GwBeta, Sidecar: ScBeta },
  v1alpha3: { VirtualService: VsAlpha, DestinationRule: DrAlpha, ServiceEntry: SeAlpha, WorkloadEntry: WeAlpha, Gateway: GwAlpha, Sidecar: ScAlpha },
};
const SECURITY: Record<string, Record<string, Model>> = {
  // The package has no security v1 PeerAuthentication class; its v1beta1 schema is the same.
  v1: { AuthorizationPolicy: ApV1, PeerAuthentication: PaBeta },
  v1beta1: { AuthorizationPolicy: ApBeta, PeerAuthentication: PaBeta },
};

/**
 * Validates an Istio object against Istio's CRD schema (@kubernetes-models/istio; `networking.istio.io/v1`
 * objects use the v1beta1 classes, whose schemas are the same) and against Meshpane's own model, which
 * also checks the cross-field rules. Returns the problems, empty when valid.
 */
export function validateIstio(obj: KubeObject): string[] {
  const [group, version = ""] = obj.apiVersion.split("/");
  const table = group === "networking.istio.io" ? NETWORKING : group === "security.istio.io" ? SECURITY : undefined;
  const Model = table?.[version]?.[obj.kind];
  if (!Model) return [`no Istio schema for ${obj.apiVersion} ${obj.kind}`];
  const problems: string[] = [];
  try {
    new Model({ ...obj, apiVersion: version === "v1" && group === "networking.istio.io" ? `${group}/v1beta1` : obj.apiVersion } as never).validate();
  } catch (err) {
    problems.push(`${obj.kind} ${obj.metadata.name}: ${(err as Error).message}`);
  }
  const parsed = parseObject(obj);
  if (!parsed.ok) problems.push(...parsed.errors.map((e) => `${obj.kind} ${obj.metadata.name}: ${e.message}`));
  if (JSON.stringify(obj).includes("null")) problems.push(`${obj.kind} ${obj.metadata.name}: must not contain null values`);
  return problems;
}

/** Runs discovery, workspaces, attachment and translation on a snapshot. */
export function pipeline(snapshot: Snapshot): { ctx: TranslateContext; translation: Translation } {
  const discovery = discover(snapshot);
  const workspaces = resolveWorkspaces(snapshot);
  const attachment = attachPolicies(workspaces, discovery.workloads);
  const ctx = { workspaces, attachment, discovery };
  return { ctx, translation: translate(snapshot, ctx) };
}

export const CLUSTER_ANNOTATION = "test.meshpane.io/cluster";

/**
 * Reads a golden input: multi-document YAML; each object's cluster comes from its
 * `test.meshpane.io/cluster` annotation (default `cluster-1`, removed on load); `mgmt` is the management cluster.
 */
export function readInput(file: string, version = 1): Snapshot {
  const byCluster = new Map<string, KubeObject[]>();
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const obj = doc.toJS() as KubeObject | null;
    if (!obj) continue;
    const annotations = { ...(obj.metadata.annotations ?? {}) };
    const cluster = annotations[CLUSTER_ANNOTATION] ?? "cluster-1";
    delete annotations[CLUSTER_ANNOTATION];
    const clean: KubeObject = { ...obj, metadata: { ...obj.metadata, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) } };
    if (Object.keys(annotations).length === 0) delete clean.metadata.annotations;
    const parsed = parseObject(clean);
    if (!parsed.ok) throw new Error(`${file}: ${obj.kind} ${obj.metadata.name} is invalid: ${parsed.errors.map((e) => e.message).join("; ")}`);
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), clean]);
  }
  // A cluster holding Workspaces is a management cluster (it may run a mesh too, as in single-cluster installs).
  return buildSnapshot(version, [...byCluster].map(([name, objects]) => buildSnapshotCluster(name, objects.some((o) => o.kind === "Workspace"), objects)));
}

/** The translation as canonical YAML: outputs, statuses, issues and Hostname backends. */
export function goldenYaml(t: Translation): string {
  return stringify({ outputs: t.outputs, statuses: t.statuses, issues: t.issues, backends: t.backends }, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Compares text with a golden file; rewrites it first when `update` is set (test files pass
 * `process.env.UPDATE_GOLDEN === "1"`). A missing golden compares as empty, so it fails until written.
 */
export function checkGolden(file: string, actual: string, update: boolean): { expected: string; actual: string } {
  if (update) writeFileSync(file, actual);
  return { expected: existsSync(file) ? readFileSync(file, "utf8") : "", actual };
}
