import type { DestinationReference, PortSelector } from "../model/gloo-common";
import type { ExternalServiceSpec, VirtualDestinationSpec } from "../model/gloo-networking";
import type { RouteTableSpec } from "../model/gloo-networking-routes";
import { resolveRouteDestination } from "../policies/destinations";
import type { RouteDestination } from "../policies/types";
import type { ObjectRef } from "../snapshot/ref";
import { describeRef } from "../workspaces/findings";
import { specOf } from "../workspaces/kinds";
import { isEmpty } from "./canonical";
import type { TranslationIssueKey } from "./types";
import type { ExpandedRoute } from "./delegation";
import { federatedHostFor, type FederationIndex } from "./federation";
import { subsetName } from "./names";
import { entryAt, serviceAt, type World } from "./world";

/**
 * forwardTo → Istio route destinations (reference §6.2): the host a client in `cluster` uses for each
 * destination (local Service FQDN, federated host for a Service in another cluster, VirtualDestination or
 * ExternalService host), its port, its subset, and weights that sum to 100.
 */

/** Where a VirtualService copy is written, which decides local vs federated hosts. */
export interface Placement {
  cluster: string;
  namespace: string;
  workspace: string;
}

/** A subset a route needs on a Service host: becomes a client-side DestinationRule in the placement. */
export interface SubsetNeed {
  host: string;
  service: ObjectRef;
  labels: Record<string, string>;
}

/** One resolved Istio route destination and the Gloo destination it came from. */
export interface ResolvedDestination {
  ref: ObjectRef;
  entry: { destination: { host: string; port?: { number: number }; subset?: string }; weight?: number };
}

/** Why a route cannot be translated (the route is then replaced or the table frozen). */
export interface RouteProblem {
  key: TranslationIssueKey;
  message: string;
  field: string;
  objects: ObjectRef[];
  /** True when policy attachment already reports the cause (missing or invisible destination). */
  reported?: boolean;
}

export type Resolution = { ok: true; entries: ResolvedDestination[]; subsets: SubsetNeed[] } | { ok: false; problem: RouteProblem };

/** Resolves every destination of a forwardTo route for one placement. */
export function resolveForward(world: World, fed: FederationIndex, x: ExpandedRoute, place: Placement): Resolution {
  const refs = destinationsOf(x);
  // Sized once: every destination resolves or the route fails; subsets are rare, so listed on first need.
  const entries = new Array<ResolvedDestination>(refs.length);
  let subsets: SubsetNeed[] | undefined;
  for (let j = 0; j < refs.length; j++) {
    const r = resolveOne(world, fed, x, place, refs[j] as DestinationReference, attachedDestination(world, x, refs, j), j);
    if ("problem" in r) return { ok: false, problem: r.problem };
    entries[j] = r.resolved;
    if (r.subset) (subsets ??= []).push(r.subset);
  }
  if (entries.length === 0) return { ok: false, problem: { key: "ROUTE_UNSUPPORTED_ACTION", message: `${routeLabel(x)} must forward to at least one Kubernetes Service, VirtualDestination or ExternalService`, field: `spec.http[${x.index}].forwardTo`, objects: [x.table.ref] } };
  assignWeights(entries, refs);
  return { ok: true, entries, subsets: subsets ?? [] };
}

/**
 * True when a route translates the same in every placement: it forwards to no Kubernetes Service (whose
 * host depends on the client's cluster), so one build serves the copies in every cluster.
 */
export function placementFree(x: ExpandedRoute): boolean {
  return x.route.forwardTo === undefined || destinationsOf(x).every((d) => (d.kind ?? "SERVICE") !== "SERVICE");
}

/** The destinations of a forwardTo route: its own, or the table's default when it lists none. */
function destinationsOf(x: ExpandedRoute): readonly DestinationReference[] {
  const listed = x.route.forwardTo?.destinations ?? [];
  const fallback = listed.length === 0 ? specOf<RouteTableSpec>(x.table.object).defaultDestination : undefined;
  return fallback ? [fallback] : listed;
}

/** The field of destination j of a route; only problems read it, so it is built only for them. */
function destinationField(x: ExpandedRoute, j: number): string {
  return (x.route.forwardTo?.destinations ?? []).length === 0 ? "spec.defaultDestination" : `spec.http[${x.index}].forwardTo.destinations[${j}]`;
}

