import type { GatewayModel } from "./gateways";
import type { ListenerModel } from "./listeners";
import type { ClusterGateways } from "./model";
import type { MergeResult, MergedField } from "./policies";
import type { RouteRow } from "./routing-table";
import type { AppliedPolicy } from "./types";

/** Policies and merged option fields in effect for one routing-table row (generation told by the class's profile). */
export interface RowPolicyView {
  applied: AppliedPolicy[];
  options: Record<string, MergedField>;
}

function collect(parts: Record<string, MergeResult>): RowPolicyView {
  const applied: AppliedPolicy[] = [];
  const options: Record<string, MergedField> = {};
  for (const [level, r] of Object.entries(parts)) {
    applied.push(...r.applied);
    for (const [field, v] of Object.entries(r.merged)) options[`${level}.${field}`] = v;
  }
  return { applied, options };
}

/** The Gloo 1.x options or kgateway policies of a row; none for other controllers. */
export function rowPolicies(cg: ClusterGateways, row: RouteRow, gw: GatewayModel, listener: ListenerModel): RowPolicyView {
  if (gw.profile.extensions === "gloo-gateway-1") {
    const o = cg.glooOptions.forRow(row, gw, listener);
    return collect({ route: o.route, virtualHost: o.virtualHost, listener: o.listener, httpListener: o.httpListener });
  }
  if (gw.profile.extensions === "kgateway") {
    const p = cg.kgatewayPolicies.forRow(row, gw, listener);
    return collect({ traffic: p.traffic, httpListener: p.httpListener, listener: p.listener });
  }
  return { applied: [], options: {} };
}

/** Route-level option fields without their level prefix (for applying their effects to the request). */
export function levelFields(options: Readonly<Record<string, MergedField>>, level: string): Record<string, MergedField> {
  const out: Record<string, MergedField> = {};
  for (const [k, v] of Object.entries(options)) if (k.startsWith(`${level}.`)) out[k.slice(level.length + 1)] = v;
  return out;
}
