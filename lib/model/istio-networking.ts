import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindOf } from "./meta";
import { addIssue, intLikeSchema, onlyOneOf, portNumberSchema, stringMapSchema, uintSchema } from "./fields";

/**
 * Istio `networking.istio.io` kinds Meshpane emits, part 1: ServiceEntry, WorkloadEntry, Gateway, Sidecar,
 * plus the pieces VirtualService and DestinationRule share (istio-traffic.ts). Served as v1, v1beta1 and
 * v1alpha3 with one schema. Istio's enums are case-sensitive and stay strict; protocols are free strings
 * because Istio parses them case-insensitively. Reference: gloo-api-details.md §4.12.
 */
export const NETWORKING_GROUP = "networking.istio.io";
export const NETWORKING_VERSIONS = ["v1", "v1beta1", "v1alpha3"] as const;

/** Istio string match (a oneof in the CRD). */
export const istioStringMatchSchema = z
  .looseObject({ exact: z.string().optional(), prefix: z.string().optional(), regex: z.string().optional() })
  .superRefine(onlyOneOf(["exact", "prefix", "regex"]));
export type IstioStringMatch = z.infer<typeof istioStringMatchSchema>;

/** `{number}` port selector of VirtualService destinations and DestinationRule port settings. */
export const istioPortSelectorSchema = z.looseObject({ number: portNumberSchema.optional() });

/** Workload selector by labels (ServiceEntry, Sidecar). */
export const istioWorkloadSelectorSchema = z.looseObject({ labels: labelsSchema.optional() });

/** `{matchLabels}` selector (DestinationRule, AuthorizationPolicy, PeerAuthentication). */
export const istioMatchLabelsSelectorSchema = z.looseObject({ matchLabels: labelsSchema.optional() });

/** A service port as ServiceEntry, Gateway and Sidecar declare it. */
export const istioPortSchema = z.looseObject({
  number: portNumberSchema,
  protocol: z.string().optional(),
  name: z.string().optional(),
  targetPort: portNumberSchema.optional(),
});
export type IstioPort = z.infer<typeof istioPortSchema>;

/** Status written by istiod (analysis messages, conditions): kept loose. */
export const istioStatusSchema = z.looseObject({
  conditions: z.array(z.looseObject({})).optional(),
  validationMessages: z.array(z.looseObject({})).optional(),
  observedGeneration: intLikeSchema.optional(),
});

/** Declares one networking.istio.io kind. */
export function istioNetworkingKind<K extends string, S extends z.ZodType>(kind: K, plural: string, spec: S) {
  return defineKind({
    group: NETWORKING_GROUP,
    versions: NETWORKING_VERSIONS,
    kind,
    plural,
    namespaced: true,
    schema: kubeObjectSchema(NETWORKING_GROUP, NETWORKING_VERSIONS, kind, { spec, status: istioStatusSchema.optional() }),
  });
}

/** WorkloadEntry spec (also the shape of ServiceEntry endpoints). */
export const workloadEntrySpecSchema = z.looseObject({
  address: z.string().optional(),
  ports: z.record(z.string(), portNumberSchema).optional(),
  labels: labelsSchema.optional(),
  network: z.string().optional(),
  locality: z.string().optional(),
  weight: uintSchema.optional(),
  serviceAccount: z.string().optional(),
});
export type WorkloadEntrySpec = z.infer<typeof workloadEntrySpecSchema>;

export const workloadEntryKind = istioNetworkingKind("WorkloadEntry", "workloadentries", workloadEntrySpecSchema);
/** A non-Kubernetes endpoint (Gloo emits them for remote VirtualDestination backends). */
export type WorkloadEntry = KindOf<typeof workloadEntryKind>;

/** ServiceEntry spec; `endpoints` and `workloadSelector` are mutually exclusive (CRD rule). */
export const serviceEntrySpecSchema = z
  .looseObject({
    hosts: z.array(z.string()).min(1, { message: "must list at least one host" }),
    addresses: z.array(z.string()).optional(),
    ports: z.array(istioPortSchema).optional(),
    location: z.enum(["MESH_EXTERNAL", "MESH_INTERNAL"]).optional(),
    resolution: z.enum(["NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN"]).optional(),
    endpoints: z.array(workloadEntrySpecSchema).optional(),
    workloadSelector: istioWorkloadSelectorSchema.optional(),
    exportTo: z.array(z.string()).optional(),
    subjectAltNames: z.array(z.string()).optional(),
  })
  .superRefine(onlyOneOf(["workloadSelector", "endpoints"]));
