import { z } from "zod";
import { defineKind, kubeObjectSchema, type KindDef, type KindOf } from "./meta";
import { addIssue, caseInsensitiveEnum, intLikeSchema, isSet, onlyOneOf, portNumberSchema, stringMapSchema, type IssueSink } from "./fields";
import {
  clientModeSchema,
  countMapSchema,
  glooStatusSchema,
  localitySchema,
  objectReferenceSchema,
  objectSelectorSchema,
  portSelectorSchema,
  workloadSelectorSchema,
} from "./gloo-common";
import { GLOO_NETWORKING_GROUP, GLOO_NETWORKING_VERSIONS, routeTableKind } from "./gloo-networking-routes";

export * from "./gloo-networking-routes";

/**
 * `networking.gloo.solo.io/v2`: VirtualDestination, ExternalService, ExternalEndpoint, VirtualGateway, and
 * RouteTable (in gloo-networking-routes.ts). Reference: gloo-api-and-translation.md §2.5–2.8,
 * gloo-api-details.md §1.4 and §1.7.
 */

/** Port protocols of VirtualDestination and ExternalService ports; Gloo compares them case-insensitively. */
export const glooPortProtocols = ["HTTP", "HTTPS", "GRPC", "HTTP2", "MONGO", "TCP", "TLS"] as const;

/** A VirtualDestination port: the number clients use, its protocol, and the backing port (default: number). */
export const virtualDestinationPortSchema = z.looseObject({
  number: portNumberSchema,
  protocol: caseInsensitiveEnum(glooPortProtocols),
  targetPort: portSelectorSchema.optional(),
});
export type VirtualDestinationPort = z.infer<typeof virtualDestinationPortSchema>;

const virtualDestinationSpecShape = z.looseObject({
  hosts: z.array(z.string()).optional(),
  services: z.array(objectSelectorSchema).optional(),
  externalServices: z.array(objectSelectorSchema).optional(),
  externalWorkloads: z.array(objectSelectorSchema).optional(),
  ports: z.array(virtualDestinationPortSchema).min(1, { message: "must list at least one port" }),
  clientMode: clientModeSchema.optional(),
});
/** VirtualDestination spec: internal hostnames backed by Services, ExternalServices or ExternalWorkloads. */
export type VirtualDestinationSpec = z.infer<typeof virtualDestinationSpecShape>;

/** CEL rules: something to route (hosts or backing selectors), and targetPort only with backing selectors. */
function checkVirtualDestinationSpec(spec: VirtualDestinationSpec, ctx: IssueSink): void {
  const backed = [spec.services, spec.externalServices, spec.externalWorkloads].some((list) => (list ?? []).length > 0);
  if (!backed && (spec.hosts ?? []).length === 0) addIssue(ctx, [], "must set at least one of hosts, services, externalServices or externalWorkloads");
  if (backed) return;
  spec.ports.forEach((port, i) => {
    if (isSet(port.targetPort)) addIssue(ctx, ["ports", i, "targetPort"], "must be empty when no services, externalServices or externalWorkloads back the destination");
  });
}

export const virtualDestinationSpecSchema = virtualDestinationSpecShape.superRefine((spec, ctx) => checkVirtualDestinationSpec(spec, ctx));

export const virtualDestinationKind = defineKind({
  group: GLOO_NETWORKING_GROUP,
  versions: GLOO_NETWORKING_VERSIONS,
  kind: "VirtualDestination",
  plural: "virtualdestinations",
  namespaced: true,
  schema: kubeObjectSchema(GLOO_NETWORKING_GROUP, GLOO_NETWORKING_VERSIONS, "VirtualDestination", {
    spec: virtualDestinationSpecSchema,
    status: glooStatusSchema({
      numAppliedDestinationPolicies: countMapSchema.optional(),
      numSelectedBackingServices: intLikeSchema.optional(),
    }).optional(),
  }),
});
/** A multi-cluster hostname backed by selected services. */
export type VirtualDestination = KindOf<typeof virtualDestinationKind>;

/** Client-side TLS origination to an external service. */
export const externalServiceTlsSchema = z.looseObject({
  sni: z.string().optional(),
  mode: z.enum(["SIMPLE", "DISABLE", "MUTUAL", "ISTIO_MUTUAL"]).optional(),
  clientCertificate: z.string().optional(),
  privateKey: z.string().optional(),
  caCertificates: z.string().optional(),
  credentialName: z.string().optional(),
  insecureSkipVerify: z.boolean().optional(),
});
export type ExternalServiceTls = z.infer<typeof externalServiceTlsSchema>;

