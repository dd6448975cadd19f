import type { GatewayTls, Listener, VirtualGatewaySpec } from "../model/gloo-networking";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import { canonical, compact } from "./canonical";
import type { Emitter } from "./emit";
import type { Binding, GatewayIndex, GatewayPlacement } from "./gateways";
import { NETWORKING_API, v2Object } from "./metadata";
import { sanitizeNameV2 } from "./names";
import type { ServicePort } from "./world";

/**
 * VirtualGateway → Istio Gateway (reference §6.1, gloo-api-details §4.5.2): one Gateway per selected
 * gateway Service, in its namespace and cluster; one server per (listener, bound host), on the listener's
 * numeric target port.
 */
export function translateVirtualGateways(emit: Emitter, gateways: GatewayIndex): void {
  for (const [vgKey, placements] of gateways.placements) {
    const bindings = gateways.bindings.get(vgKey) ?? [];
    for (const p of placements) emitGateway(emit, p, bindings);
  }
}

function emitGateway(emit: Emitter, p: GatewayPlacement, bindings: readonly Binding[]): void {
  const spec = specOf<VirtualGatewaySpec>(p.vg.object);
  const servers: Record<string, unknown>[] = [];
  (spec.listeners ?? []).forEach((listener, i) => {
    const port = listenerPort(emit, p, listener, i);
    if (!port) return;
    const hosts = [...new Set(bindings.filter((b) => b.listeners.includes(i)).flatMap((b) => b.hosts))].sort();
    const protocol = listenerProtocol(listener);
    for (const host of hosts.length > 0 ? hosts : ["*"]) {
      const suffix = host === "*" ? "all" : sanitizeNameV2(host);
      servers.push(compact({
        port: { number: port, name: `${protocol.toLowerCase()}-${port}-${suffix}`, protocol },
        hosts: [host],
        tls: serverTls(listener),
      }));
    }
  });
  if (servers.length === 0) return;
  const object = v2Object(NETWORKING_API, "Gateway", { name: p.name, namespace: p.namespace, cluster: p.cluster, parent: p.vg.ref, workspace: p.workspace }, { selector: p.selector, servers });
  emit.output(p.cluster, canonical(object), [p.vg.ref, p.service.ref], `VirtualGateway ${p.vg.ref.namespace}/${p.vg.ref.name} selects gateway Service ${p.namespace}/${p.service.ref.name} in ${p.cluster}.`);
}

/** The gateway Service port a listener names, as its numeric target port (what the proxy listens on). */
function listenerPort(emit: Emitter, p: GatewayPlacement, listener: Listener, i: number): number | undefined {
  const sel = listener.port;
  const port: ServicePort | undefined = p.service.ports.find((sp) => (sel.number !== undefined ? sp.port === sel.number : sp.name === sel.name));
  const field = `spec.listeners[${i}].port`;
  if (!port) {
    emit.issue("VG_PORT_NOT_FOUND", "error", `listener ${i} of ${describeRef(p.vg.ref, false)} must name a port of gateway Service ${describeRef(p.service.ref)}; ${sel.number ?? sel.name} is not one`, [p.vg.ref, p.service.ref], field, "WARNING");
    return undefined;
  }
  if (typeof port.targetPort !== "number") {
    emit.issue("VG_TARGET_PORT_NAMED", "error", `port ${port.port} of gateway Service ${describeRef(p.service.ref)} must have a numeric targetPort for listener ${i} of ${describeRef(p.vg.ref, false)}; it is named ${port.targetPort}`, [p.vg.ref, p.service.ref], field, "WARNING");
    return undefined;
  }
  return port.targetPort;
}

/** HTTP / HTTPS / TLS / TCP from the listener type and TLS, unless appProtocol says otherwise. */
function listenerProtocol(l: Listener): string {
  if (l.appProtocol) return l.appProtocol.toUpperCase() === "HTTP2" ? "HTTP2" : l.appProtocol.toUpperCase();
  if (l.tcp !== undefined) return l.tls ? "TLS" : "TCP";
  return l.tls ? "HTTPS" : "HTTP";
}

const TLS_VERSIONS: Record<string, string> = { TLS_AUTO: "TLS_AUTO", TLSv1_0: "TLSV1_0", TLSv1_1: "TLSV1_1", TLSv1_2: "TLSV1_2", TLSv1_3: "TLSV1_3" };

/** Listener TLS as server TLS; the enum zero value of Gloo's mode is PASSTHROUGH, so an absent mode is that. */
function serverTls(l: Listener): Record<string, unknown> | undefined {
  if (l.httpsRedirect) return { httpsRedirect: true };
  const tls: GatewayTls | undefined = l.tls;
  if (!tls) return undefined;
  return compact({
    mode: tls.mode ?? "PASSTHROUGH",
    credentialName: tls.secretName,
    serverCertificate: tls.files?.serverCert,
    privateKey: tls.files?.privateKey,
    caCertificates: tls.files?.caCerts,
    subjectAltNames: tls.verifySubjectAltName,
    minProtocolVersion: tls.parameters?.minimumProtocolVersion ? TLS_VERSIONS[tls.parameters.minimumProtocolVersion] : undefined,
    maxProtocolVersion: tls.parameters?.maximumProtocolVersion ? TLS_VERSIONS[tls.parameters.maximumProtocolVersion] : undefined,
    cipherSuites: tls.parameters?.cipherSuites,
  });
}
