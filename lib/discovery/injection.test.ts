import { describe, expect, it } from "vitest";
import type { Namespace, PodTemplate } from "../model/core";
import { namespaceInjection, predictInjection, type InjectionInput, type InjectorConfig } from "./injection";

function ns(name: string, labels?: Record<string, string>): Namespace {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, ...(labels ? { labels } : {}) } };
}

function template(o: { annotations?: Record<string, string>; hostNetwork?: boolean; labels?: Record<string, string> } = {}): PodTemplate {
  return {
    metadata: { labels: o.labels ?? { app: "x" }, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: { containers: [{ name: "app", image: "app:1" }], ...(o.hostNetwork !== undefined ? { hostNetwork: o.hostNetwork } : {}) },
  };
}

const config = (c: Partial<InjectorConfig> = {}): InjectorConfig => ({ policy: "disabled", neverInjectSelector: [], alwaysInjectSelector: [], ...c });

function input(o: Partial<InjectionInput> & { nsLabels?: Record<string, string> } = {}): InjectionInput {
  const namespace = o.namespace ?? "apps";
  return {
    namespace,
    namespaceInjection: o.namespaceInjection ?? namespaceInjection(namespace, ns(namespace, o.nsLabels)),
    template: o.template ?? template(),
    controllerLabels: o.controllerLabels ?? { app: "x" },
    config: o.config === undefined ? config() : o.config,
  };
}

describe("namespaceInjection", () => {
  it.each([
    ["istio-injection=enabled", "apps", { "istio-injection": "enabled" }, true],
    ["istio-injection=disabled", "apps", { "istio-injection": "disabled" }, false],
    ["istio-injection with another value", "apps", { "istio-injection": "true" }, false],
    ["istio.io/rev with any value", "apps", { "istio.io/rev": "1-22" }, true],
    ["istio.io/rev with an empty value", "apps", { "istio.io/rev": "" }, true],
    ["no label", "apps", {}, false],
    ["istio-system even when labelled", "istio-system", { "istio-injection": "enabled" }, false],
    ["kube-system even when labelled", "kube-system", { "istio.io/rev": "default" }, false],
    ["kube-public", "kube-public", { "istio-injection": "enabled" }, false],
    ["kube-node-lease", "kube-node-lease", { "istio-injection": "enabled" }, false],
    ["local-path-storage", "local-path-storage", { "istio-injection": "enabled" }, false],
  ])("%s", (_label, name, labels, want) => {
    expect(namespaceInjection(name, ns(name, labels)).injected).toBe(want);
  });

  it("treats a namespace without a Namespace object as not injected", () => {
    expect(namespaceInjection("ghost", undefined).injected).toBe(false);
  });
});

describe("predictInjection", () => {
  it("injects by namespace label", () => {
    expect(predictInjection(input({ nsLabels: { "istio-injection": "enabled" } }))).toMatchObject({ injected: true, reason: "namespace-label" });
    expect(predictInjection(input({ nsLabels: { "istio.io/rev": "canary" } }))).toMatchObject({ injected: true, reason: "namespace-label" });
  });

  it.each(["y", "yes", "true", "on", "TRUE", "Yes"])("annotation %j forces injection in an unlabelled namespace", (value) => {
    expect(predictInjection(input({ template: template({ annotations: { "sidecar.istio.io/inject": value } }) }))).toMatchObject({ injected: true, reason: "annotation" });
  });

  it.each(["false", "no", "off", "n", "0", "disabled"])("annotation %j disables injection in a labelled namespace", (value) => {
    const got = predictInjection(input({ nsLabels: { "istio-injection": "enabled" }, template: template({ annotations: { "sidecar.istio.io/inject": value } }) }));
    expect(got).toMatchObject({ injected: false, reason: "annotation" });
  });

  it("treats an empty annotation as absent", () => {
    const got = predictInjection(input({ nsLabels: { "istio-injection": "enabled" }, template: template({ annotations: { "sidecar.istio.io/inject": "" } }) }));
    expect(got).toMatchObject({ injected: true, reason: "namespace-label" });
  });

  it("never injects hostNetwork pods, whatever the annotation says", () => {
    const got = predictInjection(input({ nsLabels: { "istio-injection": "enabled" }, template: template({ hostNetwork: true, annotations: { "sidecar.istio.io/inject": "true" } }) }));
    expect(got).toMatchObject({ injected: false, reason: "hostNetwork" });
  });

  it("never injects workloads of system namespaces, whatever the annotation says", () => {
    const got = predictInjection(input({ namespace: "kube-system", template: template({ annotations: { "sidecar.istio.io/inject": "true" } }), config: config({ policy: "enabled" }) }));
    expect(got).toMatchObject({ injected: false, reason: "system-namespace" });
  });

  it("evaluates neverInjectSelector on the controller's labels, not the pod template's", () => {
    const never = config({ neverInjectSelector: [{ matchLabels: { team: "legacy" } }] });
    const base = { nsLabels: { "istio-injection": "enabled" }, config: never };
    expect(predictInjection(input({ ...base, controllerLabels: { team: "legacy" } }))).toMatchObject({ injected: false, reason: "injector-policy" });
    // The same label on the pod template only is ignored: the namespace label still injects.
    expect(predictInjection(input({ ...base, controllerLabels: {}, template: template({ labels: { team: "legacy" } }) }))).toMatchObject({ injected: true, reason: "namespace-label" });
  });

  it("evaluates alwaysInjectSelector on the controller's labels, also with matchExpressions", () => {
    const always = config({ alwaysInjectSelector: [{ matchExpressions: [{ key: "tier", operator: "In", values: ["web", "api"] }] }] });
    expect(predictInjection(input({ config: always, controllerLabels: { tier: "api" } }))).toMatchObject({ injected: true, reason: "injector-policy" });
    expect(predictInjection(input({ config: always, controllerLabels: {}, template: template({ labels: { tier: "api" } }) }))).toMatchObject({ injected: false, reason: "none" });
  });

  it("lets the annotation win over the selectors", () => {
    const both = config({ alwaysInjectSelector: [{ matchLabels: { app: "x" } }] });
    const got = predictInjection(input({ config: both, template: template({ annotations: { "sidecar.istio.io/inject": "false" } }) }));
    expect(got).toMatchObject({ injected: false, reason: "annotation" });
  });

  it("ignores empty and invalid selectors", () => {
    const bad = config({
      neverInjectSelector: [{}, { matchLabels: {} }, { matchExpressions: [{ key: "app", operator: "In", values: [] }] }, { matchExpressions: [{ key: "app", operator: "Exists", values: ["x"] }] }],
    });
    expect(predictInjection(input({ config: bad, nsLabels: { "istio-injection": "enabled" } }))).toMatchObject({ injected: true, reason: "namespace-label" });
  });

  it("injects everything not opted out when the injector policy is enabled (Gloo's quirk: no webhook selector)", () => {
    expect(predictInjection(input({ config: config({ policy: "enabled" }) }))).toMatchObject({ injected: true, reason: "injector-policy" });
    const never = config({ policy: "enabled", neverInjectSelector: [{ matchLabels: { app: "x" } }] });
    expect(predictInjection(input({ config: never }))).toMatchObject({ injected: false, reason: "injector-policy" });
  });

  it("treats a missing injector config as policy disabled", () => {
    expect(predictInjection(input({ config: null }))).toMatchObject({ injected: false, reason: "none" });
    expect(predictInjection(input({ config: null, nsLabels: { "istio-injection": "enabled" } }))).toMatchObject({ injected: true, reason: "namespace-label" });
  });
});
