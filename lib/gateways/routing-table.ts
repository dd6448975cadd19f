import type { GatewayModel } from "./gateways";
import { emptyHostnameIndex, hostnameEntry, setHostnameEntry, type HostnameIndex } from "./hostnames";
import type { ListenerModel } from "./listeners";
import { describeMatch, matchSignature, type MatchModel } from "./matches";
import type { ControllerProfile } from "./profiles";
import type { RouteModel } from "./routes";
import { ruleParts, type RuleParts } from "./rule-parts";
import type { RuleModel } from "./rules";

/**
 * The effective routing table (reference §4.1): per Gateway → listener → virtual host (intersected hostname),
 * rows (one per route rule match) sorted by the precedence of §4.3, indexed by hostname so a request looks up
 * its virtual host in O(labels) instead of scanning routes.
 */
export interface RouteRow {
  route: RouteModel;
  rule: RuleModel;
  matchIndex: number;
  match: MatchModel;
  /** For rows spliced in by HTTPRoute delegation: the parent route and rule. */
  delegatedFrom: { route: RouteModel; rule: RuleModel } | null;
  /** Precomputed precedence keys (§4.3 steps 1–5), compared ascending. */
  rank: readonly number[];
  /** The match as text (`PathPrefix /api, header x-canary=1`), for views, traces and findings. */
  text: string;
  /** What the row shows that depends only on its rule, shared by the rule's rows. */
  parts: RuleParts;
}

/** A row of a rule's match; `parts` are the rule's, computed once per rule by the caller (`ruleParts`). */
export function makeRow(route: RouteModel, rule: RuleModel, matchIndex: number, match: MatchModel, delegatedFrom: RouteRow["delegatedFrom"], profile: ControllerProfile, parts: RuleParts): RouteRow {
  return { route, rule, matchIndex, match, delegatedFrom, rank: rankOf(match, profile), text: describeMatch(match), parts };
}

/** One virtual host of a listener: the intersected hostname and its rows in precedence order. */
export interface Vhost {
  hostname: string;
  rows: RouteRow[];
  /** Rows of rules dropped as invalid: shown greyed, never matched. */
  dropped: RouteRow[];
  /** Row index → index of the earlier row with the same match (GWR010/011). */
  shadowedBy: ReadonlyMap<number, number>;
}

/** The virtual hosts of one listener, indexed by hostname. */
export interface ListenerTable {
  listener: ListenerModel;
  vhosts: HostnameIndex<Vhost>;
}

/** The routing table of one Gateway: one listener table per listener. */
export interface GatewayTable {
  gateway: GatewayModel;
  listeners: ListenerTable[];
}

/** §4.3 step 1: path type rank. RegularExpression is implementation-specific (profile). */
function pathRank(m: MatchModel, profile: ControllerProfile): number {
  if (m.pathType === "Exact") return 0;
  if (m.pathType === "RegularExpression") return profile.regexRank === "before-prefix" ? 1 : 2;
  return profile.regexRank === "before-prefix" ? 2 : 1;
}

/** §4.3 step 2: value length; Istio trims one trailing `/` of a PathPrefix; two regexes are never ordered. */
function pathLength(m: MatchModel, profile: ControllerProfile): number {
  if (m.pathType === "RegularExpression") return 0;
  if (m.pathType === "PathPrefix" && profile.trimPrefixSlash && m.pathValue.length > 1 && m.pathValue.endsWith("/")) return m.pathValue.length - 1;
  return m.pathValue.length;
}

/** Precedence keys: HTTP (§4.3) or GRPC (§1.4: service chars, method chars, header count). */
export function rankOf(m: MatchModel, profile: ControllerProfile): readonly number[] {
  // A match is shared by every row of its rule (one per listener and hostname): compute its keys once.
  const key = profile.regexRank === "before-prefix" ? (profile.trimPrefixSlash ? 0 : 1) : profile.trimPrefixSlash ? 2 : 3;
  const memo = RANKS[key] as WeakMap<MatchModel, readonly number[]>;
  let rank = memo.get(m);
  if (!rank) {
    rank = m.grpc
      ? [1, -(m.grpc.service?.length ?? 0), -(m.grpc.method?.length ?? 0), -m.headers.length, 0, 0]
      : [0, pathRank(m, profile), -pathLength(m, profile), m.method !== null ? 0 : 1, -m.headers.length, -m.query.length];
    memo.set(m, rank);
  }
  return rank;
}

