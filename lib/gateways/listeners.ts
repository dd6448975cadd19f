import type { Gateway, GatewayListener } from "../model/gateway-api";
import type { LabelSelector } from "../model/meta";
import type { ClusterIndex } from "./cluster-index";
import { cond } from "./conditions";
import type { ControllerProfile } from "./profiles";
import { referencePermitted } from "./grants";
import { hostnameMatches } from "./hostnames";
import type { Condition } from "./types";

/**
 * Listener status (reference §1.2, §2.4, §3.1): supported kinds, certificate refs, conflicts and TLS overlap.
 * Computed once per Gateway; attachment counts are added by the caller.
 */
export interface ListenerModel {
  index: number;
  name: string;
  port: number;
  protocol: string;
  /** The listener hostname, `*` when absent. */
  hostname: string;
  allowedFrom: "Same" | "All" | "Selector";
  selector: LabelSelector | undefined;
  supportedKinds: { group: string; kind: string }[];
  conditions: Condition[];
  /** Accepted and not Conflicted: the only listeners a request can reach (§4.2 step 2). */
  usable: boolean;
  /** Problems found, for findings: [code-ish tag, message]. */
  problems: { tag: "protocol" | "kinds" | "cert" | "conflict" | "overlap"; message: string; field: string }[];
}

const ROUTE_GROUP = "gateway.networking.k8s.io";

function familyOf(protocol: string): "http" | "tls" | "tcp" | "udp" | "other" {
  if (protocol === "HTTP") return "http";
  if (protocol === "HTTPS" || protocol === "TLS") return "tls";
  if (protocol === "TCP") return "tcp";
  return protocol === "UDP" ? "udp" : "other";
}

/** Supported kinds: the allowed kinds the protocol and controller can carry (empty list ⇒ protocol defaults). */
function listenerKinds(l: GatewayListener, profile: ControllerProfile): { supported: { group: string; kind: string }[]; invalid: string[] } {
  const carried = profile.routeKinds[l.protocol] ?? [];
  const requested = l.allowedRoutes?.kinds;
  if (requested === undefined || requested.length === 0) return { supported: carried.map((kind) => ({ group: ROUTE_GROUP, kind })), invalid: [] };
  const supported: { group: string; kind: string }[] = [];
  const invalid: string[] = [];
  for (const k of requested) {
    const group = k.group ?? ROUTE_GROUP;
    if (group === ROUTE_GROUP && carried.includes(k.kind)) supported.push({ group, kind: k.kind });
    else invalid.push(group === "" ? k.kind : `${k.kind}.${group}`);
  }
  return { supported, invalid };
}

/** The first certificateRef problem of a Terminate listener: [reason, message], or null. */
function certificateProblem(index: ClusterIndex, gw: Gateway, l: GatewayListener): [string, string] | null {
  if (l.protocol !== "HTTPS" && l.protocol !== "TLS") return null;
  if ((l.tls?.mode ?? "Terminate") !== "Terminate") return null;
  const refs = l.tls?.certificateRefs ?? [];
  const gwNs = gw.metadata.namespace ?? "";
  if (refs.length === 0 && l.tls?.options === undefined) return ["InvalidCertificateRef", "tls.certificateRefs must name at least one Secret for mode Terminate"];
  for (const ref of refs) {
    const group = ref.group ?? "";
    const kind = ref.kind ?? "Secret";
    const ns = ref.namespace ?? gwNs;
    if (group !== "" || kind !== "Secret") return ["InvalidCertificateRef", `certificateRef ${ref.name} must be a core Secret (got ${kind}${group ? `.${group}` : ""})`];
    if (!referencePermitted(index, { group: ROUTE_GROUP, kind: "Gateway", namespace: gwNs }, { group: "", kind: "Secret", namespace: ns, name: ref.name })) {
      return ["RefNotPermitted", `a ReferenceGrant in namespace ${ns} must allow Gateways from ${gwNs} to use Secret ${ref.name}`];
    }
    // Secrets are often not read into the snapshot; existence is only checked when they are.
    if (index.has("Secret") && index.get("Secret", ns, ref.name) === undefined) return ["InvalidCertificateRef", `Secret ${ns}/${ref.name} must exist`];
  }
  return null;
}

/** §2.4: conflict reason per listener index. Gloo/kgateway: HTTP with HTTPS/TLS on a port is a protocol conflict. */
export function listenerConflicts(listeners: readonly GatewayListener[], profile: ControllerProfile): Map<number, "HostnameConflict" | "ProtocolConflict"> {
  const out = new Map<number, "HostnameConflict" | "ProtocolConflict">();
  const byPort = new Map<number, number[]>();
  listeners.forEach((l, i) => byPort.set(l.port, [...(byPort.get(l.port) ?? []), i]));
  for (const indexes of byPort.values()) {
    if (indexes.length < 2) continue;
    const families = new Set(indexes.map((i) => familyOf(listeners[i]?.protocol ?? "")));
    const tcpMixed = families.has("tcp") && (families.has("http") || families.has("tls"));
    const glooMixed = profile.glooConflicts && families.has("http") && families.has("tls");
    if (tcpMixed || glooMixed) {
      for (const i of indexes) if (familyOf(listeners[i]?.protocol ?? "") !== "udp") out.set(i, "ProtocolConflict");
      continue;
    }
    const seen = new Map<string, number[]>();
    for (const i of indexes) {
      const l = listeners[i];
      if (!l) continue;
      const fam = familyOf(l.protocol);
      const key = fam === "http" || fam === "tls" ? `host:${l.hostname ?? "*"}` : `proto:${fam}`;
      seen.set(key, [...(seen.get(key) ?? []), i]);
    }
    for (const group of seen.values()) if (group.length > 1) for (const i of group) out.set(i, "HostnameConflict");
  }
  return out;
}

