import type { Gateway, GatewayClass } from "../model/gateway-api";
import { matchesLabelSelector } from "../snapshot/labels";
import { refOf, type ObjectRef } from "../snapshot/ref";
import { GK, nsKey, type ClusterIndex } from "./cluster-index";
import { cond } from "./conditions";
import { report, type FindingSink } from "./findings";
import { buildListeners, type ListenerModel } from "./listeners";
import { PROFILES, profileFor, type ControllerProfile } from "./profiles";
import type { Condition, ProfileId } from "./types";

/** A Gateway with its class, controller profile, listeners and computed conditions (reference §1.2, §3.1). */
export interface GatewayModel {
  cluster: string;
  obj: Gateway;
  ref: ObjectRef;
  /** `namespace/name`. */
  key: string;
  className: string;
  controllerName: string | null;
  /** The controller's profile; `spec` when the controller is unknown (the table is still computed). */
  profile: ControllerProfile;
  /** Rule G0: the class's controller is one Meshpane knows, so status entries are expected. */
  ours: boolean;
  listeners: ListenerModel[];
  /** Computed Gateway conditions (with the spec profile when the controller is unknown). */
  conditions: Condition[];
}

/** The kinds a `infrastructure.parametersRef` may name, by API group (generation told by group). */
const PARAMETER_KINDS: Record<string, string> = { "gateway.kgateway.dev": GK.kgParameters, "gateway.gloo.solo.io": GK.glooParameters };

/** A parameters problem (Accepted=False InvalidParameters), or null. */
function parametersProblem(index: ClusterIndex, gw: Gateway, profile: ControllerProfile): string | null {
  const ns = gw.metadata.namespace ?? "";
  const ref = gw.spec.infrastructure?.parametersRef;
  if (ref) {
    const gk = PARAMETER_KINDS[ref.group];
    if (gk && ref.kind === "GatewayParameters" && index.get(gk, ns, ref.name) === undefined) return `GatewayParameters ${ns}/${ref.name} (${ref.group}) must exist`;
  }
  const annotated = gw.metadata.annotations?.["gateway.gloo.solo.io/gateway-parameters-name"];
  if (profile.id === "gloo-gateway-1" && annotated && index.get(GK.glooParameters, ns, annotated) === undefined) {
    return `GatewayParameters ${ns}/${annotated} named by annotation gateway.gloo.solo.io/gateway-parameters-name must exist`;
  }
  return null;
}

function gatewayConditions(listeners: readonly ListenerModel[], profile: ControllerProfile, paramsProblem: string | null): Condition[] {
  if (paramsProblem) return [cond("Accepted", "False", "InvalidParameters", paramsProblem), cond("Programmed", "False", "Invalid", paramsProblem)];
  const valid = listeners.filter((l) => l.conditions.every((c) => (c.type === "Conflicted" ? c.status === "False" : c.type === "OverlappingTLSConfig" || c.status === "True")));
  if (valid.length === 0) {
    const message = "at least one listener must be valid and distinct";
    return [cond("Accepted", "False", "ListenersNotValid", message), cond("Programmed", "False", "Invalid", message)];
  }
  // The spec keeps Accepted=True with reason ListenersNotValid; Gloo/kgateway reporters only record negatives.
  const someInvalid = valid.length < listeners.length && !profile.positiveDefaults;
  return [
    someInvalid ? cond("Accepted", "True", "ListenersNotValid", "some listeners are not valid") : cond("Accepted", "True", "Accepted"),
    cond("Programmed", "True", "Programmed"),
  ];
}

function reportListenerProblems(sink: FindingSink, gw: GatewayModel): void {
  const tags = { protocol: "GW_LISTENER_PROTOCOL_UNSUPPORTED", kinds: "GW_LISTENER_ROUTE_KINDS_INVALID", cert: "GW_CERTIFICATE_REF_INVALID", overlap: "GW_TLS_OVERLAP" } as const;
  const conflicted = gw.listeners.filter((l) => l.problems.some((p) => p.tag === "conflict"));
  const ports = [...new Set(conflicted.map((l) => l.port))];
  for (const port of ports) {
    const names = conflicted.filter((l) => l.port === port).map((l) => l.name);
    report(sink, "GW_LISTENER_CONFLICT", [gw.ref], `spec.listeners`, `listeners ${names.join(", ")} on port ${port} must be distinct (different hostnames, compatible protocols); all of them are Conflicted`);
  }
  for (const l of gw.listeners) {
    for (const p of l.problems) if (p.tag !== "conflict") report(sink, tags[p.tag], [gw.ref], p.field, p.message);
  }
}

function reportSelectors(sink: FindingSink, index: ClusterIndex, gw: GatewayModel): void {
  for (const l of gw.listeners) {
    if (l.allowedFrom !== "Selector") continue;
    if (!index.namespaces.some((ns) => matchesLabelSelector(l.selector, index.namespaceLabels(ns)))) {
      report(sink, "GW_LISTENER_SELECTOR_EMPTY", [gw.ref], `spec.listeners[${l.index}].allowedRoutes.namespaces.selector`, `listener ${l.name}: the namespace selector must match at least one namespace`);
    }
  }
}

/** Builds the model of one Gateway and reports its findings. */
export function buildGateway(index: ClusterIndex, gw: Gateway, controllers: Readonly<Record<string, ProfileId>>, sink: FindingSink): GatewayModel {
  const ref = refOf(index.cluster, gw);
  const cls: GatewayClass | undefined = index.classes.get(gw.spec.gatewayClassName);
  const controllerName = cls?.spec.controllerName ?? null;
  const known = profileFor(controllers, controllerName ?? undefined);
  const profile = known ?? PROFILES.spec;
  const listeners = buildListeners(index, gw, profile);
  // Conditions are computed with the spec profile even for unknown controllers, so a GitOps review still
  // shows what a conformant controller would write; `ours` says whether a controller will write them.
  const conditions = gatewayConditions(listeners, profile, parametersProblem(index, gw, profile));
  const model: GatewayModel = {
    cluster: index.cluster, obj: gw, ref, key: nsKey(gw), className: gw.spec.gatewayClassName, controllerName, profile, ours: known !== undefined, listeners, conditions,
  };
  if (!cls) report(sink, "GW_CLASS_UNKNOWN", [ref], "spec.gatewayClassName", `GatewayClass ${gw.spec.gatewayClassName} must exist in cluster ${index.cluster}; no controller reconciles this Gateway`);
  else if (!known) report(sink, "GW_CLASS_UNKNOWN", [ref, refOf(index.cluster, cls)], "spec.gatewayClassName", `GatewayClass ${cls.metadata.name} must have a controllerName Meshpane knows (got ${controllerName ?? ""}); configure it to analyse this Gateway`);
  const accepted = conditions.find((c) => c.type === "Accepted");
  if (accepted?.reason === "InvalidParameters") report(sink, "GW_PARAMETERS_INVALID", [ref], "spec.infrastructure.parametersRef", accepted.message);
  reportListenerProblems(sink, model);
  reportSelectors(sink, index, model);
  return model;
}