export type ServiceEntrySpec = z.infer<typeof serviceEntrySpecSchema>;

export const serviceEntryKind = istioNetworkingKind("ServiceEntry", "serviceentries", serviceEntrySpecSchema);
/** Adds hosts to Istio's service registry (VirtualDestinations, ExternalServices, federation). */
export type ServiceEntry = KindOf<typeof serviceEntryKind>;

/** Gateway server TLS. */
export const serverTlsSchema = z.looseObject({
  httpsRedirect: z.boolean().optional(),
  mode: z.enum(["PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"]).optional(),
  serverCertificate: z.string().optional(),
  privateKey: z.string().optional(),
  caCertificates: z.string().optional(),
  credentialName: z.string().optional(),
  subjectAltNames: z.array(z.string()).optional(),
  minProtocolVersion: z.enum(["TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"]).optional(),
  maxProtocolVersion: z.enum(["TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"]).optional(),
  cipherSuites: z.array(z.string()).optional(),
});
export type ServerTls = z.infer<typeof serverTlsSchema>;

/** A Gateway server: port, hosts (`[ns/]host`) and TLS. */
export const gatewayServerSchema = z.looseObject({
  port: istioPortSchema,
  bind: z.string().optional(),
  hosts: z.array(z.string()).min(1, { message: "must list at least one host" }),
  tls: serverTlsSchema.optional(),
  name: z.string().optional(),
});
export type GatewayServer = z.infer<typeof gatewayServerSchema>;

/** Istio Gateway spec: gateway pod labels and servers. */
export const istioGatewaySpecSchema = z.looseObject({ selector: stringMapSchema.optional(), servers: z.array(gatewayServerSchema).optional() });
export type IstioGatewaySpec = z.infer<typeof istioGatewaySpecSchema>;

export const istioGatewayKind = istioNetworkingKind("Gateway", "gateways", istioGatewaySpecSchema);
/** An Istio Gateway (VirtualGateway output); not the Gateway API kind of the same name. */
export type IstioGateway = KindOf<typeof istioGatewayKind>;

const captureModeSchema = z.enum(["DEFAULT", "IPTABLES", "NONE"]);

/** Sidecar spec: which workloads, their ingress listeners and the egress hosts they may see. */
export const sidecarSpecSchema = z.looseObject({
  workloadSelector: istioWorkloadSelectorSchema.optional(),
  ingress: z
    .array(z.looseObject({ port: istioPortSchema, bind: z.string().optional(), captureMode: captureModeSchema.optional(), defaultEndpoint: z.string().optional() }))
    .optional(),
  egress: z
    .array(
      z.looseObject({
        port: istioPortSchema.optional(),
        bind: z.string().optional(),
        captureMode: captureModeSchema.optional(),
        hosts: z.array(z.string()).min(1, { message: "must list at least one host (ns/host)" }),
      }),
    )
    .optional(),
  outboundTrafficPolicy: z.looseObject({ mode: z.enum(["REGISTRY_ONLY", "ALLOW_ANY"]).optional(), egressProxy: z.looseObject({}).optional() }).optional(),
});
export type SidecarSpec = z.infer<typeof sidecarSpecSchema>;

export const sidecarKind = istioNetworkingKind(
  "Sidecar",
  "sidecars",
  sidecarSpecSchema.superRefine((spec, ctx) => {
    (spec.egress ?? []).forEach((e, i) =>
      e.hosts.forEach((h, j) => {
        if (!h.includes("/")) addIssue(ctx, ["egress", i, "hosts", j], "must be of the form namespace/dnsName (e.g. ./* or istio-system/*)");
      }),
    );
  }),
);
/** Trims a workload's proxy configuration (Gloo trimProxyConfig output). */
export type Sidecar = KindOf<typeof sidecarKind>;