/** §3.1 OverlappingTLSConfig: HTTPS/TLS-terminating listeners on one port whose hostnames overlap. */
function tlsOverlaps(listeners: readonly GatewayListener[], conflicts: ReadonlyMap<number, string>): Set<number> {
  const out = new Set<number>();
  const terminating = listeners.map((l, i) => ({ l, i })).filter(({ l, i }) => l.protocol === "HTTPS" && !conflicts.has(i));
  for (const a of terminating) {
    for (const b of terminating) {
      if (a.i >= b.i || a.l.port !== b.l.port) continue;
      const ah = a.l.hostname ?? "*";
      const bh = b.l.hostname ?? "*";
      if (hostnameMatches(ah, bh.replace(/^\*\./, "x.")) || hostnameMatches(bh, ah.replace(/^\*\./, "x."))) {
        out.add(a.i);
        out.add(b.i);
      }
    }
  }
  return out;
}

/** Builds every listener of a Gateway with its conditions (without attachedRoutes). */
export function buildListeners(index: ClusterIndex, gw: Gateway, profile: ControllerProfile): ListenerModel[] {
  const listeners = gw.spec.listeners;
  const conflicts = listenerConflicts(listeners, profile);
  const overlaps = tlsOverlaps(listeners, conflicts);
  return listeners.map((l, i) => {
    const field = `spec.listeners[${i}]`;
    const problems: ListenerModel["problems"] = [];
    const protocolOk = profile.protocols.includes(l.protocol);
    if (!protocolOk) problems.push({ tag: "protocol", field: `${field}.protocol`, message: `listener ${l.name}: protocol ${l.protocol} must be one the controller implements (${profile.protocols.join(", ")})` });
    const kinds = listenerKinds(l, profile);
    if (kinds.invalid.length > 0) problems.push({ tag: "kinds", field: `${field}.allowedRoutes.kinds`, message: `listener ${l.name}: allowedRoutes.kinds must only list kinds protocol ${l.protocol} can carry (${kinds.invalid.join(", ")} cannot)` });
    const cert = certificateProblem(index, gw, l);
    if (cert) problems.push({ tag: "cert", field: `${field}.tls.certificateRefs`, message: `listener ${l.name}: ${cert[1]}` });
    const conflict = conflicts.get(i);
    if (conflict) problems.push({ tag: "conflict", field, message: `listener ${l.name}: listeners on port ${l.port} must be distinct (${conflict})` });
    if (overlaps.has(i)) problems.push({ tag: "overlap", field: `${field}.hostname`, message: `listener ${l.name}: TLS hostnames on port ${l.port} must not overlap with another listener's` });
    const resolvedOk = kinds.invalid.length === 0 && cert === null;
    const conditions: Condition[] = [
      protocolOk ? cond("Accepted", "True", "Accepted") : cond("Accepted", "False", "UnsupportedProtocol", `protocol ${l.protocol} must be one the controller implements`),
      resolvedOk ? cond("ResolvedRefs", "True", "ResolvedRefs")
        : kinds.invalid.length > 0 ? cond("ResolvedRefs", "False", "InvalidRouteKinds", `allowedRoutes.kinds must only list supported kinds (${kinds.invalid.join(", ")})`)
        : cond("ResolvedRefs", "False", cert?.[0] ?? "InvalidCertificateRef", cert?.[1] ?? ""),
      conflict ? cond("Conflicted", "True", conflict, `listener ${l.name} must be distinct from the other listeners on port ${l.port}`) : cond("Conflicted", "False", "NoConflicts"),
    ];
    const programmed = protocolOk && cert === null && (conflict === undefined || profile.positiveDefaults);
    conditions.push(programmed ? cond("Programmed", "True", "Programmed") : cond("Programmed", "False", "Invalid", `listener ${l.name} must be valid to be programmed`));
    // Gloo/kgateway reporters do not write this (experimental) condition; the finding GWA007 still says it.
    if (overlaps.has(i) && !profile.positiveDefaults) conditions.push(cond("OverlappingTLSConfig", "True", "OverlappingHostnames", "TLS hostnames must not overlap with another listener on the port"));
    const from = l.allowedRoutes?.namespaces?.from ?? "Same";
    return {
      index: i, name: l.name, port: l.port, protocol: l.protocol, hostname: l.hostname ?? "*", allowedFrom: from, selector: l.allowedRoutes?.namespaces?.selector,
      supportedKinds: kinds.supported, conditions, usable: protocolOk && conflict === undefined, problems,
    };
  });
}
