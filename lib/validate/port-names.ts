import { matchesLabels } from "../snapshot/labels";
import { refOf } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { explicitProtocol } from "../translate/protocols";
import { describeRef } from "../workspaces/findings";
import type { Diagnostic, ValidateContext } from "./types";

/**
 * MP6009, Istio's port naming convention (IST0118, KIA0601): every port of a Service that mesh workloads
 * back must select its protocol explicitly, by `appProtocol` or a `<protocol>[-suffix]` name; otherwise
 * Istio sniffs it. Gateway Services are skipped (their Gateway servers declare protocols), and so is the
 * mesh's own namespace.
 */
export function portNameChecks(snapshot: Snapshot, ctx: ValidateContext): Diagnostic[] {
  const destinations = new Set(ctx.discovery.destinations.map((d) => `${d.cluster}/${d.namespace}/${d.name}`));
  const systemNs = new Set(ctx.discovery.meshes.map((m) => `${m.cluster}/${m.installation.namespace}`));
  const out: Diagnostic[] = [];
  for (const c of snapshot.clusters) {
    for (const svc of c.byKind.get("Service") ?? []) {
      const ns = svc.metadata.namespace ?? "";
      if (!destinations.has(`${c.name}/${ns}/${svc.metadata.name}`) || systemNs.has(`${c.name}/${ns}`)) continue;
      const spec = (svc.spec ?? {}) as { selector?: Record<string, string>; ports?: { name?: string; appProtocol?: string; port?: number }[] };
      if (isGatewaySelector(spec.selector ?? {})) continue;
      const ref = refOf(c.name, svc);
      (spec.ports ?? []).forEach((p, i) => {
        if (explicitProtocol({ name: p.name ?? "", appProtocol: p.appProtocol ?? "" })) return;
        out.push({
          code: "MP6009", severity: "warning",
          message: `port ${p.port ?? "?"}${p.name ? ` (${p.name})` : ""} of ${describeRef(ref)} must be named <protocol>[-suffix] (http, http2, https, grpc, grpc-web, tcp, tls, mongo, mysql, redis, udp) or set appProtocol; otherwise Istio sniffs the protocol`,
          objects: [ref], field: `spec.ports[${i}].name`,
        });
      });
    }
  }
  return out;
}

function isGatewaySelector(selector: Record<string, string>): boolean {
  return ["ingressgateway", "eastwestgateway", "egressgateway"].some((g) => matchesLabels({ istio: g }, selector));
}
