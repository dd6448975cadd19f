import type { KubeObject } from "../model/meta";
import { splitApiVersion } from "../model/api-version";
import { compareRefs, refKey, type ObjectRef } from "../snapshot/ref";
import { cmp } from "../workspaces/kinds";
import { canonical, nonCanonicalPath } from "./canonical";
import { NamedMap, refMap, sameRef } from "./ref-map";
import { V1_OWNER_LABEL } from "./metadata";
import type { StatusState, TranslationIssue, TranslationIssueKey, TranslationOutput, TranslationStatus } from "./types";

/**
 * Collects what the per-kind translators produce. Outputs with the same identity are merged rather than
 * duplicated (two translators may need the same DestinationRule), statuses escalate to the worst state
 * reported, and everything is sorted once at the end.
 */

const RANK: Record<StatusState, number> = { ACCEPTED: 0, WARNING: 1, FAILED: 2, INVALID: 3 };

/** What identifies an output: Kubernetes identity plus the cluster it is written to. */
interface OutputKey {
  cluster: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

const sameOutput = (a: OutputKey, b: OutputKey): boolean => a.name === b.name && a.namespace === b.namespace && a.kind === b.kind && a.cluster === b.cluster && a.apiVersion === b.apiVersion;

/** An output being collected; it is its own key (and, with `group`, its own ref for sorting). */
interface Pending extends OutputKey {
  group: string;
  object: KubeObject;
  /**
   * Every parent reported, in order, duplicates included (deduplicated once, in finish). The caller's list
   * until a second report copies it (most outputs are reported once).
   */
  parents: readonly ObjectRef[];
  ownsParents: boolean;
  /** The reason, or every distinct reason once there are several. */
  reasons: string | string[];
}

/** Receives outputs, statuses and issues during one translation pass. */
export class Emitter {
  private readonly outputs = new NamedMap<OutputKey, Pending>(sameOutput);
  /** DestinationRules by (cluster, namespace, host): Istio merges those, so Meshpane does too. */
  private readonly ruleByHost = new Map<string, Pending>();
  private readonly statuses = refMap<{ ref: ObjectRef; state: StatusState; messages: string[] }>();
  readonly issues: TranslationIssue[] = [];
  /** Keys of RouteTables some root table delegates to (the others produce nothing). */
  readonly delegated = new Set<string>();

  /** Adds an output; `parents[0]` is the parent its labels name. The list is kept, not copied: callers must not change it afterwards. */
  output(cluster: string, object: KubeObject, parents: readonly ObjectRef[], reason: string): void {
    const { apiVersion, kind } = object;
    const pending: Pending = {
      cluster, apiVersion, kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name, group: this.groupOf(apiVersion),
      object, parents, ownsParents: false, reasons: reason,
    };
    const rule = kind === "DestinationRule";
    const hostKey = rule ? destinationRuleKey(cluster, object) : "";
    const existing = (rule ? this.ruleByHost.get(hostKey) : undefined) ?? this.outputs.get(pending);
    if (!existing) {
      this.outputs.set(pending, pending);
      if (rule) this.ruleByHost.set(hostKey, pending);
      return;
    }
    if (rule) existing.object = mergeDestinationRules(existing.object, object);
    const list = existing.ownsParents ? (existing.parents as ObjectRef[]) : [...existing.parents];
    for (const p of parents) list.push(p);
    existing.parents = list;
    existing.ownsParents = true;
    if (typeof existing.reasons === "string") {
      if (existing.reasons !== reason) existing.reasons = [existing.reasons, reason];
    } else if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
  }

  private readonly groups = new Map<string, string>();

  /** The API group of an apiVersion, split once per pass. */
  private groupOf(apiVersion: string): string {
    let group = this.groups.get(apiVersion);
    if (group === undefined) this.groups.set(apiVersion, (group = splitApiVersion(apiVersion).group));
    return group;
  }

  /** Makes sure an input has a status (ACCEPTED unless something worse is reported). */
  seen(ref: ObjectRef): void {
    this.statusOf(ref);
  }

  private statusOf(ref: ObjectRef): { ref: ObjectRef; state: StatusState; messages: string[] } {
    let s = this.statuses.get(ref);
    if (!s) this.statuses.set(ref, (s = { ref, state: "ACCEPTED", messages: [] }));
    return s;
  }

  /** Reports a state and message for an input; the worst state reported wins. */
  status(ref: ObjectRef, state: StatusState, message?: string): void {
    const s = this.statusOf(ref);
    if (RANK[state] > RANK[s.state]) s.state = state;
    if (message !== undefined && !s.messages.includes(message)) s.messages.push(message);
  }

  /** Records an issue for the validation layer and, with `state`, the matching status of its first object. */
  issue(key: TranslationIssueKey, severity: TranslationIssue["severity"], message: string, objects: readonly ObjectRef[], field: string, state?: StatusState): void {
    this.issues.push({ key, severity, message, objects: [...objects], field });
    const first = objects[0];
    if (state && first) this.status(first, state, message);
  }

