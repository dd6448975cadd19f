import { compareHostnameSpecificity, hostnameMatches, matchingEntries } from "./hostnames";
import type { GatewayModel } from "./gateways";
import type { ListenerModel } from "./listeners";
import { matchFailure, pathNearMiss } from "./matches";
import type { ClusterGateways, GatewayAnalysisModel } from "./model";
import { parseRequest, type ParsedRequest } from "./request";
import type { MeshHopTracer } from "./resolver";
import type { ListenerTable, RouteRow, Vhost } from "./routing-table";
import { traceEdge } from "./edge-trace";
import { rowOutcome } from "./trace-outcome";
import { notFound, type NearMiss, type TraceInput, type TraceResult } from "./trace-types";

/**
 * The request tracer (reference §4.2): host → listener (§2.3) → virtual host → first matching row (§4.3) →
 * outcome (§4.5) with policies. Lookups go through the hostname indexes of the routing table, so one trace
 * over 10,000 routes touches only the rows of one virtual host. Gloo Edge gateways are traced by `traceEdge`.
 */
export interface TraceContext {
  model: GatewayAnalysisModel;
  /** Follows backends into the mesh (extension point; none by default). */
  mesh?: MeshHopTracer;
  /** `isolated` (default): only the most specific virtual host; `merged`: wildcard vhosts as fallback [INFER]. */
  vhostMode?: "isolated" | "merged";
}

const MAX_NEAR_MISSES = 20;

interface Candidate {
  cg: ClusterGateways;
  gw: GatewayModel;
  listener: ListenerModel;
  port: number;
}

/** §4.2: the port is explicit, else the Host header's, else the Gateway's (first) HTTP listener's. */
function portFor(gw: GatewayModel, input: TraceInput, req: ParsedRequest): number | undefined {
  return input.port ?? req.hostPort ?? (gw.listeners.find((l) => l.protocol === "HTTP") ?? gw.listeners[0])?.port;
}

/** §2.3: among usable listeners on the port, the most specific hostname match wins. */
function bestListener(gw: GatewayModel, port: number, host: string): ListenerModel | undefined {
  const matching = gw.listeners.filter((l) => l.usable && l.port === port && (l.protocol === "HTTP" || l.protocol === "HTTPS") && (host === "" ? l.hostname === "*" : hostnameMatches(l.hostname, host)));
  return matching.sort((a, b) => compareHostnameSpecificity(a.hostname, b.hostname))[0];
}

function candidates(model: GatewayAnalysisModel, input: TraceInput, req: ParsedRequest): Candidate[] {
  const out: Candidate[] = [];
  for (const cg of model.clusters) {
    if (input.cluster !== undefined && cg.cluster !== input.cluster) continue;
    for (const gw of cg.gateways.values()) {
      if (input.gateway && (input.gateway.kind === "EdgeGateway" || gw.key !== `${input.gateway.namespace}/${input.gateway.name}`)) continue;
      const port = portFor(gw, input, req);
      const listener = port === undefined ? undefined : bestListener(gw, port, req.host);
      if (listener && port !== undefined) out.push({ cg, gw, listener, port });
    }
  }
  return out.sort((a, b) => compareHostnameSpecificity(a.listener.hostname, b.listener.hostname) || (a.cg.cluster < b.cg.cluster ? -1 : a.cg.cluster > b.cg.cluster ? 1 : 0) || (a.gw.key < b.gw.key ? -1 : a.gw.key > b.gw.key ? 1 : 0));
}

function nearMiss(row: RouteRow, reason: string): NearMiss {
  return { route: { kind: row.route.kind, namespace: row.route.namespace, name: row.route.obj.metadata.name }, rule: row.rule.index, reason };
}

/** Scans a virtual host's rows in precedence order; records near misses on the way. */
function scan(rows: readonly RouteRow[], req: ParsedRequest, misses: NearMiss[]): RouteRow | undefined {
  for (const row of rows) {
    const failure = matchFailure(row.match, req);
    if (failure === null) return row;
    const pathOk = !failure.startsWith("path") && !failure.startsWith("gRPC");
    if (misses.length < MAX_NEAR_MISSES && (pathOk || pathNearMiss(row.match, req.path))) misses.push(nearMiss(row, failure));
  }
  return undefined;
}

