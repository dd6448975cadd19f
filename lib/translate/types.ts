import type { Discovery } from "../discovery/types";
import type { KubeObject } from "../model/meta";
import type { AttachmentIndex } from "../policies/types";
import type { ObjectRef } from "../snapshot/ref";
import type { WorkspaceIndex } from "../workspaces/types";

/**
 * Plain-data results of translating Gloo resources into Istio resources (reference §4–§8). Shared by the
 * validation layer, the preview/drift functions and the API views.
 */

/** What `translate` needs besides the snapshot: the derived indexes of the same snapshot version. */
export interface TranslateContext {
  workspaces: WorkspaceIndex;
  attachment: AttachmentIndex;
  discovery: Discovery;
}

/** The approval states Meshpane predicts (reference §8.3); PENDING and UNLICENSED are never predicted. */
export type StatusState = "ACCEPTED" | "WARNING" | "INVALID" | "FAILED";

/** One Istio object for one cluster, with the Gloo inputs it came from and why it exists. */
export interface TranslationOutput {
  cluster: string;
  /** The Istio object, canonical: no undefined fields, keys sorted, order-free lists sorted. */
  object: KubeObject;
  /** Every input that shaped the object, sorted; the first is the one named by its `gloo.solo.io/parent_*` labels. */
  parents: ObjectRef[];
  /** One sentence: which input produced it and for whom. */
  reason: string;
}

/** The predicted status of one Gloo input object (and of Gateway API routes with Hostname backends). */
export interface TranslationStatus {
  ref: ObjectRef;
  state: StatusState;
  /** What Gloo would report, each a sentence; empty when plainly accepted. */
  messages: string[];
}

/**
 * Stable keys of the problems the translator meets while translating; the validation layer maps each to
 * its catalogue code (lib/validate/catalogue.ts), so every check is reported once, by one layer.
 */
export type TranslationIssueKey =
  | "ROUTE_CROSS_CLUSTER"
  | "ROUTE_PORT_REQUIRED"
  | "ROUTE_PORT_NOT_FOUND"
  | "ROUTE_SUBSET_UNSUPPORTED"
  | "ROUTE_UNSUPPORTED_ACTION"
  | "ROUTE_DUPLICATE_NAME"
  | "DELEGATION_MATCHER_CONFLICT"
  | "DELEGATION_CYCLE"
  | "RT_GATEWAY_NOT_FOUND"
  | "RT_HOST_NOT_ALLOWED"
  | "VG_NO_WORKLOADS"
  | "VG_PORT_NOT_FOUND"
  | "VG_TARGET_PORT_NAMED"
  | "VD_MULTIPLE_SERVICES"
  | "VD_NO_BACKING_SERVICES"
  | "VD_TARGET_PORT_NOT_FOUND"
  | "VD_NO_EAST_WEST_GATEWAY"
  | "VD_UNSUPPORTED_BACKING"
  | "AP_WORKLOADS_WITH_ISOLATION"
  | "AP_NO_PRINCIPALS"
  | "HTTPROUTE_HOSTNAME_UNRESOLVED"
  | "HTTPROUTE_HOSTNAME_NOT_VISIBLE"
  | "V1_DESTINATION_NOT_FOUND"
  | "V1_MESH_IN_TWO_VIRTUAL_MESHES"
  | "V1_NO_EAST_WEST_GATEWAY"
  | "V1_FIELD_CONFLICT"
  | "V1_TRUST_DOMAIN_MISSING"
  | "CONFIG_NOT_READ";

/** A problem met while translating: what must hold, the objects involved (the one to fix first), the field. */
export interface TranslationIssue {
  key: TranslationIssueKey;
  severity: "error" | "warning" | "info";
  message: string;
  objects: ObjectRef[];
  field: string;
}

/** How one Gateway API HTTPRoute Hostname backendRef resolved (reference seeds; README "Gateway API"). */
export interface HostnameBackend {
  route: ObjectRef;
  rule: number;
  backend: number;
  host: string;
  port: number | null;
  /** The VirtualDestination with that host, or null when none is found or visible. */
  virtualDestination: ObjectRef | null;
}

/** Everything one translation pass produces; every list is in a stable order. */
export interface Translation {
  /** By (kind, group, namespace, name, cluster). */
  outputs: TranslationOutput[];
  /** One per Gloo input object, by ref. */
  statuses: TranslationStatus[];
  /** By first object, key, field, message. */
  issues: TranslationIssue[];
  backends: HostnameBackend[];
}