  /** The collected outputs (canonical, sorted), statuses and issues. */
  finish(): { outputs: TranslationOutput[]; statuses: TranslationStatus[]; issues: TranslationIssue[] } {
    const outputs = [...this.outputs.values()].sort(compareRefs).map((p): TranslationOutput => {
      const parents = uniqueParents(p.parents);
      if (parents.length > 2) sortTail(parents);
      if (checkOutputs) verifyCanonical(p);
      return { cluster: p.cluster, object: p.object, parents, reason: typeof p.reasons === "string" ? p.reasons : p.reasons.join(" ") };
    });
    const statuses = this.statuses.values().map((s) => ({ ref: s.ref, state: s.state, messages: s.messages.length < 2 ? [...s.messages] : [...s.messages].sort(cmp) })).sort((a, b) => compareRefs(a.ref, b.ref));
    const issues = this.issues.sort((a, b) => {
      const ao = a.objects[0];
      const bo = b.objects[0];
      return (ao && bo ? compareRefs(ao, bo) : 0) || cmp(a.key, b.key) || cmp(a.field, b.field) || cmp(a.message, b.message);
    });
    return { outputs, statuses, issues: dedupeIssues(issues) };
  }
}

/**
 * Translators hand over every output in canonical form (canonical.ts), so finishing does not walk thousands
 * of objects again. The test suites turn this check on (test/vitest-setup.ts): goldens, property tests and
 * the demo then fail naming the part a translator left out of canonical form.
 */
let checkOutputs = false;

/** Makes every translation check that each output is canonical, and throw naming the part that is not. */
export function checkCanonicalOutputs(on: boolean): void {
  checkOutputs = on;
}

function verifyCanonical(p: Pending): void {
  const path = nonCanonicalPath(p.object);
  if (path !== undefined) throw new Error(`translation output ${p.kind} ${p.namespace}/${p.name} (${p.cluster}) is not canonical at ${path}`);
}

/** DestinationRules by (family, cluster, namespace, host); v1 and v2 rules never merge (different owners). */
function destinationRuleKey(cluster: string, object: KubeObject): string {
  const host = String((object.spec as { host?: unknown }).host ?? "");
  const family = object.metadata.labels?.[V1_OWNER_LABEL] !== undefined ? "v1" : "v2";
  return `${family}|${cluster}|${object.metadata.namespace ?? ""}|${host}`;
}

/**
 * Parents deduplicated by ref, in the order first reported (a later equal ref replaces the value). Lists are
 * short, so refs are compared field by field rather than through string keys.
 */
function uniqueParents(list: readonly ObjectRef[]): ObjectRef[] {
  if (list.length > 32) {
    const byKey = new Map<string, ObjectRef>();
    for (const p of list) byKey.set(refKey(p), p);
    return [...byKey.values()];
  }
  // Sized once (most lists have no duplicates) rather than grown item by item.
  const out = new Array<ObjectRef>(list.length);
  let n = 0;
  for (const p of list) {
    let i = 0;
    while (i < n && !sameRef(out[i] as ObjectRef, p)) i++;
    out[i] = p;
    if (i === n) n++;
  }
  out.length = n;
  return out;
}

/** Sorts all but the first ref in place (the first is the one the labels name); short lists by insertion. */
function sortTail(list: ObjectRef[]): void {
  if (list.length > 32) {
    const tail = list.slice(1).sort(compareRefs);
    for (let i = 0; i < tail.length; i++) list[i + 1] = tail[i] as ObjectRef;
    return;
  }
  for (let i = 2; i < list.length; i++) {
    const r = list[i] as ObjectRef;
    let j = i - 1;
    for (; j >= 1 && compareRefs(list[j] as ObjectRef, r) > 0; j--) list[j + 1] = list[j] as ObjectRef;
    list[j + 1] = r;
  }
}

function dedupeIssues(list: TranslationIssue[]): TranslationIssue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.key}|${i.field}|${i.message}|${i.objects.map(refKey).join(",")}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type Rec = Record<string, unknown>;

/**
 * Merges two DestinationRules for one host in one namespace the way istiod does: subsets are unioned
 * (the first of a name wins), traffic policy fields of the first rule win, port-level settings merge
 * per port, exportTo lists are unioned.
 */
export function mergeDestinationRules(first: KubeObject, second: KubeObject): KubeObject {
  const a = (first.spec ?? {}) as Rec;
  const b = (second.spec ?? {}) as Rec;
  const subsets = [...((a.subsets as Rec[] | undefined) ?? [])];
  for (const s of (b.subsets as Rec[] | undefined) ?? []) if (!subsets.some((x) => x.name === s.name)) subsets.push(s);
  const exportTo = [...new Set([...((a.exportTo as string[] | undefined) ?? []), ...((b.exportTo as string[] | undefined) ?? [])])];
  const spec: Rec = { ...a, ...(subsets.length > 0 ? { subsets } : {}), ...(exportTo.length > 0 ? { exportTo } : {}) };
  const tp = mergeTrafficPolicy(a.trafficPolicy as Rec | undefined, b.trafficPolicy as Rec | undefined);
  if (tp) spec.trafficPolicy = tp;
  // Merges are rare: the merged spec is put in canonical form here rather than built in it.
  return { ...first, spec: canonical(spec) };
}

function mergeTrafficPolicy(a: Rec | undefined, b: Rec | undefined): Rec | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: Rec = { ...b, ...a };
  const ports = [...((a.portLevelSettings as Rec[] | undefined) ?? [])];
  for (const p of (b.portLevelSettings as Rec[] | undefined) ?? []) {
    const n = (p.port as { number?: number } | undefined)?.number;
    const i = ports.findIndex((x) => (x.port as { number?: number } | undefined)?.number === n);
    if (i < 0) ports.push(p);
    else ports[i] = { ...p, ...ports[i] };
  }
  if (ports.length > 0) out.portLevelSettings = ports;
  return out;
}