/** Rank memos per (regexRank, trimPrefixSlash) combination; weak, so they never outlive the model. */
const RANKS = [new WeakMap<MatchModel, readonly number[]>(), new WeakMap<MatchModel, readonly number[]>(), new WeakMap<MatchModel, readonly number[]>(), new WeakMap<MatchModel, readonly number[]>()];
const SIGNATURES = new WeakMap<MatchModel, string>();
/** Shared empty map: most virtual hosts have no shadowed rows, so they do not each allocate one. */
const NO_SHADOWS: ReadonlyMap<number, number> = new Map();

function signatureOf(m: MatchModel): string {
  let sig = SIGNATURES.get(m);
  if (sig === undefined) SIGNATURES.set(m, (sig = matchSignature(m)));
  return sig;
}

/** Total order of rows: rank keys, then older route, then namespace/name, then rule and match index (§4.3 6–8). */
export function compareRows(a: RouteRow, b: RouteRow): number {
  for (let i = 0; i < a.rank.length; i++) {
    const d = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
    if (d !== 0) return d;
  }
  if (a.route.created !== b.route.created) return a.route.created < b.route.created ? -1 : 1;
  if (a.route.key !== b.route.key) return a.route.key < b.route.key ? -1 : 1;
  const ap = a.delegatedFrom ? a.delegatedFrom.rule.index : a.rule.index;
  const bp = b.delegatedFrom ? b.delegatedFrom.rule.index : b.rule.index;
  return ap - bp || a.rule.index - b.rule.index || a.matchIndex - b.matchIndex;
}

function vhostFor(table: ListenerTable, hostname: string): Vhost {
  let v = hostnameEntry(table.vhosts, hostname);
  if (!v) {
    v = { hostname, rows: [], dropped: [], shadowedBy: NO_SHADOWS };
    setHostnameEntry(table.vhosts, hostname, v);
  }
  return v;
}

/** The rows a rule contributes (one per match); delegation expands them through `expand`. */
export type RowExpander = (row: RouteRow) => RouteRow[];

/** Adds an accepted attachment's rows to a listener's virtual hosts. */
export function addRouteRows(table: ListenerTable, hostnames: readonly string[], route: RouteModel, profile: ControllerProfile, expand: RowExpander): void {
  const rows: RouteRow[] = [];
  const dropped: RouteRow[] = [];
  for (const rule of route.rulesFor(profile)) {
    const parts = ruleParts(route, rule, profile);
    rule.matches.forEach((match, matchIndex) => {
      const row = makeRow(route, rule, matchIndex, match, null, profile, parts);
      if (rule.dropped !== null) dropped.push(row);
      else rows.push(...(rule.backends.some((b) => b.delegation && b.reason === null) ? expand(row) : [row]));
    });
  }
  for (const h of hostnames) {
    const v = vhostFor(table, h);
    v.rows.push(...rows);
    v.dropped.push(...dropped);
  }
}

/** Sorts every virtual host and records rows that can never be reached because an earlier row has the same match. */
export function finishTable(table: ListenerTable): void {
  const all = [...table.vhosts.exact.values(), ...table.vhosts.wildcard.values(), ...(table.vhosts.any ? [table.vhosts.any] : [])];
  for (const v of all) {
    if (v.rows.length < 2) continue;
    v.rows.sort(compareRows);
    const first = new Map<string, number>();
    const shadowed = new Map<number, number>();
    v.rows.forEach((row, i) => {
      const sig = signatureOf(row.match);
      const earlier = first.get(sig);
      if (earlier === undefined) first.set(sig, i);
      else shadowed.set(i, earlier);
    });
    if (shadowed.size > 0) v.shadowedBy = shadowed;
  }
}

/** An empty table for a listener. */
export function emptyListenerTable(listener: ListenerModel): ListenerTable {
  return { listener, vhosts: emptyHostnameIndex<Vhost>() };
}

/** Every virtual host of a listener table, most specific hostname first. */
export function vhostsOf(table: ListenerTable): Vhost[] {
  const exact = [...table.vhosts.exact.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : 1));
  const wild = [...table.vhosts.wildcard.values()].sort((a, b) => b.hostname.split(".").length - a.hostname.split(".").length || (a.hostname < b.hostname ? -1 : 1));
  return [...exact, ...wild, ...(table.vhosts.any ? [table.vhosts.any] : [])];
}
