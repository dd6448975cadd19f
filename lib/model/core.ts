import { z } from "zod";
import { defineKind, kubeObjectSchema, labelsSchema, labelSelectorSchema, type KindDef } from "./meta";

/**
 * Core Kubernetes kinds that discovery reads (reference §1.1): core `v1`, `apps/v1` and
 * `discovery.k8s.io/v1`. Only the fields Meshpane uses are typed; every object keeps the rest
 * (`z.looseObject`), so writing one back never drops fields. Types are strict where the API server
 * is (a container has a name) and lenient where real manifests vary (protocols are strings, not an
 * enum that a newer Kubernetes could outgrow).
 */

const optionalMetaSchema = z.looseObject({
  labels: labelsSchema.optional(),
  annotations: labelsSchema.optional(),
});

/** A port number or a port name, as Kubernetes `IntOrString` allows. */
export const intOrStringSchema = z.union([z.number().int(), z.string()]);

/** A container: its name (an `istio-proxy` name marks a sidecar) and image (istiod's version). */
export const containerSchema = z.looseObject({
  name: z.string().min(1, "must be a non-empty container name"),
  image: z.string().optional(),
  ports: z
    .array(z.looseObject({ name: z.string().optional(), containerPort: z.number().int(), protocol: z.string().optional() }))
    .optional(),
});
export type Container = z.infer<typeof containerSchema>;

/** The Pod spec fields discovery reads: containers, service account, hostNetwork, node. */
export const podSpecSchema = z.looseObject({
  containers: z.array(containerSchema),
  initContainers: z.array(containerSchema).optional(),
  serviceAccountName: z.string().optional(),
  hostNetwork: z.boolean().optional(),
  nodeName: z.string().optional(),
});
export type PodSpec = z.infer<typeof podSpecSchema>;

/** A workload's pod template: labels and annotations (injection), spec. */
export const podTemplateSchema = z.looseObject({
  metadata: optionalMetaSchema.optional(),
  spec: podSpecSchema,
});
export type PodTemplate = z.infer<typeof podTemplateSchema>;

const workloadStatusSchema = z.looseObject({
  replicas: z.number().int().optional(),
  readyReplicas: z.number().int().optional(),
  availableReplicas: z.number().int().optional(),
  updatedReplicas: z.number().int().optional(),
});

// ---- core v1 -------------------------------------------------------------------------------------

/** Namespace: its labels decide sidecar injection. */
export const namespaceKind = defineKind({
  group: "", versions: ["v1"], kind: "Namespace", plural: "namespaces", namespaced: false,
  schema: kubeObjectSchema("", ["v1"], "Namespace", {
    status: z.looseObject({ phase: z.string().optional() }).optional(),
  }),
});
export type Namespace = z.infer<typeof namespaceKind.schema>;

/** One `status.addresses` entry (`InternalIP`, `ExternalIP`, `Hostname`, …). */
export const nodeAddressSchema = z.looseObject({ type: z.string(), address: z.string() });

/** Node: region and zone labels, addresses. */
export const nodeKind = defineKind({
  group: "", versions: ["v1"], kind: "Node", plural: "nodes", namespaced: false,
  schema: kubeObjectSchema("", ["v1"], "Node", {
    status: z
      .looseObject({
        addresses: z.array(nodeAddressSchema).optional(),
        // Only the image names are read: a `kindnetd` image marks a kind node (reference §1.3 step 8).
        images: z.array(z.looseObject({ names: z.array(z.string()).optional() })).optional(),
      })
      .optional(),
  }),
});
export type Node = z.infer<typeof nodeKind.schema>;

/** One Pod condition; `Ready`/`True` counts a Pod as ready. */
export const podConditionSchema = z.looseObject({ type: z.string(), status: z.string() });

/** Pod: owner references, labels, containers, node, readiness. */
export const podKind = defineKind({
  group: "", versions: ["v1"], kind: "Pod", plural: "pods", namespaced: true,
  schema: kubeObjectSchema("", ["v1"], "Pod", {
    spec: podSpecSchema,
    status: z
      .looseObject({
        phase: z.string().optional(),
        podIP: z.string().optional(),
        podIPs: z.array(z.looseObject({ ip: z.string() })).optional(),
        hostIP: z.string().optional(),
        conditions: z.array(podConditionSchema).optional(),
      })
      .optional(),
  }),
});
export type Pod = z.infer<typeof podKind.schema>;

/** A Service port; `targetPort` is a number or a container port name. */
export const servicePortSchema = z.looseObject({
  name: z.string().optional(),
  port: z.number().int(),
  targetPort: intOrStringSchema.optional(),
  protocol: z.string().optional(),
  appProtocol: z.string().optional(),
  nodePort: z.number().int().optional(),
});
export type ServicePort = z.infer<typeof servicePortSchema>;

/** One `status.loadBalancer.ingress` entry: an IP or a hostname. */
export const loadBalancerIngressSchema = z.looseObject({ ip: z.string().optional(), hostname: z.string().optional() });

/** Service: selector, ports, type, external addresses. */
export const serviceKind = defineKind({
  group: "", versions: ["v1"], kind: "Service", plural: "services", namespaced: true,
  schema: kubeObjectSchema("", ["v1"], "Service", {
    spec: z
      .looseObject({
        type: z.string().optional(),
        selector: labelsSchema.optional(),
        ports: z.array(servicePortSchema).optional(),
        clusterIP: z.string().optional(),
        externalIPs: z.array(z.string()).optional(),
        externalName: z.string().optional(),
      })
      .optional(),
    status: z
      .looseObject({ loadBalancer: z.looseObject({ ingress: z.array(loadBalancerIngressSchema).optional() }).optional() })
      .optional(),
  }),
});
export type Service = z.infer<typeof serviceKind.schema>;

