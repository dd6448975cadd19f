import { matchesLabels } from "../snapshot/labels";
import { refOf, type ObjectRef } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { isGeneratedObject } from "../translate/metadata";
import { describeRef } from "../workspaces/findings";
import { IstioIndex, type IstioItem } from "./istio-index";
import { portNameChecks } from "./port-names";
import type { Diagnostic, ValidateContext } from "./types";

/**
 * Istio-level checks (validation-anchors.md appendices A and B) over what each cluster would hold: the
 * translated outputs plus the live Istio objects Gloo did not generate (generated live objects are the
 * drift checks' business). Hosts, subsets, duplicate claims, selectors, gateways, and Service port names.
 */
export function istioChecks(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[] {
  const items: IstioItem[] = ctx.translation.outputs.map((o) => ({ cluster: o.cluster, object: o.object, ref: refOf(o.cluster, o.object) }));
  for (const c of snapshot.clusters) {
    for (const [gk, list] of c.byKind) {
      if (!gk.endsWith(".networking.istio.io") && !gk.endsWith(".security.istio.io")) continue;
      for (const o of list) if (!isGeneratedObject(o)) items.push({ cluster: c.name, object: o, ref: refOf(c.name, o) });
    }
  }
  const index = new IstioIndex(snapshot, ctx, items);
  const out: Diagnostic[] = [];
  for (const item of items) {
    if (item.object.kind === "VirtualService") out.push(...virtualServiceChecks(index, item));
    else if (item.object.kind === "DestinationRule") out.push(...destinationRuleChecks(index, item));
    else out.push(...selectorChecks(index, item));
  }
  out.push(...index.duplicateClaims(), ...portNameChecks(snapshot, ctx));
  return out;
}

type Rec = Record<string, unknown>;
const d = (code: string, severity: Diagnostic["severity"], message: string, objects: ObjectRef[], field: string): Diagnostic => ({ code, severity, message, objects, field });

function virtualServiceChecks(index: IstioIndex, item: IstioItem): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = (item.object.spec ?? {}) as Rec;
  const ns = item.ref.namespace;
  ((spec.gateways as string[] | undefined) ?? []).forEach((g, i) => {
    if (g === "mesh" || index.hasGateway(item.cluster, g, ns)) return;
    out.push(d("MP6010", "error", `${describeRef(item.ref)} must name existing Gateways; ${g} is not in cluster ${item.cluster}`, [item.ref, ...index.parents(item)], `spec.gateways[${i}]`));
  });
  for (const section of ["http", "tcp", "tls"] as const) {
    ((spec[section] as Rec[] | undefined) ?? []).forEach((route, i) => {
      ((route.route as Rec[] | undefined) ?? []).forEach((r, j) => {
        const dest = (r.destination ?? {}) as { host?: string; subset?: string };
        const host = index.qualify(dest.host ?? "", ns);
        const field = `spec.${section}[${i}].route[${j}].destination`;
        if (!index.knownHost(item.cluster, host)) {
          out.push(d("MP6001", "error", `${describeRef(item.ref)} routes to host ${dest.host}, which must be a Service or ServiceEntry host in cluster ${item.cluster}`, [item.ref, ...index.parents(item)], `${field}.host`));
        } else if (dest.subset && !index.hasSubset(item.cluster, host, dest.subset)) {
          out.push(d("MP6002", "error", `${describeRef(item.ref)} routes to subset ${dest.subset} of ${host}, which a DestinationRule in cluster ${item.cluster} must define`, [item.ref, ...index.parents(item)], `${field}.subset`));
        }
      });
    });
  }
  return out;
}

function destinationRuleChecks(index: IstioIndex, item: IstioItem): Diagnostic[] {
  const spec = (item.object.spec ?? {}) as { host?: string; subsets?: { name?: string; labels?: Record<string, string> }[] };
  const host = index.qualify(spec.host ?? "", item.ref.namespace);
  if (host.startsWith("*")) return [];
  if (!index.knownHost(item.cluster, host)) {
    return [d("MP6003", "error", `${describeRef(item.ref)} host ${spec.host} must be a Service or ServiceEntry host in cluster ${item.cluster}`, [item.ref, ...index.parents(item)], "spec.host")];
  }
  const out: Diagnostic[] = [];
  const endpoints = index.endpointLabels(item.cluster, host);
  (spec.subsets ?? []).forEach((s, i) => {
    const labels = s.labels ?? {};
    if (endpoints === undefined || Object.keys(labels).length === 0 || endpoints.some((l) => matchesLabels(labels, l))) return;
    out.push(d("MP6004", "error", `subset ${s.name} of ${describeRef(item.ref)} must match at least one endpoint of ${host}; no endpoint has labels ${JSON.stringify(labels)}`, [item.ref, ...index.parents(item)], `spec.subsets[${i}].labels`));
  });
  return out;
}

/** MP6008 for AuthorizationPolicy, PeerAuthentication, Sidecar and Gateway selectors. */
function selectorChecks(index: IstioIndex, item: IstioItem): Diagnostic[] {
  const spec = (item.object.spec ?? {}) as Rec;
  const kind = item.object.kind;
  const [labels, field] = kind === "Gateway" ? [spec.selector as Record<string, string> | undefined, "spec.selector"]
    : kind === "Sidecar" ? [(spec.workloadSelector as { labels?: Record<string, string> } | undefined)?.labels, "spec.workloadSelector.labels"]
      : kind === "AuthorizationPolicy" || kind === "PeerAuthentication" ? [(spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels, "spec.selector.matchLabels"]
        : [undefined, ""];
  if (!labels || Object.keys(labels).length === 0) return [];
  const anyNamespace = kind === "Gateway" || index.isRootNamespace(item.cluster, item.ref.namespace);
  if (index.workloadMatches(item.cluster, anyNamespace ? undefined : item.ref.namespace, labels)) return [];
  return [d("MP6008", "warning", `${describeRef(item.ref)} selector ${JSON.stringify(labels)} should match at least one workload${anyNamespace ? "" : ` in namespace ${item.ref.namespace}`} of cluster ${item.cluster}`, [item.ref, ...index.parents(item)], field)];
}
