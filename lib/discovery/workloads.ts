import type { Container, Pod, WorkloadController } from "../model/core";
import { objectsOf } from "../snapshot/snapshot";
import type { DiagnosticSink } from "./diagnostics";
import { ownerKey, type ClusterIndex } from "./indexes";
import { loadInjectorConfig, namespaceInjection, predictInjection, type InjectionDecision, type InjectorConfig, type NamespaceInjection } from "./injection";
import { meshRefOf } from "./meshes";
import { discoveredWorkloadName } from "./names";
import type { InjectionReason, MeshView, WorkloadKind, WorkloadView } from "./types";

/** Workload detection (reference §1.4): Deployments, StatefulSets and DaemonSets and their mesh. */

const CONTROLLER_KINDS: readonly { kind: WorkloadKind; groupKind: string }[] = [
  { kind: "DaemonSet", groupKind: "DaemonSet.apps" },
  { kind: "Deployment", groupKind: "Deployment.apps" },
  { kind: "StatefulSet", groupKind: "StatefulSet.apps" },
];
const PROXY_CONTAINER = "istio-proxy";

interface Attribution {
  mesh: MeshView | null;
  reason: InjectionReason;
  detail: string;
}

/** Caches per pass: injector config per mesh, namespace injection per namespace. */
interface WorkloadContext {
  index: ClusterIndex;
  /** The cluster's Istio meshes in skv2 order; the first is "the" mesh of the cluster. */
  meshes: readonly MeshView[];
  injectorConfigs: Map<string, InjectorConfig | null>;
  namespaces: Map<string, NamespaceInjection>;
  sink: DiagnosticSink;
}

/**
 * Every workload controller of one cluster with its mesh attribution. Controllers with `mesh: null`
 * are listed too (Gloo would not emit them) so the UI can say why they are outside the mesh.
 */
export function discoverWorkloads(index: ClusterIndex, meshes: readonly MeshView[], sink: DiagnosticSink): WorkloadView[] {
  const ctx: WorkloadContext = { index, meshes, injectorConfigs: new Map(), namespaces: new Map(), sink };
  const out: WorkloadView[] = [];
  for (const { kind, groupKind } of CONTROLLER_KINDS) {
    for (const controller of objectsOf<WorkloadController>(index.cluster, groupKind)) out.push(toWorkloadView(ctx, kind, controller));
  }
  return out;
}

function toWorkloadView(ctx: WorkloadContext, kind: WorkloadKind, controller: WorkloadController): WorkloadView {
  const cluster = ctx.index.cluster.name;
  const { name } = controller.metadata;
  const namespace = controller.metadata.namespace ?? "";
  const pods = ctx.index.podsByOwner.get(ownerKey(kind, namespace, name)) ?? [];
  const attribution = attributeMesh(ctx, controller, pods);
  const template = controller.spec.template;
  return {
    cluster, namespace, name,
    discoveredName: discoveredWorkloadName(name, namespace, cluster, kind),
    kind,
    controller: { cluster, group: "apps", kind, namespace, name },
    podLabels: { ...(template.metadata?.labels ?? {}) },
    serviceAccountName: template.spec.serviceAccountName ?? "",
    mesh: attribution.mesh ? meshRefOf(attribution.mesh) : null,
    injection: attribution.reason,
    injectionDetail: attribution.detail,
    pods: { total: pods.length, ready: pods.filter(isPodReady).length },
  };
}

/**
 * The mesh of a workload, newer v1 rules in order: (1) an `istio-proxy` container in the pod template
 * ⇒ the cluster's first mesh; (2) injection predicted for a mesh of the cluster (tried in order, each
 * with its own injector config) ⇒ that mesh; (3) an owned Pod running an `istio-proxy` container ⇒ the
 * first mesh. The v1 code checks no Pod phase in (3): any live Pod of the workload counts.
 */
function attributeMesh(ctx: WorkloadContext, controller: WorkloadController, pods: readonly Pod[]): Attribution {
  const first = ctx.meshes[0];
  if (!first) return { mesh: null, reason: "none", detail: `no Istio mesh was discovered in cluster ${ctx.index.cluster.name}` };
  const template = controller.spec.template;
  if (hasProxy(template.spec.containers)) {
    return { mesh: first, reason: "sidecar-in-template", detail: `the pod template already has an ${PROXY_CONTAINER} container (a gateway or manual injection)` };
  }
  let decision: InjectionDecision | undefined;
  for (const mesh of ctx.meshes) {
    const d = predictInjection({
      namespace: controller.metadata.namespace ?? "",
      namespaceInjection: namespaceInjectionOf(ctx, controller.metadata.namespace ?? ""),
      template,
      controllerLabels: controller.metadata.labels ?? {},
      config: injectorConfigOf(ctx, mesh),
    });
    if (d.injected) return { mesh, reason: d.reason, detail: d.detail };
    decision ??= d;
  }
  const withSidecar = pods.find((p) => hasProxy(p.spec.containers));
  if (withSidecar) {
    return { mesh: first, reason: "running-pod-sidecar", detail: `Pod ${withSidecar.metadata.name} runs an ${PROXY_CONTAINER} container` };
  }
  return { mesh: null, reason: decision?.reason ?? "none", detail: decision?.detail ?? "" };
}

function injectorConfigOf(ctx: WorkloadContext, mesh: MeshView): InjectorConfig | null {
  if (!ctx.injectorConfigs.has(mesh.discoveredName)) ctx.injectorConfigs.set(mesh.discoveredName, loadInjectorConfig(ctx.index, mesh, ctx.sink));
  return ctx.injectorConfigs.get(mesh.discoveredName) ?? null;
}

function namespaceInjectionOf(ctx: WorkloadContext, namespace: string): NamespaceInjection {
  let found = ctx.namespaces.get(namespace);
  if (!found) ctx.namespaces.set(namespace, (found = namespaceInjection(namespace, ctx.index.namespaces.get(namespace))));
  return found;
}

function hasProxy(containers: readonly Container[]): boolean {
  return containers.some((c) => c.name === PROXY_CONTAINER);
}

/** A Pod is ready when its `Ready` condition is `True`. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}