/** An ExternalService port. */
export const externalServicePortSchema = z.looseObject({
  number: portNumberSchema,
  targetPort: portSelectorSchema.optional(),
  name: z.string().optional(),
  protocol: caseInsensitiveEnum(glooPortProtocols).optional(),
  clientsideTls: externalServiceTlsSchema.optional(),
  egressGatewayRoutes: z
    .looseObject({ portMatch: portNumberSchema.optional(), virtualGatewayRefs: z.array(objectReferenceSchema).optional() })
    .optional(),
});
export type ExternalServicePort = z.infer<typeof externalServicePortSchema>;

/** ExternalService spec: hosts (FQDN or `*.` wildcard) xor addresses (IPs/CIDRs), ports, endpoint selector. */
export const externalServiceSpecSchema = z
  .looseObject({
    hosts: z.array(z.string()).optional(),
    addresses: z.array(z.string()).optional(),
    ports: z.array(externalServicePortSchema).optional(),
    selector: stringMapSchema.optional(),
    subjectAltNames: z.array(z.string()).optional(),
  })
  .superRefine((spec, ctx) => {
    if ((spec.hosts ?? []).length > 0 && (spec.addresses ?? []).length > 0) addIssue(ctx, ["addresses"], "must not be set together with hosts (hosts and addresses are mutually exclusive)");
  });
export type ExternalServiceSpec = z.infer<typeof externalServiceSpecSchema>;

export const externalServiceKind = defineKind({
  group: GLOO_NETWORKING_GROUP,
  versions: GLOO_NETWORKING_VERSIONS,
  kind: "ExternalService",
  plural: "externalservices",
  namespaced: true,
  schema: kubeObjectSchema(GLOO_NETWORKING_GROUP, GLOO_NETWORKING_VERSIONS, "ExternalService", {
    spec: externalServiceSpecSchema,
    status: glooStatusSchema({
      numAppliedDestinationPolicies: countMapSchema.optional(),
      numSelectedExternalEndpoints: intLikeSchema.optional(),
      numSelectedVirtualGateways: intLikeSchema.optional(),
    }).optional(),
  }),
});
/** A destination outside the mesh. */
export type ExternalService = KindOf<typeof externalServiceKind>;

/** ExternalEndpoint spec: a static address (IP, DNS name or `unix://` path) backing ExternalServices. */
export const externalEndpointSpecSchema = z.looseObject({
  address: z.string().min(1, { message: "must be a non-empty address" }),
  ports: z.array(z.looseObject({ name: z.string().optional(), number: portNumberSchema })).optional(),
  locality: localitySchema.optional(),
});
export type ExternalEndpointSpec = z.infer<typeof externalEndpointSpecSchema>;

export const externalEndpointKind = defineKind({
  group: GLOO_NETWORKING_GROUP,
  versions: GLOO_NETWORKING_VERSIONS,
  kind: "ExternalEndpoint",
  plural: "externalendpoints",
  namespaced: true,
  schema: kubeObjectSchema(GLOO_NETWORKING_GROUP, GLOO_NETWORKING_VERSIONS, "ExternalEndpoint", { spec: externalEndpointSpecSchema, status: glooStatusSchema({}).optional() }),
});
/** A static address for an ExternalService. */
export type ExternalEndpoint = KindOf<typeof externalEndpointKind>;

/** Listener TLS. Mode's enum zero value is PASSTHROUGH, so an absent mode means PASSTHROUGH. */
export const gatewayTlsSchema = z
  .looseObject({
    mode: z.enum(["PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL"]).optional(),
    secretName: z.string().optional(),
    files: z.looseObject({ serverCert: z.string().optional(), privateKey: z.string().optional(), caCerts: z.string().optional() }).optional(),
    verifySubjectAltName: z.array(z.string()).optional(),
    parameters: z
      .looseObject({
        minimumProtocolVersion: z.enum(["TLS_AUTO", "TLSv1_0", "TLSv1_1", "TLSv1_2", "TLSv1_3"]).optional(),
        maximumProtocolVersion: z.enum(["TLS_AUTO", "TLSv1_0", "TLSv1_1", "TLSv1_2", "TLSv1_3"]).optional(),
        cipherSuites: z.array(z.string()).optional(),
      })
      .superRefine((p, ctx) => {
        const old = p.minimumProtocolVersion === "TLSv1_0" || p.minimumProtocolVersion === "TLSv1_1";
        if (old && !isSet(p.cipherSuites)) addIssue(ctx, ["cipherSuites"], `must be set when minimumProtocolVersion is ${p.minimumProtocolVersion}`);
      })
      .optional(),
  })
  .superRefine(onlyOneOf(["secretName", "files"]))
  .superRefine((tls, ctx) => {
    // virtual_gateway.proto TLSConfig CEL: certificates required for SIMPLE/MUTUAL, forbidden for ISTIO_MUTUAL.
    const files = tls.files ?? {};
    if (tls.mode === "SIMPLE" && !isSet(tls.secretName) && !(isSet(files.serverCert) && isSet(files.privateKey))) {
      addIssue(ctx, [], "must set secretName or both files.serverCert and files.privateKey when mode is SIMPLE");
    }
    if (tls.mode === "MUTUAL" && !isSet(tls.secretName) && !(isSet(files.serverCert) && isSet(files.privateKey) && isSet(files.caCerts))) {
      addIssue(ctx, [], "must set secretName or files.serverCert, files.privateKey and files.caCerts when mode is MUTUAL");
    }
    if (tls.mode === "ISTIO_MUTUAL" && isSet(tls.secretName)) addIssue(ctx, ["secretName"], "must not be set when mode is ISTIO_MUTUAL");
    if (tls.mode === "ISTIO_MUTUAL" && isSet(tls.files)) addIssue(ctx, ["files"], "must not be set when mode is ISTIO_MUTUAL");
  });
