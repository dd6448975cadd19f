import type { KubeObject } from "../../model/meta";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "../../snapshot/snapshot";

/**
 * Builders for workspace and policy test inputs: plain objects shaped as `kubectl get -o yaml` shows them,
 * with only the fields a test needs. Used by colocated tests only.
 */

type Labels = Record<string, string>;
type Spec = Record<string, unknown>;

/** The management cluster and admin namespace of every fixture world. */
export const MGMT = "mgmt";
export const ADMIN_NS = "gloo-mesh";

interface MetaOptions {
  labels?: Labels;
  created?: string;
}

function meta(name: string, namespace: string | undefined, o: MetaOptions = {}): KubeObject["metadata"] {
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(o.labels ? { labels: o.labels } : {}),
    ...(o.created ? { creationTimestamp: o.created } : {}),
  };
}

/** A Workspace in the admin namespace. */
export function workspace(name: string, workloadClusters: Spec[], o: MetaOptions = {}): KubeObject {
  return { apiVersion: "admin.gloo.solo.io/v2", kind: "Workspace", metadata: meta(name, ADMIN_NS, o), spec: { workloadClusters } };
}

/** A WorkspaceSettings. */
export function settings(name: string, namespace: string, spec: Spec = {}, o: MetaOptions = {}): KubeObject {
  return { apiVersion: "admin.gloo.solo.io/v2", kind: "WorkspaceSettings", metadata: meta(name, namespace, o), spec };
}

/** A KubernetesCluster registration with labels. */
export function kubeCluster(name: string, labels: Labels = {}): KubeObject {
  return { apiVersion: "admin.gloo.solo.io/v2", kind: "KubernetesCluster", metadata: meta(name, ADMIN_NS, { labels }), spec: {} };
}

/** A Namespace. */
export function namespace(name: string, labels?: Labels): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: meta(name, undefined, labels ? { labels } : {}) };
}

/** A Service with one http port 9080. */
export function service(name: string, ns: string, labels: Labels = { app: name }): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: meta(name, ns, { labels }), spec: { selector: { app: name }, ports: [{ name: "http", port: 9080 }] } };
}

/** A RouteTable. */
export function routeTable(name: string, ns: string, spec: Spec, o: MetaOptions = {}): KubeObject {
  return { apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: meta(name, ns, o), spec };
}

/** An HTTP route forwarding to destinations given as `[name, namespace, cluster, kind?]`. */
export function forwardRoute(name: string, labels: Labels, destinations: [string, string, string, string?][]): Spec {
  return {
    name,
    labels,
    forwardTo: {
      destinations: destinations.map(([n, ns, cluster, kind]) => ({ ref: { name: n, namespace: ns, cluster }, port: { number: 9080 }, ...(kind ? { kind } : {}) })),
    },
  };
}

/** A VirtualDestination with one host and port. */
export function virtualDestination(name: string, ns: string, labels: Labels = {}, o: MetaOptions = {}): KubeObject {
  return { apiVersion: "networking.gloo.solo.io/v2", kind: "VirtualDestination", metadata: meta(name, ns, { ...o, labels }), spec: { hosts: [`${name}.mesh.internal`], ports: [{ number: 80, protocol: "HTTP" }] } };
}

/** An ExternalService with one host and port. */
export function externalService(name: string, ns: string, labels: Labels = {}): KubeObject {
  return { apiVersion: "networking.gloo.solo.io/v2", kind: "ExternalService", metadata: meta(name, ns, { labels }), spec: { hosts: [`${name}.example.com`], ports: [{ number: 443, protocol: "HTTPS" }] } };
}

const POLICY_GROUPS: Record<string, string> = {
  AccessPolicy: "security.policy.gloo.solo.io",
  CORSPolicy: "security.policy.gloo.solo.io",
  RetryTimeoutPolicy: "resilience.policy.gloo.solo.io",
  FaultInjectionPolicy: "resilience.policy.gloo.solo.io",
  FailoverPolicy: "resilience.policy.gloo.solo.io",
  OutlierDetectionPolicy: "resilience.policy.gloo.solo.io",
  HeaderManipulationPolicy: "trafficcontrol.policy.gloo.solo.io",
};

/** A minimal valid config per policy kind. */
const CONFIGS: Record<string, Spec> = {
  AccessPolicy: { authn: { tlsMode: "STRICT" } },
  CORSPolicy: { allowMethods: ["GET"] },
  RetryTimeoutPolicy: { requestTimeout: "5s" },
  FaultInjectionPolicy: { abort: { httpStatus: 503 } },
  FailoverPolicy: { localityMappings: [] },
  OutlierDetectionPolicy: { consecutiveErrors: 2 },
  HeaderManipulationPolicy: { removeResponseHeaders: ["server"] },
};

/** A v2 policy of `kind` with the given selector fields and a minimal config. */
export function policy(kind: string, name: string, ns: string, selectors: Spec = {}, o: MetaOptions = {}): KubeObject {
  return { apiVersion: `${POLICY_GROUPS[kind] ?? "security.policy.gloo.solo.io"}/v2`, kind, metadata: meta(name, ns, o), spec: { ...selectors, config: CONFIGS[kind] ?? {} } };
}

/** A snapshot of named clusters; `mgmt` is the management cluster. */
export function snapshotOf(clusters: Record<string, KubeObject[]>): Snapshot {
  return buildSnapshot(1, Object.entries(clusters).map(([name, objects]) => buildSnapshotCluster(name, name === MGMT, objects)));
}

/** A workspace entry selecting config namespace `<name>-config` on mgmt (configEnabled) and `namespaces` in `clusterGlob`. */
export function teamClusters(name: string, clusterGlob: string, namespaces: string[]): Spec[] {
  return [
    { name: MGMT, configEnabled: true, namespaces: [{ name: `${name}-config` }] },
    { name: clusterGlob, configEnabled: false, namespaces: namespaces.map((n) => ({ name: n })) },
  ];
}
