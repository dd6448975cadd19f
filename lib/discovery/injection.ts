import { parse as parseYaml } from "yaml";
import type { Namespace, PodTemplate } from "../model/core";
import { labelSelectorSchema, type LabelSelector } from "../model/meta";
import { matchesLabelSelector } from "../snapshot/labels";
import { report, type DiagnosticSink } from "./diagnostics";
import { nsKey, type ClusterIndex } from "./indexes";
import { isRecord } from "./mesh-config";
import type { InjectionReason, Labels, MeshView } from "./types";

/**
 * Sidecar injection prediction, step 2 of workload mesh attribution (reference §1.4), as the newer
 * Gloo Mesh v1 code does it: a copy of Istio's `injectRequired` run against the workload's pod
 * template, with two quirks kept on purpose: the never/always selectors are matched against the
 * controller's own labels (not the pod template's), and the injector's default policy applies to
 * every namespace that is not ignored, whether or not its label selects the webhook.
 */

const INJECTOR_CONFIGMAP = "istio-sidecar-injector";
const INJECTOR_CONFIG_KEY = "config";
const INJECT_ANNOTATION = "sidecar.istio.io/inject";
const TRUTHY = new Set(["y", "yes", "true", "on"]);
/** Namespaces whose workloads are never injected. */
const IGNORED_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"]);

/** The parts of Istio's injector config that decide injection. */
export interface InjectorConfig {
  policy: string;
  neverInjectSelector: LabelSelector[];
  alwaysInjectSelector: LabelSelector[];
}

/** Whether a namespace's labels ask for injection, and which label said so. */
export interface NamespaceInjection {
  injected: boolean;
  detail: string;
}

export interface InjectionDecision {
  injected: boolean;
  reason: InjectionReason;
  detail: string;
}

/**
 * The injector config of a mesh: ConfigMap `istio-sidecar-injector` (no revision suffix, as Gloo
 * reads it) in istiod's namespace, key `config`. Missing ⇒ null (policy disabled, selectors none);
 * present but unreadable ⇒ null and a warning.
 */
export function loadInjectorConfig(index: ClusterIndex, mesh: MeshView, sink: DiagnosticSink): InjectorConfig | null {
  const cm = index.configMaps.get(nsKey(mesh.namespace, INJECTOR_CONFIGMAP));
  if (!cm) return null;
  const fail = (why: string) => {
    report(sink, "INJECTOR_CONFIG_INVALID", "warning", index.cluster.name, cm, `ConfigMap ${mesh.namespace}/${INJECTOR_CONFIGMAP} ${why}; injection is predicted as if the injector policy were disabled`);
    return null;
  };
  const text = cm.data?.[INJECTOR_CONFIG_KEY];
  if (text === undefined) return fail(`must have a "${INJECTOR_CONFIG_KEY}" key`);
  let doc: unknown;
  try {
    doc = parseYaml(text) ?? {};
  } catch {
    return fail(`key "${INJECTOR_CONFIG_KEY}" must be valid YAML`);
  }
  if (!isRecord(doc)) return fail(`key "${INJECTOR_CONFIG_KEY}" must be a YAML mapping`);
  return {
    policy: typeof doc.policy === "string" ? doc.policy : "",
    neverInjectSelector: readSelectors(doc.neverInjectSelector),
    alwaysInjectSelector: readSelectors(doc.alwaysInjectSelector),
  };
}

/** The well-formed selectors of a list; malformed ones are dropped, as Istio ignores them. */
function readSelectors(value: unknown): LabelSelector[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = labelSelectorSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Namespace injection by label: `istio-injection=enabled` or any value of `istio.io/rev`. Never for
 * `istio-system` or the Kubernetes system namespaces, nor for a namespace with no Namespace object.
 */
export function namespaceInjection(name: string, ns: Namespace | undefined): NamespaceInjection {
  if (name === "istio-system") return { injected: false, detail: "the istio-system namespace is never injected by its label" };
  if (IGNORED_NAMESPACES.has(name)) return { injected: false, detail: `${name} is a system namespace` };
  const labels = ns?.metadata.labels ?? {};
  if (labels["istio-injection"] === "enabled") return { injected: true, detail: `namespace ${name} is labelled istio-injection=enabled` };
  const rev = labels["istio.io/rev"];
  if (rev !== undefined) return { injected: true, detail: `namespace ${name} is labelled istio.io/rev=${rev}` };
  return { injected: false, detail: `namespace ${name} has neither istio-injection=enabled nor istio.io/rev` };
}

/** Everything the prediction looks at for one workload and one mesh. */
export interface InjectionInput {
  namespace: string;
  namespaceInjection: NamespaceInjection;
  template: PodTemplate;
  controllerLabels: Labels;
  config: InjectorConfig | null;
}

/** Istio's `injectRequired` as Gloo copied it: which rule decides, in order. */
export function predictInjection(input: InjectionInput): InjectionDecision {
  if (input.template.spec.hostNetwork === true) return { injected: false, reason: "hostNetwork", detail: "the pod template uses hostNetwork, which is never injected" };
  if (IGNORED_NAMESPACES.has(input.namespace)) return { injected: false, reason: "system-namespace", detail: `${input.namespace} is a system namespace, never injected` };
  const annotation = input.template.metadata?.annotations?.[INJECT_ANNOTATION] ?? "";
  if (annotation !== "") {
    const on = TRUTHY.has(annotation.toLowerCase());
    return { injected: on, reason: "annotation", detail: `pod template annotation ${INJECT_ANNOTATION}="${annotation}" ${on ? "forces" : "disables"} injection` };
  }
  const policy = input.config?.policy ?? "disabled";
  if (matchesAny(input.config?.neverInjectSelector, input.controllerLabels)) {
    return { injected: false, reason: "injector-policy", detail: "the controller's labels match the injector's neverInjectSelector" };
  }
  if (input.namespaceInjection.injected) return { injected: true, reason: "namespace-label", detail: input.namespaceInjection.detail };
  if (matchesAny(input.config?.alwaysInjectSelector, input.controllerLabels)) {
    return { injected: true, reason: "injector-policy", detail: "the controller's labels match the injector's alwaysInjectSelector" };
  }
  if (policy === "enabled") return { injected: true, reason: "injector-policy", detail: "the injector policy is enabled and nothing opts the workload out" };
  return { injected: false, reason: "none", detail: `${input.namespaceInjection.detail}, no annotation asks for injection and the injector policy is ${input.config ? `"${policy}"` : "absent (treated as disabled)"}` };
}

/** True when a valid, non-empty selector in the list matches (invalid ones are ignored, as in Istio). */
function matchesAny(selectors: readonly LabelSelector[] | undefined, labels: Labels): boolean {
  return (selectors ?? []).some((s) => isUsableSelector(s) && matchesLabelSelector(s, labels));
}

/** `LabelSelectorAsSelector` succeeds and the selector is not empty. */
function isUsableSelector(selector: LabelSelector): boolean {
  const expressions = selector.matchExpressions ?? [];
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && expressions.length === 0) return false;
  return expressions.every((e) => {
    const values = e.values ?? [];
    if (e.operator === "In" || e.operator === "NotIn") return values.length > 0;
    if (e.operator === "Exists" || e.operator === "DoesNotExist") return values.length === 0;
    return false;
  });
}