/** Rows a more specific listener or virtual host hid (listener isolation, §2.3 and §4.2 step 3). */
function isolationMisses(c: Candidate, chosen: Vhost | undefined, table: ListenerTable | undefined, req: ParsedRequest, misses: NearMiss[]): void {
  const tables = c.cg.tables.get(c.gw.key)?.listeners ?? [];
  for (const lt of tables) {
    if (misses.length >= MAX_NEAR_MISSES || !lt.listener.usable || lt.listener.port !== c.port) continue;
    for (const { hostname, value } of matchingEntries(lt.vhosts, req.host)) {
      if (lt === table && value === chosen) continue;
      const row = value.rows.find((r) => matchFailure(r.match, req) === null);
      if (!row) continue;
      const why = lt === table
        ? `virtual host ${hostname} is not consulted: the more specific virtual host ${chosen?.hostname ?? "(none)"} takes host ${req.host}`
        : `listener ${lt.listener.name} is not consulted: listener ${c.listener.name} matches ${req.host} more specifically (listener isolation)`;
      misses.push(nearMiss(row, why));
    }
  }
}

/** The literal start of a pattern (up to its first metacharacter), to tell whether a dropped regex row was meant for a path. */
function literalPrefix(pattern: string): string {
  const i = pattern.search(/[.*+?()[\]{}|^$\\]/);
  return i < 0 ? pattern : pattern.slice(0, i);
}

/** Dropped rows (invalid rules) that look meant for this request: shown so a 404 explains itself. */
function droppedMisses(v: Vhost | undefined, req: ParsedRequest, misses: NearMiss[]): void {
  for (const row of v?.dropped ?? []) {
    const meant = row.match.pathType === "RegularExpression" ? req.path.startsWith(literalPrefix(row.match.pathValue)) : matchFailure({ ...row.match, invalid: null }, req) === null;
    if (meant && misses.length < MAX_NEAR_MISSES && row.rule.dropped !== null) misses.push(nearMiss(row, `rule dropped as invalid: ${row.rule.dropped}`));
  }
}

/** Traces one request through the Gateway API gateways of a candidate. */
function traceGatewayApi(c: Candidate, req: ParsedRequest, ctx: TraceContext): TraceResult {
  const table = c.cg.tables.get(c.gw.key)?.listeners.find((l) => l.listener.name === c.listener.name);
  const entries = table ? matchingEntries(table.vhosts, req.host) : [];
  const chosen = entries[0]?.value;
  const rows = ctx.vhostMode === "merged" ? entries.flatMap((e) => e.value.rows) : chosen?.rows ?? [];
  const misses: NearMiss[] = [];
  const notes = [
    `gateway ${c.gw.key} in cluster ${c.cg.cluster} (${c.gw.ours ? `controller ${c.gw.controllerName ?? ""}` : "no known controller: spec semantics"})`,
    `listener ${c.listener.name} (port ${c.port}, hostname ${c.listener.hostname}) is the most specific match for ${req.host || "(no host)"}`,
  ];
  const winner = scan(rows, req, misses);
  const base = {
    cluster: c.cg.cluster, gateway: { kind: "Gateway" as const, namespace: c.gw.obj.metadata.namespace ?? "", name: c.gw.obj.metadata.name },
    listener: { name: c.listener.name, port: c.listener.port, protocol: c.listener.protocol, hostname: c.listener.hostname === "*" ? null : c.listener.hostname },
    vhost: chosen?.hostname ?? null,
  };
  if (!winner) {
    isolationMisses(c, chosen, table, req, misses);
    droppedMisses(chosen, req, misses);
    notes.push(chosen ? `virtual host ${chosen.hostname}: no row matches` : `no route attached to listener ${c.listener.name} serves ${req.host || "(no host)"}`);
    // §1.4: gRPC clients see the miss as status Unimplemented rather than an HTTP 404.
    if (rows.length > 0 && rows.every((r) => r.route.kind === "GRPCRoute")) notes.push("the virtual host only has GRPCRoutes: gRPC clients get status Unimplemented (12)");
    return notFound(notes, { ...base, nearMisses: misses, headers: req.headerRecord });
  }
  notes.push(`virtual host ${chosen?.hostname ?? ""}; first matching row in precedence order`);
  const out = rowOutcome(c.cg, c.gw, c.listener, winner, req, ctx);
  return { ...out, ...base, nearMisses: misses, notes: [...notes, ...out.notes] };
}

/**
 * Traces a request (never throws on schema-valid input): Gateway API gateways first, then Gloo Edge gateways;
 * 404 when nothing matches, 500 for an invalid backend, ExtensionRef or a rule without backends.
 */
export function traceRequest(input: TraceInput, ctx: TraceContext): TraceResult {
  const req = parseRequest(input);
  const found = input.gateway?.kind === "EdgeGateway" ? undefined : candidates(ctx.model, input, req)[0];
  if (found) return traceGatewayApi(found, req, ctx);
  if (input.gateway?.kind !== "Gateway") {
    const edge = traceEdge(ctx.model, input, req);
    if (edge) return edge;
  }
  return notFound([`no usable listener${input.port !== undefined ? ` on port ${input.port}` : ""} matches host ${req.host || "(none)"}`], { headers: req.headerRecord });
}
