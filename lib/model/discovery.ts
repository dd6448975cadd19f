import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, type KindDef } from "./meta";

/**
 * Gloo Mesh v1 discovery kinds (`discovery.mesh.gloo.solo.io/v1`), reference §1.6. Meshpane derives
 * these itself (lib/discovery) but also reads them when a cluster still runs Gloo Mesh v1 discovery.
 * Field names are the protobuf JSON names. Only the spec is typed in detail; status blocks written by
 * Gloo's networking component are kept loose (their policy specs are large and versioned apart).
 */

const group = "discovery.mesh.gloo.solo.io";
const versions = ["v1"] as const;

/** `{name, namespace}` as skv2 writes an ObjectRef. */
export const objectRefSchema = z.looseObject({ name: z.string(), namespace: z.string().optional() });
/** `{name, namespace, clusterName}` as skv2 writes a ClusterObjectRef. */
export const clusterObjectRefSchema = z.looseObject({ name: z.string(), namespace: z.string().optional(), clusterName: z.string().optional() });

/** One of `ip` or `dnsName` (a protobuf oneof). */
const externalAddressSchema = z.looseObject({ ip: z.string().optional(), dnsName: z.string().optional() });

// ---- Mesh ----------------------------------------------------------------------------------------

const meshInstallationSchema = z.looseObject({
  namespace: z.string().optional(),
  cluster: z.string().optional(),
  podLabels: labelsSchema.optional(),
  version: z.string().optional(),
  region: z.string().optional(),
});

const ingressGatewayInfoSchema = z.looseObject({
  name: z.string().optional(),
  namespace: z.string().optional(),
  workloadLabels: labelsSchema.optional(),
  externalAddress: z.string().optional(),
  ip: z.string().optional(),
  dnsName: z.string().optional(),
  externalTlsPort: z.number().int().optional(),
  tlsContainerPort: z.number().int().optional(),
});

/** `Mesh.spec`: a oneof of mesh types (only `istio` is typed) plus `agentInfo`. */
export const meshSpecSchema = z.looseObject({
  istio: z
    .looseObject({
      installation: meshInstallationSchema.optional(),
      trustDomain: z.string().optional(),
      istiodServiceAccount: z.string().optional(),
      smartDnsProxyingEnabled: z.boolean().optional(),
      ingressGateways: z.array(ingressGatewayInfoSchema).optional(),
    })
    .optional(),
  // Other mesh types exist in v1 but are out of scope (reference §1.3): kept, not typed.
  awsAppMesh: z.looseObject({}).optional(),
  linkerd: z.looseObject({}).optional(),
  consulConnect: z.looseObject({}).optional(),
  osm: z.looseObject({}).optional(),
  agentInfo: z.looseObject({ agentNamespace: z.string().optional() }).optional(),
  issuedCertificateStatus: z.looseObject({}).optional(),
});

/** A discovered control plane (one istiod Deployment). */
export const meshKind = defineKind({
  group, versions, kind: "Mesh", plural: "meshes", namespaced: true,
  schema: kubeObjectSchema(group, versions, "Mesh", {
    spec: meshSpecSchema,
    status: z
      .looseObject({
        observedGeneration: z.number().int().optional(),
        appliedVirtualMesh: z.looseObject({ ref: objectRefSchema.optional(), observedGeneration: z.number().int().optional() }).optional(),
        appliedVirtualDestinations: z.array(z.looseObject({ ref: objectRefSchema.optional() })).optional(),
        appliedEastWestIngressGateways: z.array(z.looseObject({ destinationRef: objectRefSchema.optional() })).optional(),
      })
      .optional(),
  }),
});
export type Mesh = z.infer<typeof meshKind.schema>;

// ---- Workload ------------------------------------------------------------------------------------

/** `Workload.spec`: the controller, its pod template labels and service account, and its mesh. */
export const workloadSpecSchema = z.looseObject({
  kubernetes: z
    .looseObject({
      controller: clusterObjectRefSchema.optional(),
      podLabels: labelsSchema.optional(),
      serviceAccountName: z.string().optional(),
    })
    .optional(),
  mesh: objectRefSchema.optional(),
  appMesh: z.looseObject({}).optional(),
});

