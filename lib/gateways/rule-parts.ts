import { backendViews } from "./outcome";
import type { ControllerProfile } from "./profiles";
import type { RouteModel } from "./routes";
import type { RuleModel } from "./rules";
import type { AppliedPolicy, BackendView } from "./types";

/** What the data plane does with a request a row matches. */
export type RowOutcome = "forward" | "redirect" | "direct-response" | "error";

/**
 * What every routing-table row of one rule shows alike, whatever its match, listener or hostname: computed once
 * when the table is built (after delegation has marked its backends) and shared by the rule's rows and by every
 * view of the table, so a view of 10,000 routes only allocates its rows. Frozen: views are read-only data.
 */
export interface RuleParts {
  route: Readonly<{ kind: string; namespace: string; name: string }>;
  filters: readonly string[];
  outcome: RowOutcome;
  /** Backends with their share of traffic; none unless the rule forwards. */
  backends: readonly Readonly<BackendView>[];
  /** The policies of the rule's rows when no option or policy applies to them. */
  noPolicies: readonly AppliedPolicy[];
}

function outcomeOf(rule: RuleModel): RowOutcome {
  if (rule.extensionRefs.some((e) => e.reason !== null)) return "error";
  if (rule.filters.some((f) => f.type === "RequestRedirect")) return "redirect";
  if (rule.directResponse) return "direct-response";
  return rule.backends.length === 0 ? "error" : "forward";
}

/** The parts of a rule of `route` as `profile` implements it. */
export function ruleParts(route: RouteModel, rule: RuleModel, profile: ControllerProfile): RuleParts {
  const outcome = outcomeOf(rule);
  return Object.freeze({
    route: Object.freeze({ kind: route.kind, namespace: route.namespace, name: route.obj.metadata.name }),
    filters: Object.freeze(rule.filters.map((f) => (f.type === "ExtensionRef" && f.extensionRef ? `ExtensionRef ${f.extensionRef.kind}/${f.extensionRef.name}` : f.type))),
    outcome,
    backends: Object.freeze(outcome === "forward" ? backendViews(rule.backends, profile.allZeroWeightsStatus).map((b) => Object.freeze(b)) : []),
    noPolicies: Object.freeze([]),
  });
}
