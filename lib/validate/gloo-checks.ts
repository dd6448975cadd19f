import type { ExternalServiceSpec, VirtualDestinationSpec } from "../model/gloo-networking";
import type { RouteTableSpec } from "../model/gloo-networking-routes";
import { matchesLabels } from "../snapshot/labels";
import { compareRefs, refKey, refOf, type ObjectRef } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { describeRef } from "../workspaces/findings";
import { EXTERNAL_SERVICE_GK, ROUTE_TABLE_GK, SERVICE_GK, VIRTUAL_DESTINATION_GK, compareAge, specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import { backingServices } from "../translate/virtual-destination";
import { buildWorld, serviceAt, type World } from "../translate/world";
import type { Diagnostic, ValidateContext } from "./types";

/**
 * Gloo-level checks neither Kiali nor istioctl has (validation-anchors.md, last section) that no earlier
 * stage reports: admin objects off the management cluster, subsets matching no workload, duplicate root
 * hosts, failover without outlier detection, host collisions in a workspace, and backing Services that
 * differ across clusters.
 */
export function glooChecks(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[] {
  const world = buildWorld(snapshot, ctx);
  return [...adminPlacement(snapshot, ctx), ...subsetChecks(world), ...duplicateHosts(world), ...failoverWithoutOutlier(world), ...hostCollisions(world), ...backingDifferences(world)];
}

const d = (code: string, severity: Diagnostic["severity"], message: string, objects: ObjectRef[], field: string): Diagnostic => ({ code, severity, message, objects, field });

/** MP1014: Workspaces and KubernetesClusters belong in the admin namespace of a management cluster. */
function adminPlacement(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of snapshot.clusters) {
    for (const kind of ["Workspace", "KubernetesCluster"]) {
      for (const o of c.byKind.get(`${kind}.admin.gloo.solo.io`) ?? []) {
        const ref = refOf(c.name, o);
        if (!c.management) out.push(d("MP1014", "warning", `${describeRef(ref)} must live on a management cluster; ${c.name} is a workload cluster, so Gloo ignores it`, [ref], "metadata.namespace"));
        else if (ref.namespace !== ctx.workspaces.adminNamespace) out.push(d("MP1014", "warning", `${describeRef(ref)} must live in the admin namespace ${ctx.workspaces.adminNamespace}`, [ref], "metadata.namespace"));
      }
    }
  }
  return out;
}

/** MP2006: a route destination's subset labels must match some workload behind the Service. */
function subsetChecks(world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const route of world.ctx.attachment.routes) {
    route.destinations.forEach((dest, j) => {
      if (dest.kind !== "SERVICE" || Object.keys(dest.subset).length === 0 || !dest.found) return;
      const svc = serviceAt(world, dest.ref);
      const workloads = world.workloadsByNs.get(`${dest.ref.cluster}/${dest.ref.namespace}`) ?? [];
      const behind = workloads.filter((w) => svc && Object.keys(svc.selector).length > 0 && matchesLabels(svc.selector, w.podLabels));
      if (behind.some((w) => matchesLabels(dest.subset, w.podLabels))) return;
      const subset = Object.entries(dest.subset).map(([k, v]) => `${k}=${v}`).join(",");
      out.push(d("MP2006", "error", `subset ${subset} of route ${route.name || `#${route.index}`} (spec.http[${route.index}]) of ${describeRef(route.table, false)} must match at least one workload behind ${describeRef(dest.ref)}; none of ${behind.map((w) => w.name).join(", ") || "its workloads"} has those labels`, [route.table, dest.ref], `spec.http[${route.index}].forwardTo.destinations[${j}].subset`));
    });
  }
  return out;
}

/** MP2009: two root RouteTables for one host on one VirtualGateway, or for the sidecars of one workspace. */
function duplicateHosts(world: World): Diagnostic[] {
  const claims = new Map<string, CatalogEntry[]>();
  for (const ws of world.ctx.workspaces.workspaces) {
    for (const v of world.ctx.workspaces.visibleTo(ws.name).get(ROUTE_TABLE_GK) ?? []) {
      const entry = world.ctx.workspaces.entry(v.ref);
      if (!entry) continue;
      const spec = specOf<RouteTableSpec>(entry.object);
      const gateways = (spec.virtualGateways ?? []).map((g) => `${g.cluster || entry.ref.cluster}/${g.namespace || entry.ref.namespace}/${g.name}`);
      const scopes = gateways.length > 0 ? (ws.name === entry.owner ? gateways : []) : [`mesh:${ws.name}`];
      for (const host of spec.hosts ?? []) for (const scope of scopes) claims.set(`${scope}|${host}`, [...(claims.get(`${scope}|${host}`) ?? []), entry]);
    }
  }
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const [key, tables] of claims) {
    if (tables.length < 2) continue;
    const sorted = [...tables].sort(compareAge);
    const [first, ...rest] = sorted;
    const host = key.slice(key.indexOf("|") + 1);
    const scope = key.slice(0, key.indexOf("|"));
    for (const t of rest) {
      const id = `${refKey(t.ref)}|${host}|${first ? refKey(first.ref) : ""}`;
      if (!first || reported.has(id)) continue;
      reported.add(id);
      const where = scope.startsWith("mesh:") ? `for the sidecars of workspace ${scope.slice(5)}` : `on VirtualGateway ${scope}`;
      out.push(d("MP2009", "warning", `${describeRef(t.ref, false)} should not claim host ${host} ${where}; the older ${describeRef(first.ref, false)} already does`, [t.ref, first.ref], "spec.hosts"));
    }
  }
  return out;
}

/** MP3006: locality failover needs outlier detection on the same destination. */
function failoverWithoutOutlier(world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of world.ctx.attachment.policies) {
    if (p.policy.kind !== "FailoverPolicy") continue;
    for (const t of p.destinations) {
      if (!t.effective) continue;
      const outlier = world.ctx.attachment.onDestination(t.destination).some((a) => a.policy.kind === "OutlierDetectionPolicy" && a.effective);
      if (!outlier) out.push(d("MP3006", "warning", `${describeRef(p.policy, false)} on ${describeRef(t.destination)} needs an OutlierDetectionPolicy on the same destination: Istio fails over only when unhealthy endpoints are ejected`, [p.policy, t.destination], "spec.applyToDestinations"));
    }
  }
  return out;
}