/** A discovered workload (Deployment, StatefulSet or DaemonSet in a mesh). */
export const workloadKind = defineKind({
  group, versions, kind: "Workload", plural: "workloads", namespaced: true,
  schema: kubeObjectSchema(group, versions, "Workload", {
    spec: workloadSpecSchema,
    status: z.looseObject({ observedGeneration: z.number().int().optional() }).optional(),
  }),
});
export type Workload = z.infer<typeof workloadKind.schema>;

// ---- Destination ---------------------------------------------------------------------------------

const kubeServicePortSchema = z.looseObject({
  port: z.number().int().optional(),
  name: z.string().optional(),
  protocol: z.string().optional(),
  appProtocol: z.string().optional(),
  targetPortNumber: z.number().int().optional(),
  targetPortName: z.string().optional(),
  nodePort: z.number().int().optional(),
});

const endpointPortSchema = z.looseObject({
  port: z.number().int().optional(),
  name: z.string().optional(),
  protocol: z.string().optional(),
  appProtocol: z.string().optional(),
});

const endpointsSubsetSchema = z.looseObject({
  endpoints: z
    .array(
      z.looseObject({
        ipAddress: z.string().optional(),
        labels: labelsSchema.optional(),
        subLocality: z.looseObject({ zone: z.string().optional(), subZone: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  ports: z.array(endpointPortSchema).optional(),
});

/** Service type as the v1 proto enum names it (reference §1.5 step 1). */
export const destinationServiceTypes = ["CLUSTER_IP", "NODE_PORT", "LOAD_BALANCER", "EXTERNAL_NAME"] as const;

/** `Destination.spec.kubeService` (reference §1.5). */
export const kubeServiceSchema = z.looseObject({
  ref: clusterObjectRefSchema.optional(),
  workloadSelectorLabels: labelsSchema.optional(),
  labels: labelsSchema.optional(),
  ports: z.array(kubeServicePortSchema).optional(),
  subsets: z.record(z.string(), z.looseObject({ values: z.array(z.string()).optional() })).optional(),
  region: z.string().optional(),
  endpointSubsets: z.array(endpointsSubsetSchema).optional(),
  externalAddresses: z.array(externalAddressSchema).optional(),
  // Protobuf JSON writes enum names; numbers are accepted as the proto3 JSON mapping allows.
  serviceType: z.union([z.enum(destinationServiceTypes), z.number().int()]).optional(),
});

/** `Destination.spec.externalService`: a destination outside Kubernetes. */
export const externalServiceSchema = z.looseObject({
  name: z.string().optional(),
  hosts: z.array(z.string()).optional(),
  addresses: z.array(z.string()).optional(),
  ports: z.array(z.looseObject({ number: z.number().int().optional(), name: z.string().optional(), protocol: z.string().optional() })).optional(),
  endpoints: z.array(z.looseObject({ address: z.string().optional(), ports: z.record(z.string(), z.number().int()).optional() })).optional(),
});

/** A discovered destination (a Service in a mesh, or an external service). */
export const destinationKind = defineKind({
  group, versions, kind: "Destination", plural: "destinations", namespaced: true,
  schema: kubeObjectSchema(group, versions, "Destination", {
    spec: z.looseObject({
      kubeService: kubeServiceSchema.optional(),
      externalService: externalServiceSchema.optional(),
      mesh: objectRefSchema.optional(),
    }),
    status: z
      .looseObject({
        observedGeneration: z.number().int().optional(),
        localFqdn: z.string().optional(),
        appliedTrafficPolicies: z.array(z.looseObject({ ref: objectRefSchema.optional() })).optional(),
        appliedAccessPolicies: z.array(z.looseObject({ ref: objectRefSchema.optional() })).optional(),
        appliedFederation: z.looseObject({ federatedHostname: z.string().optional() }).optional(),
        requiredSubsets: z.array(z.looseObject({})).optional(),
      })
      .optional(),
  }),
});
export type Destination = z.infer<typeof destinationKind.schema>;

/** Every discovery kind, for the registry. */
export const kinds: readonly KindDef[] = [meshKind, workloadKind, destinationKind];
