import { refOf, type ObjectRef } from "../snapshot/ref";
import { attachToGateway, normalizeParentRef, type AnyRoute, type ParentAttachment, type RouteKind } from "./attachment";
import type { BackendContext } from "./backends";
import { compareAge, nsKey, type ClusterIndex } from "./cluster-index";
import type { GatewayModel } from "./gateways";
import { intersectHostnames } from "./hostnames";
import type { RegexCache } from "./matches";
import type { ControllerProfile } from "./profiles";
import type { HostResolver } from "./resolver";
import { buildRule, type RuleModel } from "./rules";
import type { ProfileId } from "./types";

/**
 * Routes with their parent attachments (reference §2.1) and rules per controller profile. The HTTPRoute vs
 * GRPCRoute hostname conflict (§1.4) is applied afterwards by `resolveKindConflicts`.
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

interface ListenerClaim {
  route: RouteModel;
  att: ParentAttachment;
  hostnames: string[];
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => intersectHostnames(x, y) !== null));
}

/**
 * §1.4: on one listener, an HTTPRoute and a GRPCRoute with intersecting hostnames cannot both be accepted; the
 * older (then alphabetically first) keeps the listener. The loser loses that listener; a parent left with no
 * listener is reported as not accepted by the status pass.
 */
export function resolveKindConflicts(routes: readonly RouteModel[]): void {
  const claims = new Map<string, { http: ListenerClaim[]; grpc: ListenerClaim[] }>();
  for (const route of routes) {
    for (const att of route.parents) {
      for (const a of att.listeners) {
        const key = `${att.gateway?.key ?? ""}#${a.listener.name}`;
        const entry = claims.get(key) ?? { http: [], grpc: [] };
        (route.kind === "GRPCRoute" ? entry.grpc : entry.http).push({ route, att, hostnames: a.hostnames });
        claims.set(key, entry);
      }
    }
  }
  for (const [key, { http, grpc }] of claims) {
    if (http.length === 0 || grpc.length === 0) continue;
    const listenerName = key.slice(key.indexOf("#") + 1);
    for (const g of grpc) {
      for (const h of http) {
        if (!intersects(g.hostnames, h.hostnames)) continue;
        const [winner, loser] = compareAge(g.route.obj, h.route.obj) <= 0 ? [g, h] : [h, g];
        loser.att.listeners = loser.att.listeners.filter((a) => a.listener.name !== listenerName);
        loser.route.lostTo.set(loser.att.index, winner.route.ref);
      }
    }
  }
}
