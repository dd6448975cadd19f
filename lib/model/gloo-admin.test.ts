import { describe, expect, it } from "vitest";
import { parseObject } from "./registry";
import { expectParses, expectRejected, withChange, yamlFixture } from "./testing";

const bookinfoWorkspace = yamlFixture(`
apiVersion: admin.gloo.solo.io/v2
kind: Workspace
metadata:
  name: bookinfo
  namespace: gloo-mesh
  labels:
    team: bookinfo
spec:
  workloadClusters:
  - name: cluster1
    namespaces:
    - name: bookinfo-frontends
    - name: bookinfo-backends
  - name: cluster2
    namespaces:
    - name: bookinfo-backends
      labels:
        istio-injection: enabled
  - selector:
      region: us-east
    namespaces:
    - name: "bookinfo-*"
status:
  common:
    State:
      approval: ACCEPTED
      observedGeneration: "3"
    workspaceConditions:
      Accepted: 2
  numSelectedClusters: 2
  numSelectedNamespaces: 3
  policyCounts: {security: 1}
  futureCounter: 7
`);

const workspaceSettings = yamlFixture(`
apiVersion: admin.gloo.solo.io/v2
kind: WorkspaceSettings
metadata:
  name: bookinfo
  namespace: bookinfo-frontends
spec:
  importFrom:
  - workspaces:
    - name: gateways
  exportTo:
  - workspaces:
    - selector:
        gloo.solo.io/exportToGateway: "true"
    resources:
    - kind: SERVICE
      labels:
        app: productpage
    - kind: ROUTE_TABLE
    - kind: VIRTUAL_DESTINATION
      name: reviews-vd
  options:
    serviceIsolation:
      enabled: true
      trimProxyConfig: true
    federation:
      enabled: true
      hostSuffix: global
      serviceSelector:
      - namespace: bookinfo-backends
        labels:
          app: reviews
      ports:
      - number: 9080
    eastWestGateways:
    - selector:
        labels:
          istio: eastwestgateway
      port:
        name: tls
    virtualDestClientMode:
      tlsTermination: {}
    trimAllProxyConfig: false
`);

const kubernetesCluster = yamlFixture(`
apiVersion: admin.gloo.solo.io/v2
kind: KubernetesCluster
metadata:
  name: cluster1
  namespace: gloo-mesh
  labels:
    region: us-east
spec:
  clusterDomain: cluster.local
status:
  conditions:
  - type: Ready
    status: "True"
    lastTransitionTime: "2024-05-01T10:00:00Z"
`);

const rootTrustPolicy = yamlFixture(`
apiVersion: admin.gloo.solo.io/v2
kind: RootTrustPolicy
metadata:
  name: root-trust-policy
  namespace: gloo-mesh
spec:
  config:
    mgmtServerCa:
      generated:
        ttlDays: 365
    autoRestartPods: true
status:
  observedGeneration: 1
  state: ACCEPTED
`);

describe("admin.gloo.solo.io/v2", () => {
  it("parses a realistic manifest of every kind, keeping unknown fields", () => {
    for (const raw of [bookinfoWorkspace, workspaceSettings, kubernetesCluster, rootTrustPolicy]) expectParses(raw);
    const result = parseObject(bookinfoWorkspace);
    expect(result.ok && (result.object.status as Record<string, unknown>).futureCounter).toBe(7);
  });

  it("accepts the global workspace, a policy-only workspace and configEnabled set on every sibling", () => {
    expectParses(yamlFixture(`
apiVersion: admin.gloo.solo.io/v2
kind: Workspace
metadata: {name: global, namespace: gloo-mesh, labels: {gloo.solo.io/global: "true"}}
spec:
  workloadClusters:
  - name: "*"
    namespaces:
    - name: "*"
`));
    expectParses(yamlFixture("apiVersion: admin.gloo.solo.io/v2\nkind: Workspace\nmetadata: {name: policies, namespace: gloo-mesh}\nspec: {}\n"));
    const explicit = withChange(withChange(bookinfoWorkspace, ["spec", "workloadClusters", 0, "configEnabled"], true), ["spec", "workloadClusters", 1, "configEnabled"], false);
    expectParses(withChange(explicit, ["spec", "workloadClusters", 2, "configEnabled"], false));
  });

  it("accepts the 2.0/2.1 status shape and the 2.1 API_SCHEMA resource kind", () => {
    expectParses(withChange(bookinfoWorkspace, ["status"], { global: { state: "ACCEPTED" }, workspaces: { bookinfo: { clusters: {} } }, ownerWorkspace: { workspace: "bookinfo" } }));
    expectParses(withChange(workspaceSettings, ["spec", "exportTo", 0, "resources", 0, "kind"], "API_SCHEMA"));
  });

  it("rejects a cluster entry without namespaces", () => {
    expectRejected(withChange(bookinfoWorkspace, ["spec", "workloadClusters", 1, "namespaces"], []), "spec.workloadClusters[1].namespaces", "at least one namespace");
  });

  it("rejects configEnabled set on only some siblings", () => {
    const one = withChange(bookinfoWorkspace, ["spec", "workloadClusters", 0, "configEnabled"], false);
    expectRejected(one, "spec.workloadClusters[1].configEnabled", "set explicitly");
    const ns = withChange(bookinfoWorkspace, ["spec", "workloadClusters", 0, "namespaces", 0, "configEnabled"], true);
    expectRejected(ns, "spec.workloadClusters[0].namespaces[1].configEnabled", "set explicitly");
  });

  it("rejects unknown enum values, oneof violations and a wrong version", () => {
    expectRejected(withChange(workspaceSettings, ["spec", "exportTo", 0, "resources", 1, "kind"], "ROUTETABLE"), "spec.exportTo[0].resources[1].kind", "ROUTE_TABLE");
    expectRejected(withChange(workspaceSettings, ["spec", "options", "eastWestGateways", 0, "port"], { name: "tls", number: 15443 }), "spec.options.eastWestGateways[0].port.name", "only one of number, name");
    expectRejected(withChange(workspaceSettings, ["spec", "options", "virtualDestClientMode", "auto"], {}), "spec.options.virtualDestClientMode.tlsTermination", "only one of");
    expectRejected(withChange(rootTrustPolicy, ["spec", "config", "agentCa"], {}), "spec.config.agentCa", "mgmtServerCa");
    expectRejected(withChange(kubernetesCluster, ["apiVersion"], "admin.gloo.solo.io/v1"), "apiVersion", "admin.gloo.solo.io/v2");
    expectRejected(withChange(kubernetesCluster, ["spec", "skipWarming"], "yes"), "spec.skipWarming", "boolean");
  });
});
