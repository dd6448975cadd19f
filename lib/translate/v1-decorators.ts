import type { DestinationView } from "../discovery/types";
import type { V1TrafficPolicySettings, V1TrafficPolicySpec } from "../model/gloo-v1";
import type { ObjectRef } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import { compact } from "./canonical";
import type { Emitter } from "./emit";
import { istioStringMatch } from "./matchers";
import { subsetName } from "./names";
import type { V1Entry } from "./v1-common";
import { serviceAt, type World } from "./world";

/**
 * The v1 VirtualService decorators (reference §4.3.1, [CODE]) in their order: cors, fault injection,
 * header manipulation, mirror, retries, timeout, traffic shift. The first policy to set a route field
 * owns it; a later one setting a different value is rejected for that Destination.
 */

type Rec = Record<string, unknown>;

/** The host a client in `sourceCluster` uses for a Service: local FQDN, else the federated `.global` host. */
export function v1Host(world: World, svc: ObjectRef, sourceCluster: string): string {
  if (svc.cluster === sourceCluster) return `${svc.name}.${svc.namespace}.svc.${world.meshClusters.get(svc.cluster)?.clusterDomain ?? "cluster.local"}`;
  return `${svc.name}.${svc.namespace}.svc.${svc.cluster}.global`;
}

/** Applies one TrafficPolicy's decorators to a route of Destination `d`. */
export function decorate(world: World, emit: Emitter, route: Rec, tp: V1Entry, d: DestinationView): void {
  const p: V1TrafficPolicySettings = specOf<V1TrafficPolicySpec>(tp.object).policy ?? {};
  const set = (decorator: string, field: string, value: unknown) => {
    if (value === undefined) return;
    if (route[field] !== undefined && JSON.stringify(route[field]) !== JSON.stringify(value)) {
      emit.issue("V1_FIELD_CONFLICT", "error", `${decorator}: field ${field} is already owned by another TrafficPolicy applied to Destination ${d.discoveredName} (priority 0); ${describeRef(tp.ref, false)} is rejected there`, [tp.ref], `spec.policy`, "INVALID");
      return;
    }
    route[field] = value;
  };
  if (p.corsPolicy) set("cors", "corsPolicy", compact({ ...p.corsPolicy, allowOrigins: (p.corsPolicy.allowOrigins ?? []).filter((o) => o.suffix === undefined).map(istioStringMatch).filter((m) => m !== undefined) }));
  if (p.faultInjection) {
    const f = p.faultInjection;
    // v1 code sets 0 when the percentage is omitted, although the proto comment says "all" (reference §4.3.1).
    const percentage = { value: f.percentage ?? 0 };
    if (f.fixedDelay) set("fault-injection", "fault", { delay: { fixedDelay: f.fixedDelay, percentage } });
    else if (f.abort) set("fault-injection", "fault", { abort: { httpStatus: f.abort.httpStatus, percentage } });
    else emit.issue("V1_FIELD_CONFLICT", "error", "FaultInjection type must be specified.", [tp.ref], "spec.policy.faultInjection", "INVALID");
  }
  if (p.headerManipulation) {
    const h = p.headerManipulation;
    set("header-manipulation", "headers", compact({
      request: compact({ add: h.appendRequestHeaders, remove: h.removeRequestHeaders }),
      response: compact({ add: h.appendResponseHeaders, remove: h.removeResponseHeaders }),
    }));
  }
  if (p.mirror?.kubeService) mirror(world, emit, set, p, tp, d);
  if (p.retries) set("retries", "retries", compact({ attempts: p.retries.attempts, perTryTimeout: p.retries.perTryTimeout }));
  if (p.requestTimeout) set("timeout", "timeout", p.requestTimeout);
  if (p.trafficShift) set("traffic-shift", "route", trafficShift(world, emit, p, tp, d));
}

function mirror(world: World, emit: Emitter, set: (decorator: string, field: string, value: unknown) => void, p: V1TrafficPolicySettings, tp: V1Entry, d: DestinationView): void {
  const k = p.mirror?.kubeService ?? {};
  const ref: ObjectRef = { cluster: k.clusterName ?? "", group: "", kind: "Service", namespace: k.namespace ?? "", name: k.name ?? "" };
  const svc = serviceAt(world, ref);
  if (!svc) {
    emit.issue("V1_DESTINATION_NOT_FOUND", "error", `mirror destination ${ref.name}-${ref.namespace}-${ref.cluster} not found`, [tp.ref], "spec.policy.mirror.kubeService", "INVALID");
    return;
  }
  const port = p.mirror?.port ?? (svc.ports.length === 1 ? svc.ports[0]?.port : undefined);
  if (port === undefined && svc.ports.length > 1) {
    emit.issue("V1_FIELD_CONFLICT", "error", `mirror: must specify a port for ${ref.name}.${ref.namespace}, which has more than one`, [tp.ref], "spec.policy.mirror.port", "INVALID");
    return;
  }
  set("mirror", "mirror", compact({ host: v1Host(world, ref, d.cluster), port: p.mirror?.port !== undefined ? { number: p.mirror.port } : undefined }));
  if (p.mirror?.percentage !== undefined) set("mirror", "mirrorPercentage", { value: p.mirror.percentage });
}

function trafficShift(world: World, emit: Emitter, p: V1TrafficPolicySettings, tp: V1Entry, d: DestinationView): Rec[] | undefined {
  const out: Rec[] = [];
  for (const [i, dest] of (p.trafficShift?.destinations ?? []).entries()) {
    const k = dest.kubeService;
    if (!k) {
      emit.issue("V1_FIELD_CONFLICT", "warning", `traffic-shift: destination ${i} of ${describeRef(tp.ref, false)} is not a kubeService; virtual, static and cluster-header destinations are enterprise features Meshpane does not translate`, [tp.ref], `spec.policy.trafficShift.destinations[${i}]`);
      continue;
    }
    const ref: ObjectRef = { cluster: k.clusterName ?? "", group: "", kind: "Service", namespace: k.namespace ?? "", name: k.name };
    const svc = serviceAt(world, ref);
    if (!svc) {
      emit.issue("V1_DESTINATION_NOT_FOUND", "error", `traffic-shift: destination ${k.name}-${k.namespace ?? ""}-${k.clusterName ?? ""} not found`, [tp.ref], `spec.policy.trafficShift.destinations[${i}]`, "INVALID");
      return undefined;
    }
    if (k.port === undefined && svc.ports.length > 1) {
      emit.issue("V1_FIELD_CONFLICT", "error", `traffic-shift: must specify a port for ${k.name}, which has more than one`, [tp.ref], `spec.policy.trafficShift.destinations[${i}].port`, "INVALID");
      return undefined;
    }
    out.push(compact({
      destination: compact({ host: v1Host(world, ref, d.cluster), port: k.port !== undefined ? { number: k.port } : undefined, subset: k.subset ? subsetName(k.subset) : undefined }),
      weight: dest.weight,
    }));
  }
  return out.length > 0 ? out : undefined;
}
