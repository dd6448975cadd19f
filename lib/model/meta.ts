import { z } from "zod";

/**
 * Shared building blocks for every Kubernetes-shaped kind Meshpane reads. Objects keep unknown fields
 * (`z.looseObject`), because real manifests carry fields newer than our schemas and writing an object
 * back must never drop them.
 */

export const labelsSchema = z.record(z.string(), z.string());

export const ownerReferenceSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  uid: z.string().optional(),
  controller: z.boolean().optional(),
});
export type OwnerReference = z.infer<typeof ownerReferenceSchema>;

export const objectMetaSchema = z.looseObject({
  name: z.string().min(1, "must be a non-empty name"),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.number().int().optional(),
  creationTimestamp: z.string().optional(),
  labels: labelsSchema.optional(),
  annotations: labelsSchema.optional(),
  ownerReferences: z.array(ownerReferenceSchema).optional(),
});
export type ObjectMeta = z.infer<typeof objectMetaSchema>;

/** Any Kubernetes object as read from a source, before kind-specific parsing. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Where an object lives: every object Meshpane holds is tied to one registered cluster. */
export interface ClusterObject<T extends KubeObject = KubeObject> {
  cluster: string;
  object: T;
}

/** A label selector as Kubernetes writes it (`matchLabels` / `matchExpressions`). */
export const labelSelectorSchema = z.looseObject({
  matchLabels: labelsSchema.optional(),
  matchExpressions: z
    .array(z.looseObject({ key: z.string(), operator: z.enum(["In", "NotIn", "Exists", "DoesNotExist"]), values: z.array(z.string()).optional() }))
    .optional(),
});
export type LabelSelector = z.infer<typeof labelSelectorSchema>;

/**
 * Builds the schema of one kind: `apiVersion` must be one of the listed versions of `group`,
 * `kind` must match, metadata is checked, and the rest of the object is described by `body`.
 * Kinds that are namespaced say so, so a missing namespace is reported where the source has none.
 */
export function kubeObjectSchema<B extends z.ZodRawShape>(group: string, versions: readonly string[], kind: string, body: B) {
  const apiVersions = versions.map((v) => (group === "" ? v : `${group}/${v}`));
  return z.looseObject({
    apiVersion: z.string().refine((v) => apiVersions.includes(v), { message: `must be one of ${apiVersions.join(", ")}` }),
    kind: z.literal(kind),
    metadata: objectMetaSchema,
    ...body,
  });
}

/** A kind Meshpane understands: its group, served versions, schema and scope. */
export interface KindDef {
  group: string;
  versions: readonly string[];
  kind: string;
  plural: string;
  namespaced: boolean;
  schema: z.ZodType<KubeObject>;
}

/** Declares a kind; the schema's inferred type is kept for callers through `KindOf`. */
export function defineKind<S extends z.ZodType<KubeObject>>(def: Omit<KindDef, "schema"> & { schema: S }): KindDef & { schema: S } {
  return def;
}

export type KindOf<D extends { schema: z.ZodType }> = z.infer<D["schema"]>;
