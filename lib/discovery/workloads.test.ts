import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { discover } from "./index";
import {
  APP, PROXY, controller, deployment, injectorConfig, istiod, meshConfig, namespace, pod, replicaSet, rolledOut, snapshotOf,
} from "./testdata/fixtures";

/** Compares with `testdata/<name>.golden.json`; `UPDATE_GOLDEN=1` rewrites it instead. */
function expectGolden(name: string, value: unknown): void {
  const file = new URL(`./testdata/${name}.golden.json`, import.meta.url);
  const plain: unknown = JSON.parse(JSON.stringify(value));
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  expect(plain).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

const INJECTOR = `policy: disabled
neverInjectSelector:
  - matchLabels: { skip-mesh: "true" }
alwaysInjectSelector:
  - matchExpressions: [{ key: force-mesh, operator: In, values: ["true"] }]
`;

/** cluster-1: one rule per workload. */
function cluster1() {
  return [
    istiod(), meshConfig(), injectorConfig(INJECTOR),
    namespace("labelled", { "istio-injection": "enabled" }),
    namespace("revlabel", { "istio.io/rev": "1-22" }),
    namespace("plain"),
    namespace("kube-system"),
    namespace("istio-system", { "istio-injection": "enabled" }),
    // Namespace label; pods reached through ReplicaSet → Deployment; one of two Pods ready.
    ...rolledOut("web", { namespace: "labelled", pods: 2, readyPods: 1, serviceAccountName: "web" }),
    // `istio.io/rev` label; a StatefulSet owns its Pods directly.
    controller("StatefulSet", "db", { namespace: "revlabel" }),
    pod("db-0", { namespace: "revlabel", labels: { app: "db" }, owner: { kind: "StatefulSet", name: "db" } }),
    pod("db-1", { namespace: "revlabel", labels: { app: "db" }, owner: { kind: "StatefulSet", name: "db" }, ready: false, phase: "Pending" }),
    // Annotation forces injection in an unlabelled namespace; annotation disables it in a labelled one.
    deployment("annotated", { namespace: "plain", templateAnnotations: { "sidecar.istio.io/inject": "true" } }),
    deployment("opted-out", { namespace: "labelled", templateAnnotations: { "sidecar.istio.io/inject": "false" } }),
    // Injector selectors see the controller's labels: `never` by controller label wins over the
    // namespace label; the same label on the pod template alone does nothing; `always` injects.
    deployment("never", { namespace: "labelled", labels: { "skip-mesh": "true" } }),
    deployment("never-template-only", { namespace: "labelled", templateLabels: { app: "never-template-only", "skip-mesh": "true" } }),
    deployment("always", { namespace: "plain", labels: { "force-mesh": "true" } }),
    // hostNetwork is never injected, even in a labelled namespace.
    controller("DaemonSet", "node-agent", { namespace: "labelled", hostNetwork: true }),
    // System namespace: ignored even with the annotation.
    deployment("coredns", { namespace: "kube-system", templateAnnotations: { "sidecar.istio.io/inject": "true" } }),
    // A gateway carries istio-proxy in its template: in the mesh whatever its namespace says.
    deployment("istio-ingressgateway", { namespace: "istio-system", templateLabels: { istio: "ingressgateway" }, containers: [PROXY] }),
    // No rule predicts injection, but a Pod of the workload runs a sidecar: the fallback.
    ...rolledOut("legacy", { namespace: "plain", podContainers: [APP("legacy"), PROXY] }),
    // A Pod whose ReplicaSet is missing belongs to nobody, sidecar or not.
    deployment("lost", { namespace: "plain" }),
    pod("lost-6b7c-x", { namespace: "plain", labels: { app: "lost" }, owner: { kind: "ReplicaSet", name: "lost-6b7c" }, containers: [PROXY] }),
    // A ReplicaSet the Deployment does not control (no controller ownerRef) does not link its Pods.
    deployment("adopted", { namespace: "plain" }),
    replicaSet("adopted-1", "plain", undefined),
    pod("adopted-1-x", { namespace: "plain", labels: { app: "adopted" }, owner: { kind: "ReplicaSet", name: "adopted-1" }, containers: [PROXY] }),
    // A DaemonSet Pod with a non-controller ownerRef is not the DaemonSet's.
    controller("DaemonSet", "logger", { namespace: "plain" }),
    pod("logger-abcde", { namespace: "plain", labels: { app: "logger" }, owner: { kind: "DaemonSet", name: "logger", controller: false }, containers: [PROXY] }),
  ];
}

function scenario() {
  return snapshotOf({
    "cluster-1": cluster1(),
    // Injector policy `enabled`: Gloo predicts injection for every workload not opted out, labelled
    // namespace or not (its copy of Istio's logic has no webhook namespace selector).
    "cluster-2": [istiod(), meshConfig(), injectorConfig("policy: enabled\n"), namespace("plain"), deployment("anything", { namespace: "plain" })],
    // An unreadable injector config is reported and treated as absent: the namespace label still counts.
    "cluster-3": [istiod(), meshConfig(), injectorConfig("policy: [oops\n"), namespace("labelled", { "istio-injection": "enabled" }), deployment("web", { namespace: "labelled" })],
    // No mesh: even a sidecar in the template leaves the workload outside.
    "no-mesh": [namespace("apps", { "istio-injection": "enabled" }), deployment("gw", { namespace: "apps", containers: [PROXY] })],
  });
}

describe("workload detection (reference §1.4)", () => {
  it("matches the golden for every attribution rule", () => {
    const { workloads, diagnostics } = discover(scenario());
    expectGolden("workloads", { workloads, diagnostics: diagnostics.filter((d) => d.code.startsWith("INJECTOR_")) });
  });

  it("lists only Deployments, StatefulSets and DaemonSets (not ReplicaSets or bare Pods)", () => {
    const snap = snapshotOf({ c: [istiod(), meshConfig(), replicaSet("rs", "default", undefined), pod("bare", { containers: [PROXY] })] });
    expect(discover(snap).workloads.map((w) => `${w.kind}/${w.name}`)).toEqual(["Deployment/istiod"]);
  });
});
