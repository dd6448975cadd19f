import type { BackendResolution } from "./backends";
import { report, type FindingSink } from "./findings";
import { prefixMatches, type MatchModel, type ValueMatch } from "./matches";
import type { ControllerProfile } from "./profiles";
import type { RouteModel } from "./routes";
import { ruleParts } from "./rule-parts";
import { makeRow, type RouteRow, type RowExpander } from "./routing-table";

/**
 * HTTPRoute delegation of Gloo Gateway 1.x and kgateway (reference §5.1): a parent rule's backendRef to
 * HTTPRoutes (by name, `*`, or the Gloo `delegation.gateway.solo.io/label` kind) splices the children's rules
 * in under the parent match. Children must list the parent in parentRefs or list none. A child match must lie
 * within the parent's (path inside the prefix, parent headers/query/method kept) unless the child asks to
 * inherit the parent matcher. Details beyond the reference are [INFER].
 */
const LABEL = "delegation.gateway.solo.io/label";
const INHERIT = "delegation.gateway.solo.io/inherit-parent-matcher";
const MAX_DEPTH = 8;

/** Indexes HTTPRoutes for delegation (by namespace and by the Gloo delegation label) and expands delegating rows. */
export class DelegationIndex {
  private readonly byNs = new Map<string, RouteModel[]>();
  private readonly byLabel = new Map<string, RouteModel[]>();
  constructor(routes: readonly RouteModel[], private readonly sink: FindingSink) {
    for (const r of routes) {
      if (r.kind !== "HTTPRoute") continue;
      // Appended in place: copying the list per route made indexing quadratic in routes per namespace.
      append(this.byNs, r.namespace, r);
      const label = r.obj.metadata.labels?.[LABEL];
      if (label !== undefined) append(this.byLabel, label, r);
    }
  }

  /** The children a delegation backendRef selects that accept the parent. */
  children(parent: RouteModel, b: BackendResolution): RouteModel[] {
    const candidates = b.kind === "label"
      ? (this.byLabel.get(b.name) ?? []).filter((r) => b.namespace === "all" || r.namespace === b.namespace)
      : (this.byNs.get(b.namespace) ?? []).filter((r) => b.name === "*" || b.name === "" || r.obj.metadata.name === b.name);
    return candidates.filter((child) => child !== parent && this.accepts(child, parent));
  }

  private accepts(child: RouteModel, parent: RouteModel): boolean {
    const refs = child.obj.spec.parentRefs ?? [];
    if (refs.length === 0) return true;
    return refs.some((p) => p.kind === "HTTPRoute" && (p.group ?? "gateway.networking.k8s.io") === "gateway.networking.k8s.io" && p.name === parent.obj.metadata.name && (p.namespace ?? child.namespace) === parent.namespace);
  }

  /**
   * Marks delegation backends with no accepting child (BackendNotFound) or leading into a cycle anywhere below
   * (RefNotPermitted, on every backend of the path so the top route's ResolvedRefs shows it); the route
   * findings then report them like any other backend. Returns the cycle found below, if any.
   */
  check(route: RouteModel, profile: ControllerProfile, chain: readonly string[] = []): string[] | null {
    let found: string[] | null = null;
    for (const rule of route.rulesFor(profile)) {
      for (const b of rule.backends) {
        if (!b.delegation || (b.reason !== null && b.reason !== "RefNotPermitted")) continue;
        const kids = this.children(route, b);
        const path = [...chain, route.key];
        const direct = kids.find((k) => path.includes(k.key));
        const cycle = direct ? [...path, direct.key] : chain.length < MAX_DEPTH ? kids.map((k) => this.check(k, profile, path)).find((c) => c !== null) ?? null : null;
        if (cycle) {
          Object.assign(b, { reason: "RefNotPermitted", code: "GW_DELEGATION_INVALID", message: `delegation must not form a cycle (${cycle.join(" → ")})` });
          found = found ?? cycle;
        } else if (kids.length === 0) {
          Object.assign(b, { reason: "BackendNotFound", code: "GW_BACKEND_NOT_FOUND", message: `delegated HTTPRoutes ${b.namespace}/${b.name} must exist and accept ${route.key} as parent` });
        }
      }
    }
    return found;
  }

  /** A row expander for one profile: replaces a delegating row with the children's rows. */
  expander(profile: ControllerProfile): RowExpander {
    const expand = (row: RouteRow, depth: number): RouteRow[] => {
      const out: RouteRow[] = [];
      for (const b of row.rule.backends) {
        if (!b.delegation || b.reason !== null || depth > MAX_DEPTH) continue;
        for (const child of this.children(row.route, b)) out.push(...this.childRows(row, child, profile, depth, expand));
      }
      return out.length > 0 ? out : [row];
    };
    return (row) => expand(row, 0);
  }

  private childRows(parent: RouteRow, child: RouteModel, profile: ControllerProfile, depth: number, expand: (r: RouteRow, d: number) => RouteRow[]): RouteRow[] {
    const inherit = child.obj.metadata.annotations?.[INHERIT] === "true";
    const out: RouteRow[] = [];
    for (const rule of child.rulesFor(profile)) {
      if (rule.dropped !== null) continue;
      const parts = ruleParts(child, rule, profile);
      rule.matches.forEach((m, matchIndex) => {
        const match = inherit ? inheritMatch(parent.match, m) : withinParent(parent.match, m) ? m : null;
        if (!match) {
          report(this.sink, "GW_DELEGATION_INVALID", [child.ref, parent.route.ref], `spec.rules[${rule.index}].matches[${matchIndex}]`, `a delegated match must lie within the parent match of ${parent.route.key} rule ${parent.rule.index} (path inside the prefix, parent headers, query and method kept); it is dropped`, "warning");
          return;
        }
        const row = makeRow(child, rule, matchIndex, match, parent.delegatedFrom ?? { route: parent.route, rule: parent.rule }, profile, parts);
        out.push(...(rule.backends.some((b) => b.delegation) ? expand(row, depth + 1) : [row]));
      });
    }
    return out;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function includesAll(outer: readonly ValueMatch[], inner: readonly ValueMatch[]): boolean {
  return outer.every((o) => inner.some((i) => i.name === o.name && i.type === o.type && i.value === o.value));
}

function withinParent(parent: MatchModel, child: MatchModel): boolean {
  if (parent.grpc || child.grpc) return false;
  const pathOk = parent.pathType === "PathPrefix"
    ? child.pathType === "RegularExpression" ? child.pathValue.startsWith(parent.pathValue) : prefixMatches(parent.pathValue, child.pathValue)
    : parent.pathType === child.pathType && parent.pathValue === child.pathValue;
  return pathOk && includesAll(parent.headers, child.headers) && includesAll(parent.query, child.query) && (parent.method === null || parent.method === child.method);
}

function inheritMatch(parent: MatchModel, child: MatchModel): MatchModel {
  const prefix = parent.pathType === "PathPrefix" ? parent.pathValue.replace(/\/+$/, "") : parent.pathValue;
  return {
    ...child,
    pathValue: child.pathType === "RegularExpression" ? child.pathValue : `${prefix}${child.pathValue}`.replace(/\/{2,}/g, "/"),
    headers: [...parent.headers, ...child.headers.filter((h) => !parent.headers.some((p) => p.name === h.name))],
    query: [...parent.query, ...child.query.filter((q) => !parent.query.some((p) => p.name === q.name))],
    method: child.method ?? parent.method,
  };
}
