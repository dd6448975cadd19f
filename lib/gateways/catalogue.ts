import type { Severity } from "./findings";
import { GATEWAY_API_ENTRIES } from "./catalogue-gateway-api";
import { GLOO_ENTRIES } from "./catalogue-gloo";

/** The text of one catalogue entry. */
export interface CatalogueText {
  severity: Severity;
  /** The reference §9 code (GWA001 …) this entry implements, or null for findings from other sections. */
  referenceCode: string | null;
  title: string;
  explanation: string;
  example: string;
}

const ENTRIES = { ...GATEWAY_API_ENTRIES, ...GLOO_ENTRIES };

/** Every finding code the gateway analysis emits. */
export type FindingCode = keyof typeof ENTRIES;

/** One catalogue entry: code, default severity, title, explanation and an example. */
export interface CatalogueEntry extends CatalogueText {
  code: FindingCode;
}

/** The catalogue of gateway findings, in code order. */
export const GATEWAY_FINDING_CATALOGUE: readonly CatalogueEntry[] = (Object.keys(ENTRIES) as FindingCode[])
  .sort()
  .map((code) => ({ code, ...ENTRIES[code] }));

/** The default severity of a code. */
export function severityOf(code: FindingCode): Severity {
  return ENTRIES[code].severity;
}