/** `route <name> (spec.http[i]) of RouteTable ns/name`, the way route messages start. */
export function routeLabel(x: ExpandedRoute): string {
  return `route ${x.route.name ?? `#${x.index}`} (spec.http[${x.index}]) of ${describeRef(x.table.ref, false)}`;
}

type One = { resolved: ResolvedDestination; subset?: SubsetNeed } | { problem: RouteProblem };

/**
 * Destination j of a route as policy attachment resolved it (ref, existence, visibility to the table's
 * workspace), reused when its list lines up with the route's; resolved here otherwise (unowned tables).
 */
function attachedDestination(world: World, x: ExpandedRoute, refs: readonly DestinationReference[], j: number): RouteDestination | null {
  const workspace = x.table.owner ?? "";
  const known = x.info?.workspace === workspace ? x.info.destinations : undefined;
  if (known && known.length === refs.length) return known[j] ?? null;
  return resolveRouteDestination(refs[j] as DestinationReference, x.table.ref, workspace, world.ctx.workspaces);
}

function resolveOne(world: World, fed: FederationIndex, x: ExpandedRoute, place: Placement, d: DestinationReference, rd: RouteDestination | null, j: number): One {
  if (!d.ref || !rd) return { problem: { key: "ROUTE_UNSUPPORTED_ACTION", message: `${routeLabel(x)} must forward to a destination ref; AWS Lambda and function destinations are not translated to Istio`, field: destinationField(x, j), objects: [x.table.ref] } };
  const { ref, kind } = rd;
  const workspace = x.table.owner ?? "";
  if (!rd.found) return { problem: { key: "ROUTE_UNSUPPORTED_ACTION", message: `${routeLabel(x)} must forward to an existing destination; ${describeRef(ref)} is not in any registered cluster`, field: `${destinationField(x, j)}.ref`, objects: [x.table.ref, ref], reported: true } };
  if (!rd.visible) return { problem: { key: "ROUTE_UNSUPPORTED_ACTION", message: `${routeLabel(x)} must forward to a destination workspace ${workspace} owns or imports; ${describeRef(ref)} is not visible there`, field: `${destinationField(x, j)}.ref`, objects: [x.table.ref, ref], reported: true } };
  if (kind === "SERVICE") return resolveService(world, fed, x, place, d, ref, j);
  const entry = entryAt(world, ref);
  const spec: Partial<VirtualDestinationSpec & ExternalServiceSpec> = entry ? specOf(entry.object) : {};
  const host = (spec.hosts ?? [])[0] ?? `${ref.name}.${ref.namespace}.${kind === "EXTERNAL_SERVICE" ? "external" : "virtual"}`;
  const port = pickPort(spec.ports ?? [], specPortNumber, specPortName, d.port);
  if (port === "required" || port === "missing") return { problem: portProblem(x, ref, d.port, port, j) };
  if (d.subset && !isEmpty(d.subset)) {
    return { problem: { key: "ROUTE_SUBSET_UNSUPPORTED", message: `${routeLabel(x)} must not set a subset on a ${kind} destination (subsets apply to Kubernetes Services only)`, field: `${destinationField(x, j)}.subset`, objects: [x.table.ref, ref] } };
  }
  return { resolved: { ref, entry: { destination: destination(host, port, undefined) } } };
}

