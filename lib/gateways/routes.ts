import { refOf, type ObjectRef } from "../snapshot/ref";
import { attachToGateway, normalizeParentRef, type AnyRoute, type ParentAttachment, type RouteKind } from "./attachment";
import type { BackendContext } from "./backends";
import { nsKey, type ClusterIndex } from "./cluster-index";
import type { GatewayModel } from "./gateways";
import type { RegexCache } from "./matches";
import type { ControllerProfile } from "./profiles";
import type { HostResolver } from "./resolver";
import { buildRule, type RuleModel } from "./rules";
import type { ProfileId } from "./types";

/**
 * Routes with their parent attachments (reference §2.1) and rules per controller profile. The HTTPRoute vs
 * GRPCRoute hostname conflict (§1.4) is applied afterwards by `resolveKindConflicts` (kind-conflicts.ts).
 */
export interface RouteModel {
  kind: RouteKind;
  obj: AnyRoute;
  ref: ObjectRef;
  key: string;
  namespace: string;
  created: string;
  parents: ParentAttachment[];
  /** The rules as a profile implements them (memoised; most routes see one profile). */
  rulesFor(profile: ControllerProfile): RuleModel[];
  /** Per parentRef index: the older route of the other kind that won a listener, when one did (§1.4). */
  lostTo: Map<number, ObjectRef>;
}

/** What building a route model needs: the cluster index, its Gateways, the resolver, function names and a regex cache. */
export interface RouteBuildContext {
  index: ClusterIndex;
  gateways: ReadonlyMap<string, GatewayModel>;
  resolver: HostResolver;
  functionNames: BackendContext["functionNames"];
  regex: RegexCache;
}

function missingParent(parentIdx: number, parent: ParentAttachment["parentRef"]): ParentAttachment {
  return {
    index: parentIdx, parentRef: parent, gateway: undefined, reason: "NoMatchingParent",
    message: `${parent.kind} ${parent.namespace}/${parent.name} must exist`, listeners: [], ignoredHostnames: [], strictDiffers: [],
  };
}

/** Builds the model of one route: parents resolved and attached, rules built lazily per profile. */
export function buildRoute(ctx: RouteBuildContext, kind: RouteKind, obj: AnyRoute): RouteModel {
  const namespace = obj.metadata.namespace ?? "";
  const parents = (obj.spec.parentRefs ?? []).map((p, i) => {
    const parent = normalizeParentRef(p, namespace);
    const gw = parent.group === "gateway.networking.k8s.io" && parent.kind === "Gateway" ? ctx.gateways.get(`${parent.namespace}/${parent.name}`) : undefined;
    return gw ? attachToGateway(ctx.index, gw, parent, i, kind, obj) : missingParent(i, parent);
  });
  const memo: Partial<Record<ProfileId, RuleModel[]>> = {};
  return {
    kind, obj, ref: refOf(ctx.index.cluster, obj), key: nsKey(obj), namespace, created: obj.metadata.creationTimestamp ?? "", parents, lostTo: new Map(),
    rulesFor(profile) {
      let rules = memo[profile.id];
      if (!rules) {
        const bctx: BackendContext = { index: ctx.index, profile, resolver: ctx.resolver, routeKind: kind, routeNamespace: namespace, functionNames: ctx.functionNames };
        rules = memo[profile.id] = (obj.spec.rules ?? [{}]).map((r, i) => buildRule(bctx, kind, r, i, ctx.regex));
      }
      return rules;
    },
  };
}
