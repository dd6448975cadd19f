import type { ObjectRef } from "../snapshot/ref";
import { compareRefs, refKey } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { detectDrift, liveIstioObjects } from "../translate/drift";
import { isGeneratedObject } from "../translate/metadata";
import type { Finding } from "../workspaces/findings";
import { cmp, specOf } from "../workspaces/kinds";
import { DISCOVERY_CODE_MAP, FINDING_CODE_MAP, ISSUE_CODE_MAP, catalogueEntry } from "./catalogue";
import { GATEWAY_CODE_MAP } from "./gateway-codes";
import { glooChecks } from "./gloo-checks";
import { istioChecks } from "./istio-checks";
import type { Diagnostic, ValidateContext } from "./types";

/**
 * Every semantic check over one snapshot, as diagnostics with catalogue codes (lib/validate/catalogue.ts):
 * workspace and policy-attachment findings, translation issues, discovery diagnostics and gateway findings
 * mapped onto the catalogue, plus the Gloo-level, Istio-level and drift checks run here. Sorted by first object, code,
 * field and message; duplicates removed. Pure and deterministic.
 */
export function validate(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[] {
  const all: Diagnostic[] = [
    ...[...ctx.workspaces.findings, ...ctx.attachment.findings].map((f) => fromFinding(ctx, f)),
    ...ctx.translation.issues.map((i) => ({ code: ISSUE_CODE_MAP[i.key], severity: i.severity, message: i.message, objects: i.objects, field: i.field })),
    ...ctx.discovery.diagnostics.map((dd) => ({ code: DISCOVERY_CODE_MAP[dd.code], severity: dd.severity, message: dd.message, objects: [dd.object], field: "" })),
    ...ctx.gatewayFindings.map((g) => ({ code: GATEWAY_CODE_MAP[g.code], severity: g.severity, message: g.message, objects: g.objects, field: g.field })),
    ...glooChecks(snapshot, ctx),
    ...istioChecks(snapshot, ctx),
    ...driftChecks(snapshot, ctx),
  ];
  return sortDiagnostics(dedupe(all));
}

function fromFinding(ctx: ValidateContext, f: Finding): Diagnostic {
  return { code: FINDING_CODE_MAP[f.code], severity: f.severity, message: f.message, objects: f.objects, field: refineField(ctx, f) };
}

/**
 * A selector that matches nothing is reported on the selector itself when the policy has one:
 * `spec.applyToRoutes[0].route.labels` rather than `spec.applyToRoutes`.
 */
function refineField(ctx: ValidateContext, f: Finding): string {
  if (f.code !== "POLICY_SELECTS_NOTHING" || !f.objects[0]) return f.field;
  const entry = ctx.workspaces.entry(f.objects[0]);
  if (!entry) return f.field;
  const spec = specOf<Record<string, unknown[]>>(entry.object);
  const list = spec[f.field.replace(/^spec\./, "")];
  if (!Array.isArray(list) || list.length !== 1) return f.field;
  const sel = list[0] as { route?: { labels?: unknown }; selector?: { labels?: unknown }; withDestinations?: unknown };
  if (sel.route?.labels) return `${f.field}[0].route.labels`;
  if (sel.selector?.labels) return `${f.field}[0].selector.labels`;
  if (sel.withDestinations) return `${f.field}[0].withDestinations`;
  return `${f.field}[0]`;
}

/**
 * MP8001–MP8003: generated live objects against the translation. Missing objects are reported only for
 * clusters where Gloo already writes generated objects (a preview of a cluster Gloo does not manage is
 * all "missing" and says nothing).
 */
function driftChecks(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[] {
  const live = liveIstioObjects(snapshot.clusters);
  const drift = detectDrift(ctx.translation, live);
  const managed = new Set(live.filter((l) => isGeneratedObject(l.object)).map((l) => l.cluster));
  const key = (cluster: string, kind: string, ns: string, name: string) => `${cluster}|${kind}|${ns}|${name}`;
  const parents = new Map(ctx.translation.outputs.map((o) => [key(o.cluster, o.object.kind, o.object.metadata.namespace ?? "", o.object.metadata.name), o.parents.slice(0, 1)] as const));
  const out: Diagnostic[] = [];
  for (const x of drift) {
    const p = parents.get(key(x.cluster, x.ref.kind, x.ref.namespace, x.ref.name)) ?? [];
    const first = x.diff[0]?.path ?? "";
    if (x.kind === "differs") out.push({ code: "MP8001", severity: "warning", message: `${x.ref.kind} ${x.ref.namespace}/${x.ref.name} in ${x.cluster} must equal what the translator produces now; ${x.diff.length} field(s) differ, starting at ${first || "/"}`, objects: [x.ref, ...p], field: pointerToField(first) });
    else if (x.kind === "orphaned") out.push({ code: "MP8003", severity: "warning", message: `${x.ref.kind} ${x.ref.namespace}/${x.ref.name} in ${x.cluster} carries Gloo parent labels but no current input produces it`, objects: [x.ref], field: "metadata.labels" });
    else if (managed.has(x.cluster)) out.push({ code: "MP8002", severity: "info", message: `${x.ref.kind} ${x.ref.namespace}/${x.ref.name} should exist in ${x.cluster}: the translator produces it but the cluster does not have it`, objects: [x.ref, ...p], field: "" });
  }
  return out;
}

/** `/spec/http/0/timeout` → `spec.http[0].timeout`. */
function pointerToField(pointer: string): string {
  return pointer.split("/").filter((s) => s !== "").reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), "");
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    if (!catalogueEntry(x.code)) return false;
    const k = `${x.code}|${x.field}|${x.message}|${x.objects.map(refKey).join(",")}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Stable order: first object (kind, namespace, name, cluster), then code, field, message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => {
    const ao: ObjectRef | undefined = a.objects[0];
    const bo: ObjectRef | undefined = b.objects[0];
    return (ao && bo ? compareRefs(ao, bo) : ao ? -1 : bo ? 1 : 0) || cmp(a.code, b.code) || cmp(a.field, b.field) || cmp(a.message, b.message);
  });
}