function resolveService(world: World, fed: FederationIndex, x: ExpandedRoute, place: Placement, d: DestinationReference, ref: ObjectRef, j: number): One {
  const svc = serviceAt(world, ref);
  if (!svc) return { problem: { key: "ROUTE_UNSUPPORTED_ACTION", message: `${routeLabel(x)} must forward to an existing Service; ${describeRef(ref)} is not found`, field: `${destinationField(x, j)}.ref`, objects: [x.table.ref, ref] } };
  const port = pickPort(svc.ports, servicePortNumber, specPortName, d.port);
  if (port === "required" || port === "missing") return { problem: portProblem(x, ref, d.port, port, j) };
  let host: string;
  if (ref.cluster === place.cluster) {
    host = `${ref.name}.${ref.namespace}.svc.${world.meshClusters.get(place.cluster)?.clusterDomain ?? "cluster.local"}`;
  } else {
    const federated = federatedHostFor(world, fed, ref, x.table.owner ?? "");
    if (!federated) {
      return { problem: { key: "ROUTE_CROSS_CLUSTER", message: `${routeLabel(x)} must reach ${describeRef(ref)} from cluster ${place.cluster} through federation or a VirtualDestination; workspace ${x.table.owner ?? "none"} federates no such Service`, field: `${destinationField(x, j)}.ref.cluster`, objects: [x.table.ref, ref] } };
    }
    host = federated;
  }
  const labels = d.subset ?? {};
  const subset = !isEmpty(labels) ? subsetName(labels) : undefined;
  const resolved = { ref, entry: { destination: destination(host, port, subset) } };
  return subset ? { resolved, subset: { host, service: ref, labels } } : { resolved };
}

/** An Istio route destination, keys in sorted order. */
function destination(host: string, port: number | undefined, subset: string | undefined): ResolvedDestination["entry"]["destination"] {
  const out: ResolvedDestination["entry"]["destination"] = { host };
  if (port !== undefined) out.port = portNumber(port);
  if (subset) out.subset = subset;
  return out;
}

/** `{ number }`, one object per port number: every route to a port shares it (outputs are read-only). */
function portNumber(n: number): { number: number } {
  let port = PORTS.get(n);
  if (!port) PORTS.set(n, (port = Object.freeze({ number: n }) as { number: number }));
  return port;
}

const PORTS = new Map<number, { number: number }>();

const specPortNumber = (p: { number: number }): number => p.number;
const servicePortNumber = (p: { port: number }): number => p.port;
const specPortName = (p: { name?: unknown }): string => (typeof p.name === "string" ? p.name : "");

/** The port number a destination uses: the one named, the only one, "required" (ambiguous) or "missing". */
function pickPort<P>(ports: readonly P[], numberOf: (p: P) => number, nameOf: (p: P) => string, sel: PortSelector | undefined): number | undefined | "required" | "missing" {
  if (sel?.number !== undefined) {
    if (ports.length === 0) return sel.number;
    for (const p of ports) if (numberOf(p) === sel.number) return sel.number;
    return "missing";
  }
  if (sel?.name !== undefined) {
    for (const p of ports) if (nameOf(p) === sel.name) return numberOf(p);
    return "missing";
  }
  if (ports.length > 1) return "required";
  const only = ports[0];
  return only === undefined ? undefined : numberOf(only);
}

function portProblem(x: ExpandedRoute, ref: ObjectRef, sel: PortSelector | undefined, why: "required" | "missing", j: number): RouteProblem {
  const field = destinationField(x, j);
  if (why === "required") return { key: "ROUTE_PORT_REQUIRED", message: `${routeLabel(x)} must set a port for ${describeRef(ref)}, which has more than one`, field: `${field}.port`, objects: [x.table.ref, ref] };
  return { key: "ROUTE_PORT_NOT_FOUND", message: `${routeLabel(x)} must use a port ${describeRef(ref)} has; ${sel?.number ?? sel?.name} is not one`, field: `${field}.port`, objects: [x.table.ref, ref] };
}

/**
 * Weights (reference §2.7): explicit weights are kept; the remainder of 100 is split over unweighted
 * destinations (at least 1 each, the first ones taking the rounding). A single destination carries none.
 */
function assignWeights(entries: ResolvedDestination[], refs: readonly DestinationReference[]): void {
  if (entries.length < 2) return;
  let explicit = 0;
  let unweighted = 0;
  for (const d of refs) {
    if (d.weight !== undefined) explicit += d.weight;
    else unweighted++;
  }
  const remainder = Math.max(0, 100 - explicit);
  const share = unweighted > 0 ? Math.floor(remainder / unweighted) : 0;
  let extra = unweighted > 0 ? remainder - share * unweighted : 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ResolvedDestination;
    const w = refs[i]?.weight;
    if (w !== undefined) e.entry.weight = w;
    else {
      e.entry.weight = Math.max(1, share + (extra > 0 ? 1 : 0));
      if (extra > 0) extra--;
    }
  }
}
