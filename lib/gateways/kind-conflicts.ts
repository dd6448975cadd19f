import type { ObjectRef } from "../snapshot/ref";
import type { ParentAttachment } from "./attachment";
import { isWildcard } from "./hostnames";
import type { RouteModel } from "./routes";

/**
 * The HTTPRoute vs GRPCRoute hostname conflict on one listener (reference §1.4), in O(claims × labels) plus one
 * sort per listener instead of comparing every GRPCRoute with every HTTPRoute.
 */

/** `*` + every suffix of `s` that starts at a dot at or after `from`. */
function wildcardsOver(s: string, from: number): string[] {
  const out: string[] = [];
  for (let dot = s.indexOf(".", from); dot >= 0; dot = s.indexOf(".", dot + 1)) out.push(`*${s.slice(dot)}`);
  return out;
}

/**
 * The wildcards that match exact hostname `host` exactly as `hostnameMatches` decides (at least one extra label;
 * unlike `wildcardCandidates`, which serves request hosts, this also agrees on names with a stray dot).
 */
function wildcardsMatching(host: string): string[] {
  return host.startsWith(".") ? [] : wildcardsOver(host, 1);
}

/** The wildcards that cover wildcard `w` (`*.a.com` ⇒ itself and `*.com`). */
function wildcardsCovering(w: string): string[] {
  return wildcardsOver(w, 1);
}

/**
 * The largest position among the hostname sets added so far that intersect a query set (the §2.2 relation of
 * `intersectHostnames`, non-strict): `*` meets everything, exact names meet themselves and the wildcards that
 * match them, two wildcards meet when one covers the other. `under` holds, per wildcard, what it matches or
 * covers, so a wildcard query never scans the names below it.
 */
export class HostnameOverlapIndex {
  private all = -1;
  private any = -1;
  private readonly exact = new Map<string, number>();
  private readonly wild = new Map<string, number>();
  private readonly under = new Map<string, number>();

  /** Adds a hostname set at a position. */
  add(hostnames: readonly string[], pos: number): void {
    this.all = Math.max(this.all, pos);
    for (const h of hostnames) {
      if (h === "*") this.any = Math.max(this.any, pos);
      else if (isWildcard(h)) {
        raise(this.wild, h, pos);
        for (const w of wildcardsCovering(h)) raise(this.under, w, pos);
      } else {
        raise(this.exact, h, pos);
        for (const w of wildcardsMatching(h)) raise(this.under, w, pos);
      }
    }
  }

  /** The largest position of an added set intersecting `hostnames`, or -1. */
  latest(hostnames: readonly string[]): number {
    let best = this.any;
    for (const h of hostnames) {
      if (h === "*") return this.all;
      if (isWildcard(h)) {
        best = Math.max(best, this.under.get(h) ?? -1);
        for (const w of wildcardsCovering(h)) best = Math.max(best, this.wild.get(w) ?? -1);
      } else {
        best = Math.max(best, this.exact.get(h) ?? -1);
        for (const w of wildcardsMatching(h)) best = Math.max(best, this.wild.get(w) ?? -1);
      }
    }
    return best;
  }
}

function raise(map: Map<string, number>, key: string, pos: number): void {
  const v = map.get(key);
  if (v === undefined || v < pos) map.set(key, pos);
}

interface Claim {
  route: RouteModel;
  att: ParentAttachment;
  hostnames: string[];
  /** Position in its kind's list on this listener. */
  pos: number;
}

interface ListenerClaims {
  listener: string;
  http: Claim[];
  grpc: Claim[];
}

function claimsByListener(routes: readonly RouteModel[]): Map<string, ListenerClaims> {
  const claims = new Map<string, ListenerClaims>();
  for (const route of routes) {
    for (const att of route.parents) {
      for (const a of att.listeners) {
        const key = `${att.gateway?.key ?? ""}#${a.listener.name}`;
        let entry = claims.get(key);
        if (!entry) claims.set(key, (entry = { listener: a.listener.name, http: [], grpc: [] }));
        const list = route.kind === "GRPCRoute" ? entry.grpc : entry.http;
        list.push({ route, att, hostnames: a.hostnames, pos: list.length });
      }
    }
  }
  return claims;
}

/**
 * Age rank of every route (`compareAge`: older, then namespace/name first); on a tie across kinds the
 * GRPCRoute ranks first, as the pairwise rule lets it win a tie.
 */
function ageRanks(routes: readonly RouteModel[]): Map<RouteModel, number> {
  const sorted = [...routes].sort((a, b) => (a.created !== b.created ? (a.created < b.created ? -1 : 1) : a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.kind === b.kind ? 0 : a.kind === "GRPCRoute" ? -1 : 1));
  return new Map(sorted.map((r, i) => [r, i] as const));
}

/**
 * Per claim of either kind, the position of the latest claim of the other kind (in that kind's list) that
 * beats it: older, with an intersecting hostname. Claims are swept oldest first, so the index of the other
 * kind holds exactly the claims that beat the current one.
 */
function winners(entry: ListenerClaims, rank: ReadonlyMap<RouteModel, number>): { http: number[]; grpc: number[] } {
  const out = { http: entry.http.map(() => -1), grpc: entry.grpc.map(() => -1) };
  const swept = [...entry.grpc.map((c) => ({ c, grpc: true, rank: rank.get(c.route) ?? 0 })), ...entry.http.map((c) => ({ c, grpc: false, rank: rank.get(c.route) ?? 0 }))];
  swept.sort((a, b) => a.rank - b.rank);
  const http = new HostnameOverlapIndex();
  const grpc = new HostnameOverlapIndex();
  for (const { c, grpc: isGrpc } of swept) {
    (isGrpc ? out.grpc : out.http)[c.pos] = (isGrpc ? http : grpc).latest(c.hostnames);
    (isGrpc ? grpc : http).add(c.hostnames, c.pos);
  }
  return out;
}

function lose(loser: Claim, listener: string, winner: ObjectRef): void {
  loser.att.listeners = loser.att.listeners.filter((a) => a.listener.name !== listener);
  loser.route.lostTo.set(loser.att.index, winner);
}

/**
 * §1.4: on one listener, an HTTPRoute and a GRPCRoute with intersecting hostnames cannot both be accepted; the
 * older (then alphabetically first) keeps the listener. A route loses the listener when any older route of
 * the other kind intersects it (a loser still beats younger routes: the rule is pairwise); `lostTo` names the
 * last such route in the order of the pairwise rule. A parent left with no listener is reported as not
 * accepted by the status pass.
 */
export function resolveKindConflicts(routes: readonly RouteModel[]): void {
  const claims = claimsByListener(routes);
  const mixed = [...claims.values()].filter((e) => e.http.length > 0 && e.grpc.length > 0);
  if (mixed.length === 0) return;
  const rank = ageRanks(routes);
  for (const entry of mixed) {
    const won = winners(entry, rank);
    // Replays the pairwise order (GRPCRoutes outer, HTTPRoutes inner) so a parent claiming one listener twice
    // ends with the same `lostTo` as the pairwise rule gave it.
    const beaten = entry.grpc.map((): Claim[] => []);
    entry.http.forEach((h, i) => { const g = won.http[i] ?? -1; if (g >= 0) beaten[g]?.push(h); });
    entry.grpc.forEach((g, i) => {
      for (const h of beaten[i] ?? []) lose(h, entry.listener, g.route.ref);
      const w = entry.http[won.grpc[i] ?? -1];
      if (w) lose(g, entry.listener, w.route.ref);
    });
  }
}
