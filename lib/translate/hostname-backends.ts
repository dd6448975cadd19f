import type { VirtualDestinationSpec } from "../model/gloo-networking";
import { refOf } from "../snapshot/ref";
import { allObjectsOf } from "../snapshot/snapshot";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import type { CatalogEntry } from "../workspaces/types";
import type { Emitter } from "./emit";
import type { HostnameBackend } from "./types";
import { workspaceOfNamespace, type World } from "./world";

/**
 * Gateway API HTTPRoutes whose backendRef is a `Hostname` (group `networking.istio.io` or
 * `networking.gloo.solo.io`) resolve to the VirtualDestination with that host: the gateway proxy dials
 * the host the VirtualDestination's ServiceEntry declares. The route's namespace must belong to a
 * workspace that owns or imports the VirtualDestination, or no ServiceEntry for the host exists there.
 */

const HOSTNAME_GROUPS = new Set(["networking.istio.io", "networking.gloo.solo.io"]);

interface BackendRef {
  group?: string;
  kind?: string;
  name?: string;
  port?: number;
}

/** Resolves every Hostname backendRef of every HTTPRoute; reports a status per such route. */
export function resolveHostnameBackends(world: World, emit: Emitter, vds: readonly CatalogEntry[]): HostnameBackend[] {
  const byHost = new Map<string, CatalogEntry[]>();
  for (const vd of vds) for (const h of specOf<VirtualDestinationSpec>(vd.object).hosts ?? []) byHost.set(h, [...(byHost.get(h) ?? []), vd]);
  const out: HostnameBackend[] = [];
  for (const { cluster, object } of allObjectsOf(world.snapshot, "HTTPRoute.gateway.networking.k8s.io")) {
    const rules = ((object.spec ?? {}) as { rules?: { backendRefs?: BackendRef[] }[] }).rules ?? [];
    const route = refOf(cluster, object);
    rules.forEach((rule, i) => (rule.backendRefs ?? []).forEach((b, j) => {
      if (b.kind !== "Hostname" || !HOSTNAME_GROUPS.has(b.group ?? "")) return;
      emit.seen(route);
      const host = b.name ?? "";
      const field = `spec.rules[${i}].backendRefs[${j}]`;
      const workspace = workspaceOfNamespace(world, cluster, route.namespace);
      const candidates = byHost.get(host) ?? [];
      const visible = candidates.find((vd) => workspace !== undefined && world.ctx.workspaces.isVisible(vd.ref, workspace));
      out.push({ route, rule: i, backend: j, host, port: b.port ?? null, virtualDestination: visible?.ref ?? null });
      if (candidates.length === 0) {
        emit.issue("HTTPROUTE_HOSTNAME_UNRESOLVED", "error", `backendRef ${j} of rule ${i} of ${describeRef(route, false)} must name the host of a VirtualDestination; no VirtualDestination has host ${host}`, [route], `${field}.name`, "WARNING");
      } else if (!visible) {
        const vd = candidates[0];
        emit.issue("HTTPROUTE_HOSTNAME_NOT_VISIBLE", "error", `backendRef ${j} of rule ${i} of ${describeRef(route, false)} must use a VirtualDestination the workspace of namespace ${route.namespace} (${workspace ?? "none"}) owns or imports; ${vd ? describeRef(vd.ref) : host} is not visible there`, vd ? [route, vd.ref] : [route], `${field}.name`, "WARNING");
      } else if (b.port !== undefined && !(specOf<VirtualDestinationSpec>(visible.object).ports ?? []).some((p) => p.number === b.port)) {
        emit.issue("HTTPROUTE_HOSTNAME_UNRESOLVED", "error", `backendRef ${j} of rule ${i} of ${describeRef(route, false)} must use a port of ${describeRef(visible.ref)}; ${b.port} is not one`, [route, visible.ref], `${field}.port`, "WARNING");
      }
    }));
  }
  return out;
}