/** `targetRef` of an endpoint: the Pod behind an address. */
export const objectReferenceSchema = z.looseObject({
  kind: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  uid: z.string().optional(),
});

/** One address of an Endpoints subset. */
export const endpointAddressSchema = z.looseObject({
  ip: z.string(),
  hostname: z.string().optional(),
  nodeName: z.string().optional(),
  targetRef: objectReferenceSchema.optional(),
});
export type EndpointAddress = z.infer<typeof endpointAddressSchema>;

/** One port of an Endpoints subset. */
export const endpointPortSchema = z.looseObject({
  name: z.string().optional(),
  port: z.number().int(),
  protocol: z.string().optional(),
  appProtocol: z.string().optional(),
});
export type EndpointPort = z.infer<typeof endpointPortSchema>;

/** Endpoints: ready (`addresses`) and not-ready addresses per subset. */
export const endpointsKind = defineKind({
  group: "", versions: ["v1"], kind: "Endpoints", plural: "endpoints", namespaced: true,
  schema: kubeObjectSchema("", ["v1"], "Endpoints", {
    subsets: z
      .array(
        z.looseObject({
          addresses: z.array(endpointAddressSchema).optional(),
          notReadyAddresses: z.array(endpointAddressSchema).optional(),
          ports: z.array(endpointPortSchema).optional(),
        }),
      )
      .optional(),
  }),
});
export type Endpoints = z.infer<typeof endpointsKind.schema>;

/** ConfigMap: mesh config (`istio[-rev]`) and injector config (`istio-sidecar-injector`). */
export const configMapKind = defineKind({
  group: "", versions: ["v1"], kind: "ConfigMap", plural: "configmaps", namespaced: true,
  schema: kubeObjectSchema("", ["v1"], "ConfigMap", {
    data: z.record(z.string(), z.string()).optional(),
    binaryData: z.record(z.string(), z.string()).optional(),
  }),
});
export type ConfigMap = z.infer<typeof configMapKind.schema>;

/** ServiceAccount: identities that policies name. */
export const serviceAccountKind = defineKind({
  group: "", versions: ["v1"], kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true,
  schema: kubeObjectSchema("", ["v1"], "ServiceAccount", {
    automountServiceAccountToken: z.boolean().optional(),
  }),
});
export type ServiceAccount = z.infer<typeof serviceAccountKind.schema>;

// ---- apps/v1 -------------------------------------------------------------------------------------

function appsWorkloadKind<K extends string>(kind: K, plural: string) {
  return defineKind({
    group: "apps", versions: ["v1"], kind, plural, namespaced: true,
    schema: kubeObjectSchema("apps", ["v1"], kind, {
      spec: z.looseObject({
        replicas: z.number().int().optional(),
        selector: labelSelectorSchema,
        template: podTemplateSchema,
      }),
      status: workloadStatusSchema.optional(),
    }),
  });
}

/** Deployment: a workload controller; owns Pods through ReplicaSets. */
export const deploymentKind = appsWorkloadKind("Deployment", "deployments");
export type Deployment = z.infer<typeof deploymentKind.schema>;
/** StatefulSet: a workload controller that owns its Pods directly. */
export const statefulSetKind = appsWorkloadKind("StatefulSet", "statefulsets");
export type StatefulSet = z.infer<typeof statefulSetKind.schema>;
/** DaemonSet: a workload controller that owns its Pods directly. */
export const daemonSetKind = appsWorkloadKind("DaemonSet", "daemonsets");
export type DaemonSet = z.infer<typeof daemonSetKind.schema>;
/** ReplicaSet: links a Deployment to its Pods; never a Workload itself. */
export const replicaSetKind = appsWorkloadKind("ReplicaSet", "replicasets");
export type ReplicaSet = z.infer<typeof replicaSetKind.schema>;

// ---- discovery.k8s.io/v1 -------------------------------------------------------------------------

/** EndpointSlice: the fallback for a Service without an Endpoints object. */
export const endpointSliceKind = defineKind({
  group: "discovery.k8s.io", versions: ["v1"], kind: "EndpointSlice", plural: "endpointslices", namespaced: true,
  schema: kubeObjectSchema("discovery.k8s.io", ["v1"], "EndpointSlice", {
    addressType: z.string(),
    endpoints: z
      .array(
        z.looseObject({
          addresses: z.array(z.string()),
          conditions: z
            .looseObject({ ready: z.boolean().optional(), serving: z.boolean().optional(), terminating: z.boolean().optional() })
            .optional(),
          hostname: z.string().optional(),
          nodeName: z.string().optional(),
          zone: z.string().optional(),
          targetRef: objectReferenceSchema.optional(),
        }),
      )
      .nullable()
      .optional(),
    ports: z
      .array(
        z.looseObject({
          name: z.string().optional(),
          port: z.number().int().optional(),
          protocol: z.string().optional(),
          appProtocol: z.string().optional(),
        }),
      )
      .nullable()
      .optional(),
  }),
});
export type EndpointSlice = z.infer<typeof endpointSliceKind.schema>;

/** The workload controllers discovery turns into Workloads (reference §1.4). */
export type WorkloadController = Deployment | StatefulSet | DaemonSet;

/** Every core kind, for the registry. */
export const kinds: readonly KindDef[] = [
  namespaceKind,
  nodeKind,
  podKind,
  serviceKind,
  endpointsKind,
  configMapKind,
  serviceAccountKind,
  deploymentKind,
  statefulSetKind,
  daemonSetKind,
  replicaSetKind,
  endpointSliceKind,
];
