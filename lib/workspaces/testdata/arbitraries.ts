import fc from "fast-check";
import type { KubeObject } from "../../model/meta";
import { externalService, forwardRoute, namespace, policy, routeTable, service, settings, virtualDestination, workspace } from "./fixtures";

/**
 * fast-check arbitraries for small, schema-valid multi-cluster worlds with workspaces, settings,
 * Services, Gloo networking objects and policies. Names come from tiny pools so selectors, overlaps and
 * import/export agreements actually collide. Used by the property tests only.
 */

/** Pools of workspace and cluster names. */
export const WS_NAMES = ["a", "b", "c", "d"] as const;
export const CLUSTERS = ["mgmt", "cluster-1", "cluster-2"] as const;
const NAMESPACES = ["ns-a", "ns-b", "ns-c", "ns-d", "shared"] as const;
const APPS = ["x", "y"] as const;
const TS = ["2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z", undefined] as const;

/** One world: the objects of each cluster. */
export type World = Record<(typeof CLUSTERS)[number], KubeObject[]>;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const labelsArb = fc.dictionary(fc.constantFrom("team", "tier"), fc.constantFrom("a", "b", "edge"), { maxKeys: 2 });

const namespaceSelectorArb = fc.record({
  name: optional(fc.constantFrom(...NAMESPACES, "ns-*", "*")),
  labels: optional(fc.dictionary(fc.constant("team"), fc.constantFrom("a", "b"), { maxKeys: 1 })),
});

/**
 * A workloadClusters list that satisfies the schema (configEnabled on all siblings or none): the
 * workspace's own `ns-<name>` everywhere, plus sometimes one random entry that may overlap others.
 */
const workloadClustersArb = (name: string) => fc.tuple(
  fc.oneof(
    { arbitrary: fc.constant([]), weight: 4 },
    { arbitrary: fc.array(fc.record({ name: optional(fc.constantFrom("cluster-*", "cluster-1", "mgmt", "*")), namespaces: fc.array(namespaceSelectorArb, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 1 }), weight: 1 },
  ),
  fc.option(fc.tuple(fc.constant(true), fc.boolean()), { nil: undefined, freq: 3 }),
).map(([extra, flags]) => [{ name: "*", namespaces: [{ name: `ns-${name}` }] }, ...extra].map((e, i) => (flags ? { ...e, configEnabled: flags[i % 2] } : e)));

const workspaceSelectorArb = fc.oneof(
  { arbitrary: fc.record({ name: fc.constantFrom(...WS_NAMES, "*", "*", "a*") }), weight: 3 },
  { arbitrary: fc.record({ selector: fc.dictionary(fc.constantFrom("team", "tier"), fc.constantFrom("a", "b", "edge"), { minKeys: 1, maxKeys: 1 }) }), weight: 1 },
);
const resourceArb = fc.record({
  kind: optional(fc.constantFrom("ALL", "SERVICE", "ROUTE_TABLE", "VIRTUAL_DESTINATION", "EXTERNAL_SERVICE")),
  labels: optional(fc.dictionary(fc.constant("app"), fc.constantFrom(...APPS), { maxKeys: 1 })),
});
const ruleArb = fc.record({
  workspaces: fc.array(workspaceSelectorArb, { minLength: 1, maxLength: 2 }),
  resources: fc.option(fc.array(resourceArb, { maxLength: 2 }), { nil: undefined, freq: 2 }),
});
const settingsSpecArb = fc.record({ importFrom: optional(fc.array(ruleArb, { minLength: 1, maxLength: 2 })), exportTo: optional(fc.array(ruleArb, { minLength: 1, maxLength: 2 })) });

const placeArb = fc.record({ cluster: fc.constantFrom(...CLUSTERS), ns: fc.constantFrom(...NAMESPACES.filter((n) => n !== "shared"), ...NAMESPACES) });
const routeSelArb = fc.oneof(
  fc.record({ route: fc.record({ labels: fc.dictionary(fc.constant("r"), fc.constantFrom("1", "2"), { maxKeys: 1 }) }) }),
  fc.record({ withDestinations: fc.record({ selector: fc.record({ labels: fc.constant({ app: "x" }) }) }) }),
);

/** One object placed somewhere: a Service, VD, ES, RouteTable, policy or WorkspaceSettings. */
const objectArb = fc.tuple(placeArb, fc.nat({ max: 5 }), fc.constantFrom(...APPS), fc.constantFrom(...TS), fc.nat({ max: 5 }), settingsSpecArb, fc.array(routeSelArb, { maxLength: 1 }))
  .map(([at, which, app, created, n, spec, routeSel]): { cluster: string; object: KubeObject } => {
    const name = `o${n}`;
    const meta = created ? { created } : {};
    const objects: KubeObject[] = [
      service(`${app}${n}`, at.ns, { app }),
      virtualDestination(`vd${n}`, at.ns, { app }, meta),
      externalService(`es${n}`, at.ns, { app }),
      routeTable(`rt${n}`, at.ns, { hosts: [`h${n}.example.com`], http: [forwardRoute(`r${n}`, { r: String(n % 2 + 1) }, [[`${app}${n}`, at.ns, "cluster-1"], [`x0`, "n1", "cluster-2"]])] }, { labels: { app } }),
      policy(n % 2 ? "RetryTimeoutPolicy" : "FaultInjectionPolicy", name, at.ns, routeSel.length > 0 ? { applyToRoutes: routeSel } : {}, meta),
      settings(`s${n}`, at.ns, stripUndefined(spec), meta),
    ];
    return { cluster: at.cluster, object: objects[which] ?? objects[0]! };
  });

/** A workspace selecting its own `ns-<name>`, with labels and (usually) settings in that namespace on mgmt. */
const workspaceArb = fc.constantFrom(...WS_NAMES).chain((name) => fc.record({
  name: fc.constant(name),
  labels: labelsArb,
  clusters: workloadClustersArb(name),
  settings: fc.option(settingsSpecArb, { nil: undefined, freq: 5 }),
}));

/** A world: 1–4 workspaces, namespaces in every cluster, and 6–30 placed objects. */
export const worldArb: fc.Arbitrary<World> = fc.record({
  workspaces: fc.uniqueArray(workspaceArb, { minLength: 1, maxLength: 4, selector: (w) => w.name }),
  nsLabels: fc.array(optional(fc.constantFrom("a", "b")), { minLength: NAMESPACES.length * CLUSTERS.length, maxLength: NAMESPACES.length * CLUSTERS.length }),
  objects: fc.array(objectArb, { minLength: 6, maxLength: 30 }),
}).map(({ workspaces, nsLabels, objects }) => {
  const world: World = { mgmt: [], "cluster-1": [], "cluster-2": [] };
  for (const w of workspaces) {
    world.mgmt.push(workspace(w.name, w.clusters.map(stripUndefined), { labels: w.labels }));
    // Dated before every generated object, so stray settings (duplicates) lose to it.
    if (w.settings) world.mgmt.push(settings(`s-${w.name}`, `ns-${w.name}`, stripUndefined(w.settings), { created: "2024-12-31T00:00:00Z" }));
  }
  CLUSTERS.forEach((c, ci) => NAMESPACES.forEach((n, ni) => {
    const team = nsLabels[ci * NAMESPACES.length + ni];
    world[c].push(namespace(n, team ? { team } : undefined));
  }));
  const seen = new Set<string>();
  for (const { cluster, object } of objects) {
    const key = `${cluster}/${object.kind}/${object.metadata.namespace}/${object.metadata.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    world[cluster as keyof World].push(object);
  }
  return world;
});

function stripUndefined<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
