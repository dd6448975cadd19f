import type { KubeObject } from "../model/meta";
import { compareRefs, refOf } from "../snapshot/ref";
import type { DiscoveryCode, DiscoveryDiagnostic, DiscoverySeverity } from "./types";

/** Collects diagnostics during one pass; rules push, `discover` sorts once at the end. */
export type DiagnosticSink = DiscoveryDiagnostic[];

/** Records why discovery skipped or degraded something about `obj` in `cluster`. */
export function report(sink: DiagnosticSink, code: DiscoveryCode, severity: DiscoverySeverity, cluster: string, obj: KubeObject, message: string): void {
  sink.push({ code, severity, message, object: refOf(cluster, obj) });
}

/** Stable order: by object (kind, namespace, name, cluster), then code, then message. */
export function sortDiagnostics(list: DiscoveryDiagnostic[]): DiscoveryDiagnostic[] {
  return list.sort((a, b) => compareRefs(a.object, b.object) || cmp(a.code, b.code) || cmp(a.message, b.message));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
