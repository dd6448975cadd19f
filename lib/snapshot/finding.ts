import type { ObjectRef } from "./ref";

/** How bad a finding is: `error` breaks config, `warning` is likely a mistake, `info` is worth knowing. */
export type Severity = "error" | "warning" | "info";

/**
 * What every analysis (workspaces and policies, gateways, validation) says about objects: a stable code,
 * how bad it is, a message that says what must hold, the objects involved (the first is the one to fix)
 * and the field path on that first object.
 */
export interface FindingOf<Code extends string> {
  code: Code;
  severity: Severity;
  message: string;
  objects: ObjectRef[];
  field: string;
}

/** Findings counted per severity. */
export type FindingCounts = Record<Severity, number>;

/** Counts findings by severity. */
export function countFindings(findings: readonly { severity: Severity }[]): FindingCounts {
  const out: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