/** MP4001: a VirtualDestination host equal to another VD, ExternalService or Service host a workspace sees. */
function hostCollisions(world: World): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  for (const ws of world.ctx.workspaces.workspaces) {
    const visible = world.ctx.workspaces.visibleTo(ws.name);
    const owners = new Map<string, ObjectRef[]>();
    const add = (host: string, ref: ObjectRef) => owners.set(host, [...(owners.get(host) ?? []), ref]);
    for (const gk of [VIRTUAL_DESTINATION_GK, EXTERNAL_SERVICE_GK]) {
      for (const v of visible.get(gk) ?? []) {
        const entry = world.ctx.workspaces.entry(v.ref);
        for (const h of entry ? (specOf<VirtualDestinationSpec & ExternalServiceSpec>(entry.object).hosts ?? []) : []) add(h, v.ref);
      }
    }
    for (const v of visible.get(SERVICE_GK) ?? []) add(`${v.ref.name}.${v.ref.namespace}.svc.${world.meshClusters.get(v.ref.cluster)?.clusterDomain ?? "cluster.local"}`, v.ref);
    for (const [host, refs] of owners) {
      // The same Service in several clusters is one destination with one host, not a collision.
      const identities = new Map<string, ObjectRef>();
      for (const r of [...refs].sort(compareRefs)) {
        const id = r.kind === "Service" ? `Service|${r.namespace}|${r.name}` : refKey(r);
        if (!identities.has(id)) identities.set(id, r);
      }
      if (identities.size < 2) continue;
      for (const vd of identities.values()) {
        if (vd.kind !== "VirtualDestination") continue;
        const rest = [...identities.values()].filter((r) => r !== vd);
        out.set(`${refKey(vd)}|${host}`, d("MP4001", "error", `host ${host} of ${describeRef(vd, false)} must be unique among the destinations workspace ${ws.name} can see; ${rest.map((r) => describeRef(r)).join(", ")} ${rest.length > 1 ? "use" : "uses"} it too`, [vd, ...rest], "spec.hosts"));
      }
    }
  }
  return [...out.values()];
}

/** MP4003: the Services behind one VirtualDestination should agree on ports and selector across clusters. */
function backingDifferences(world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ws of world.ctx.workspaces.workspaces) {
    for (const e of world.ctx.workspaces.ownedBy(ws.name)) {
      if (e.gk !== VIRTUAL_DESTINATION_GK) continue;
      const backing = backingServices(world, undefined, e, ws.name);
      const [first, ...rest] = backing;
      if (!first) continue;
      const shape = (s: typeof first) => ({ ports: s.ports.map((p) => `${p.port}/${p.targetPort}/${p.name}`).sort().join(","), selector: JSON.stringify(Object.entries(s.selector).sort()) });
      const base = shape(first);
      for (const s of rest) {
        const other = shape(s);
        const field = base.ports !== other.ports ? "spec.ports" : base.selector !== other.selector ? "spec.selector" : "";
        if (field === "") continue;
        out.push(d("MP4003", "warning", `${describeRef(s.ref)} behind ${describeRef(e.ref, false)} should match ${describeRef(first.ref)} (${field === "spec.ports" ? `ports ${other.ports} vs ${base.ports}` : `selector ${other.selector} vs ${base.selector}`}); clients reach either cluster through one host`, [s.ref, first.ref, e.ref], field));
      }
    }
  }
  return out;
}
