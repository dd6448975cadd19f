import type { Snapshot } from "../snapshot/snapshot";
import { ACCESS_POLICY_GK, translateAccessPolicies } from "./access-policy";
import { Emitter } from "./emit";
import { ownedExternalServices, translateExternalServices } from "./external-service";
import { indexFederation, translateFederation } from "./federation";
import { indexGateways } from "./gateways";
import { resolveHostnameBackends } from "./hostname-backends";
import { translateRouteTables } from "./route-table";
import { translateServiceIsolation } from "./service-isolation";
import { completeStatuses } from "./statuses";
import type { TranslateContext, Translation } from "./types";
import { translateV1AccessPolicies } from "./v1-access-policy";
import { translateV1TrafficPolicies } from "./v1-traffic-policy";
import { translateV1VirtualMeshes } from "./v1-virtual-mesh";
import { ownedVirtualDestinations, translateVirtualDestinations } from "./virtual-destination";
import { translateVirtualGateways } from "./virtual-gateway";
import { buildWorld, ownedEntries } from "./world";

export type * from "./types";
export { TRANSLATION_NOTES, type TranslationNote } from "./notes";
export { canonical } from "./canonical";
export { isGeneratedObject, parentFromLabels, PARENT_LABELS, V1_OWNER_LABEL, V1_PARENTS_ANNOTATION } from "./metadata";
export { sanitizeNameV2, subsetName, virtualIp } from "./names";
export { explicitProtocol, protocolOfName } from "./protocols";
export { isGlooInputGroup } from "./statuses";

/**
 * Translates the Gloo resources of a snapshot into the Istio resources each cluster would get, with a
 * predicted status for every Gloo input (reference §4–§8). Pure and deterministic: the same snapshot and
 * context give the same result whatever order the objects were read in; outputs are canonical and sorted
 * by (kind, group, namespace, name, cluster). Everything is looked up through indexes built once here.
 */
export function translate(snapshot: Snapshot, ctx: TranslateContext): Translation {
  const world = buildWorld(snapshot, ctx);
  const emit = new Emitter();
  const gateways = indexGateways(world, emit);
  const federation = indexFederation(world);
  const vds = ownedVirtualDestinations(world);
  translateVirtualGateways(emit, gateways);
  translateVirtualDestinations(world, emit, vds);
  translateFederation(world, emit, federation);
  translateExternalServices(world, emit, ownedExternalServices(world));
  translateRouteTables(world, emit, gateways, federation);
  translateAccessPolicies(world, emit, ownedEntries(world, ACCESS_POLICY_GK));
  translateServiceIsolation(world, emit, federation);
  translateV1TrafficPolicies(world, emit);
  translateV1AccessPolicies(world, emit);
  translateV1VirtualMeshes(world, emit);
  const backends = resolveHostnameBackends(world, emit, vds);
  completeStatuses(world, emit);
  return { ...emit.finish(), backends };
}
export { detectDrift, liveIstioObjects, type DriftItem, type LiveObject } from "./drift";
