import { groupKind, splitApiVersion } from "./api-version";
import type { KindDef, KubeObject } from "./meta";
import type { FieldError } from "./errors";
import { toFieldErrors } from "./errors";
import { kinds as coreKinds } from "./core";
import { kinds as discoveryKinds } from "./discovery";
import { kinds as glooAdminKinds } from "./gloo-admin";
import { kinds as glooNetworkingKinds } from "./gloo-networking";
import { kinds as glooPolicyKinds } from "./gloo-policy";
import { kinds as glooV1Kinds } from "./gloo-v1";
import { kinds as gatewayApiKinds } from "./gateway-api";
import { kinds as glooGatewayKinds } from "./gloo-gateway";
import { kinds as kgatewayKinds } from "./kgateway";
import { kinds as glooEdgeUpstreamKinds } from "./gloo-edge-upstream";
import { kinds as glooEdgeKinds } from "./gloo-edge";
import { kinds as istioKinds } from "./istio";

/** Every kind Meshpane models, in one list. Group files own their kinds; this file only joins them. */
export const allKinds: readonly KindDef[] = [
  ...coreKinds,
  ...discoveryKinds,
  ...glooAdminKinds,
  ...glooNetworkingKinds,
  ...glooPolicyKinds,
  ...glooV1Kinds,
  ...gatewayApiKinds,
  ...glooGatewayKinds,
  ...kgatewayKinds,
  ...glooEdgeUpstreamKinds,
  ...glooEdgeKinds,
  ...istioKinds,
];

/** Re-exported: callers that need the schemas too import both from here. */
export { groupKind, splitApiVersion } from "./api-version";

const byGroupKind = new Map(allKinds.map((k) => [groupKind(k.group, k.kind), k] as const));

/** The kind definition for an apiVersion and kind, if Meshpane models it (any served version). */
export function findKind(apiVersion: string, kind: string): KindDef | undefined {
  return byGroupKind.get(groupKind(splitApiVersion(apiVersion).group, kind));
}

/** The kind definition by group-kind key (`RouteTable.networking.gloo.solo.io`). */
export function kindByGroupKind(gk: string): KindDef | undefined {
  return byGroupKind.get(gk);
}

export type ParseResult =
  | { ok: true; object: KubeObject; modelled: boolean }
  | { ok: false; errors: FieldError[] };

/**
 * Parses one object as read from a manifest or an API server. Kinds Meshpane models are checked
 * against their schema; other kinds are accepted as plain objects (`modelled: false`) so a dump with
 * unrelated kinds still loads. Unknown fields are always kept: the parsed object is the input object.
 */
export function parseObject(raw: unknown): ParseResult {
  const head = checkHead(raw);
  if (!head.ok) return head;
  const def = findKind(head.object.apiVersion, head.object.kind);
  if (!def) return { ok: true, object: head.object, modelled: false };
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  return { ok: true, object: raw as KubeObject, modelled: true };
}

function checkHead(raw: unknown): { ok: true; object: KubeObject } | { ok: false; errors: FieldError[] } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: "<root>", reason: "FieldValueTypeInvalid", message: "<root>: must be a mapping with apiVersion, kind and metadata" }] };
  }
  const o = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (typeof o.apiVersion !== "string" || o.apiVersion === "") errors.push({ field: "apiVersion", reason: "FieldValueRequired", message: "apiVersion: is required (must be a non-empty string)" });
  if (typeof o.kind !== "string" || o.kind === "") errors.push({ field: "kind", reason: "FieldValueRequired", message: "kind: is required (must be a non-empty string)" });
  const meta = o.metadata as Record<string, unknown> | undefined;
  if (typeof meta !== "object" || meta === null) errors.push({ field: "metadata", reason: "FieldValueRequired", message: "metadata: is required (must be a mapping with a name)" });
  else if (typeof meta.name !== "string" || meta.name === "") errors.push({ field: "metadata.name", reason: "FieldValueRequired", message: "metadata.name: is required (must be a non-empty string)" });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, object: raw as KubeObject };
}
