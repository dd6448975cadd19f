/**
 * Istio's protocol selection for Service ports (explicit protocol selection): `appProtocol` wins, else
 * the port name must be `<protocol>` or `<protocol>-<suffix>`; otherwise Istio sniffs the protocol.
 * Shared by the translator (federation ServiceEntry ports) and validation (port naming convention).
 */

const PROTOCOLS: Readonly<Record<string, string>> = {
  http: "HTTP",
  http2: "HTTP2",
  https: "HTTPS",
  grpc: "GRPC",
  "grpc-web": "GRPC-Web",
  tcp: "TCP",
  tls: "TLS",
  mongo: "Mongo",
  mysql: "MySQL",
  redis: "Redis",
  udp: "UDP",
};

/** The Istio protocol a name or appProtocol selects, or undefined when it selects none. */
export function protocolOfName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === "grpc-web" || lower.startsWith("grpc-web-")) return PROTOCOLS["grpc-web"];
  const prefix = lower.split("-")[0] ?? "";
  return PROTOCOLS[prefix];
}

/** Istio's protocol for a Service port: appProtocol, then the name, else undefined (sniffed). */
export function explicitProtocol(port: { name: string; appProtocol: string }): string | undefined {
  if (port.appProtocol !== "") {
    const fromApp = protocolOfName(port.appProtocol.replace(/^kubernetes\.io\//, "").replace(/^k8s\.io\//, ""));
    if (fromApp) return fromApp;
  }
  return protocolOfName(port.name);
}

/** The protocol for a generated ServiceEntry port: explicit, else the Kubernetes protocol (TCP). */
export function serviceEntryProtocol(port: { name: string; appProtocol: string; protocol: string }): string {
  return explicitProtocol(port) ?? (port.protocol.toUpperCase() === "UDP" ? "UDP" : "TCP");
}

/** The Istio protocol for a Gloo VirtualDestination / ExternalService port protocol (case-insensitive enum). */
export function glooProtocol(protocol: string | undefined): string {
  const upper = (protocol ?? "TCP").toUpperCase();
  return upper === "MONGO" ? "Mongo" : upper;
}

/** The `<protocol lower>-<number>` port name Gloo gives generated ServiceEntry ports (`http-9080`). */
export function generatedPortName(protocol: string, number: number): string {
  return `${protocol.toLowerCase()}-${number}`;
}