export type GatewayTls = z.infer<typeof gatewayTlsSchema>;

const APP_PROTOCOLS = ["GRPC", "GRPC-WEB", "HTTP", "HTTP_PROXY", "HTTP2", "HTTPS", "TCP", "TLS", "MONGO", "REDIS", "MYSQL"];

/** The appProtocol values the listener CEL allows for each (listener type, TLS) combination. */
function allowedAppProtocols(http: boolean, tls: boolean): string[] {
  if (http) return tls ? ["HTTPS"] : ["GRPC", "GRPC-WEB", "HTTP", "HTTP_PROXY", "HTTP2"];
  return tls ? ["TLS"] : ["TCP", "MONGO", "REDIS", "MYSQL"];
}

/** A VirtualGateway listener: a gateway Service port, TLS or https redirect, http or tcp, and route-table filters. */
export const listenerSchema = z
  .looseObject({
    port: portSelectorSchema.refine((p) => isSet(p.number) || isSet(p.name), { message: "must set either number or name" }),
    tls: gatewayTlsSchema.optional(),
    httpsRedirect: z.boolean().optional(),
    http: z.looseObject({}).optional(),
    tcp: z.looseObject({}).optional(),
    allowedRouteTables: z
      .array(z.looseObject({ host: z.string().min(1, { message: "must be a non-empty host" }), selector: objectSelectorSchema.optional(), allowedRoutes: z.array(z.looseObject({})).optional() }))
      .optional(),
    exposedExternalServices: z.array(z.looseObject({ host: z.string().min(1, { message: "must be a non-empty host" }), selector: objectSelectorSchema.optional() })).optional(),
    appProtocol: caseInsensitiveEnum(APP_PROTOCOLS).optional(),
  })
  .superRefine(onlyOneOf(["tls", "httpsRedirect"]))
  .superRefine(onlyOneOf(["http", "tcp"]))
  .superRefine((listener, ctx) => {
    const http = isSet(listener.http);
    if (!http && isSet(listener.httpsRedirect)) addIssue(ctx, ["httpsRedirect"], "must not be set on a tcp listener (set http: {} to redirect)");
    if (listener.appProtocol === undefined) return;
    const allowed = allowedAppProtocols(http, isSet(listener.tls));
    if (!allowed.includes(listener.appProtocol.toUpperCase())) {
      addIssue(ctx, ["appProtocol"], `must be empty or one of ${allowed.join(", ")} for a${http ? "n http" : " tcp"} listener ${isSet(listener.tls) ? "with" : "without"} tls`);
    }
  });
export type Listener = z.infer<typeof listenerSchema>;

/** VirtualGateway spec: which gateway workloads (nil = all) and at least one listener. */
export const virtualGatewaySpecSchema = z.looseObject({
  workloads: z.array(workloadSelectorSchema).optional(),
  listeners: z.array(listenerSchema).min(1, { message: "must list at least one listener" }),
});
export type VirtualGatewaySpec = z.infer<typeof virtualGatewaySpecSchema>;

export const virtualGatewayKind = defineKind({
  group: GLOO_NETWORKING_GROUP,
  versions: GLOO_NETWORKING_VERSIONS,
  kind: "VirtualGateway",
  plural: "virtualgateways",
  namespaced: true,
  schema: kubeObjectSchema(GLOO_NETWORKING_GROUP, GLOO_NETWORKING_VERSIONS, "VirtualGateway", {
    spec: virtualGatewaySpecSchema,
    status: glooStatusSchema({
      routeTablesCount: intLikeSchema.optional(),
      selectedWorkloadsCount: intLikeSchema.optional(),
      externalServicesCount: intLikeSchema.optional(),
    }).optional(),
  }),
});
/** Logical listener configuration for Istio ingress, egress or east-west gateway pods. */
export type VirtualGateway = KindOf<typeof virtualGatewayKind>;

/** The kinds of `networking.gloo.solo.io` Meshpane models. */
export const kinds: readonly KindDef[] = [virtualDestinationKind, externalServiceKind, externalEndpointKind, routeTableKind, virtualGatewayKind];
