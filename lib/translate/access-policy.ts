import { effectiveAuthorizations, type AccessPolicySpec, type Authorization } from "../model/gloo-policy";
import { workloadObjectSelector } from "../model/gloo-common";
import { matchesLabels } from "../snapshot/labels";
import type { ObjectRef } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import { canonical, compact } from "./canonical";
import type { Emitter } from "./emit";
import { SECURITY_API, v2Object } from "./metadata";
import { accessPolicyServiceName, accessPolicyWorkloadName } from "./names";
import { selectPrincipals } from "./principals";
import { serviceAt, workspaceOfNamespace, type Labels, type ServiceInfo, type World } from "./world";

/**
 * AccessPolicy → AuthorizationPolicy (+ PeerAuthentication), reference §6.7. Destination policies become
 * one ALLOW policy per selected Service port, in the Service's namespace (server side), matching the
 * port's target port; workload policies become one per selector and namespace. `authn.tlsMode` becomes a
 * PeerAuthentication with the same name [INFER]; entries with `dryRun` go to a separate dry-run policy.
 */

export const ACCESS_POLICY_GK = "AccessPolicy.security.policy.gloo.solo.io";

type Rec = Record<string, unknown>;

/** Translates every AccessPolicy workspaces own. */
export function translateAccessPolicies(world: World, emit: Emitter, policies: readonly CatalogEntry[]): void {
  for (const entry of policies) {
    emit.seen(entry.ref);
    const att = world.ctx.attachment.policy(entry.ref);
    if (!att) continue;
    const spec = specOf<AccessPolicySpec>(entry.object);
    const isolated = world.ctx.workspaces.workspace(att.workspace)?.settings?.options.serviceIsolation?.enabled === true;
    if (att.workloads.length > 0) {
      if (isolated) {
        emit.issue("AP_WORKLOADS_WITH_ISOLATION", "error", `${describeRef(entry.ref, false)} must select destinations, not workloads, because workspace ${att.workspace} enables service isolation`, [entry.ref], "spec.applyToWorkloads", "INVALID");
        continue;
      }
      translateWorkloads(world, emit, entry, spec, att.workloads);
      continue;
    }
    for (const t of att.destinations) {
      const svc = serviceAt(world, t.destination);
      if (svc && world.meshClusters.has(svc.ref.cluster)) translateService(world, emit, entry, spec, svc, isolated);
    }
  }
}

function translateService(world: World, emit: Emitter, entry: CatalogEntry, spec: Partial<AccessPolicySpec>, svc: ServiceInfo, isolated: boolean): void {
  const ports = selectedPorts(spec, svc);
  const authz = effectiveAuthorizations(spec.config);
  for (const port of ports) {
    const target = typeof port.targetPort === "number" ? port.targetPort : port.port;
    const name = accessPolicyServiceName(svc.ref.name, port.port, entry.ref.name, entry.ref.namespace, entry.ref.cluster);
    const meta = { name, namespace: svc.ref.namespace, cluster: svc.ref.cluster, parent: svc.ref, workspace: workspaceOfNamespace(world, svc.ref.cluster, svc.ref.namespace) };
    const why = `AccessPolicy ${entry.ref.namespace}/${entry.ref.name} on port ${port.port} of Service ${svc.ref.namespace}/${svc.ref.name} in ${svc.ref.cluster}.`;
    for (const dry of [false, true]) {
      const rules = authz.map((a, i) => ((a.dryRun === true) === dry ? ruleOf(world, emit, entry, a, i, String(target), false) : undefined)).filter((r): r is Rec => r !== undefined);
      if (rules.length === 0) continue;
      const object = v2Object(SECURITY_API, "AuthorizationPolicy", { ...meta, name: dry ? `${name}-dry-run` : name }, { action: "ALLOW", rules, selector: { matchLabels: svc.selector } });
      if (dry) object.metadata.annotations = { ...object.metadata.annotations, "istio.io/dry-run": "true" };
      emit.output(svc.ref.cluster, canonical(object), [svc.ref, entry.ref], why);
    }
    const mode = spec.config?.authn?.tlsMode;
    if (mode && !isolated) {
      const pa = { portLevelMtls: { [String(target)]: { mode } }, selector: { matchLabels: svc.selector } };
      emit.output(svc.ref.cluster, canonical(v2Object(SECURITY_API, "PeerAuthentication", meta, pa)), [svc.ref, entry.ref], why);
    }
  }
}

/** Ports the policy's destination selectors pick on a Service: all, unless every matching selector names one. */
function selectedPorts(spec: Partial<AccessPolicySpec>, svc: ServiceInfo): ServiceInfo["ports"] {
  const sels = (spec.applyToDestinations ?? []).filter((d) => {
    const s = d.selector ?? {};
    return (!s.name || s.name === svc.ref.name) && (!s.namespace || s.namespace === svc.ref.namespace) && (!s.cluster || s.cluster === svc.ref.cluster) && matchesLabels(s.labels ?? {}, svc.labels);
  });
  if (sels.length === 0 || sels.some((d) => !d.port)) return svc.ports;
  return svc.ports.filter((p) => sels.some((d) => (d.port?.number !== undefined ? d.port.number === p.port : d.port?.name === p.name)));
}

function translateWorkloads(world: World, emit: Emitter, entry: CatalogEntry, spec: Partial<AccessPolicySpec>, selected: readonly ObjectRef[]): void {
  const authz = effectiveAuthorizations(spec.config);
  const workloads = selected.map((r) => world.workloads.get(r)).filter((w) => w !== undefined);
  (spec.applyToWorkloads ?? []).forEach((ws, i) => {
    const labels: Labels = workloadObjectSelector(ws).labels ?? {};
    const namespaces = new Map<string, { cluster: string; namespace: string }>();
    for (const w of workloads) if (matchesLabels(labels, w.podLabels)) namespaces.set(`${w.cluster}/${w.namespace}`, { cluster: w.cluster, namespace: w.namespace });
    for (const { cluster, namespace } of [...namespaces.values()].sort((a, b) => (`${a.cluster}/${a.namespace}` < `${b.cluster}/${b.namespace}` ? -1 : 1))) {
      const parent: ObjectRef = { cluster, group: "", kind: "Namespace", namespace: "", name: namespace };
      const meta = { name: accessPolicyWorkloadName(entry.ref.name, entry.ref.namespace, entry.ref.cluster, i), namespace, cluster, parent, workspace: workspaceOfNamespace(world, cluster, namespace) };
      // An entry that allows nothing contributes no rule: an ALLOW policy without rules denies everything it selects.
      const rules = authz.map((a, j) => ruleOf(world, emit, entry, a, j, undefined, true)).filter((r): r is Rec => r !== undefined);
      const ap = compact({ selector: Object.keys(labels).length > 0 ? { matchLabels: labels } : undefined, action: "ALLOW", rules });
      const why = `AccessPolicy ${entry.ref.namespace}/${entry.ref.name} on the workloads it selects in ${cluster}/${namespace}.`;
      emit.output(cluster, canonical(v2Object(SECURITY_API, "AuthorizationPolicy", meta, ap)), [parent, entry.ref], why);
      const mode = spec.config?.authn?.tlsMode;
      if (mode) emit.output(cluster, canonical(v2Object(SECURITY_API, "PeerAuthentication", meta, compact({ selector: ap.selector, mtls: { mode } }))), [parent, entry.ref], why);
    }
  });
}

/**
 * One Authorization entry as one Istio rule: one `from` source per allowed client (principals, request
 * principals, IP blocks), `to` the port with paths and methods, `when` the header conditions. A client
 * selector that matches no service account yields no source; if all do, the entry allows nothing.
 */
function ruleOf(world: World, emit: Emitter, entry: CatalogEntry, a: Authorization, index: number, port: string | undefined, workloadMode: boolean): Rec | undefined {
  const clients = a.allowedClients ?? [];
  const ipBlocks = compact({ ipBlocks: a.allowedIpBlocks, remoteIpBlocks: a.allowedRemoteIpBlocks });
  const sources: Rec[] = [];
  let anyClient = clients.length === 0;
  clients.forEach((c, j) => {
    const s = compact({
      principals: c.serviceAccountSelector ? selectPrincipals(world, c.serviceAccountSelector) : undefined,
      requestPrincipals: c.requestIdentityMatcher?.requestPrincipals, notRequestPrincipals: c.requestIdentityMatcher?.notRequestPrincipals,
    });
    if (!c.serviceAccountSelector && !c.requestIdentityMatcher && !c.externalWorkloadSelector) anyClient = true;
    else if (Object.keys(s).length === 0) {
      emit.issue("AP_NO_PRINCIPALS", "warning", `allowedClients[${j}] of authorization ${index} of ${describeRef(entry.ref, false)} should select at least one service account; it matches none, so it allows no client`, [entry.ref], `spec.config.authzList[${index}].allowedClients[${j}]`, "WARNING");
    } else sources.push({ source: { ...s, ...ipBlocks } });
  });
  if (anyClient && Object.keys(ipBlocks).length > 0) sources.push({ source: ipBlocks });
  if (!anyClient && sources.length === 0) return undefined;
  const operation = compact({ ports: port !== undefined ? [port] : undefined, paths: a.allowedPaths, methods: a.allowedMethods });
  const when = Object.entries(a.match?.request?.headers ?? {}).map(([name, m]) => compact({ key: `request.headers[${name}]`, values: m.values, notValues: m.notValues }));
  const rule = compact({ from: sources, to: Object.keys(operation).length > 0 ? [{ operation }] : undefined, when });
  if (workloadMode && Object.keys(rule).length === 0 && clients.length === 0) return undefined;
  return rule;
}
