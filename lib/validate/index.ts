/**
 * Semantic validation (DESIGN "lib/validate"): one catalogue of stable MP codes, `validate` producing
 * diagnostics for a snapshot, and `previewChange` for what a change would do.
 */
export { CATALOGUE, DISCOVERY_CODE_MAP, FINDING_CODE_MAP, ISSUE_CODE_MAP, catalogueCodeOf, catalogueEntry } from "./catalogue";
export { GATEWAY_CODE_MAP } from "./gateway-codes";
export { validate, sortDiagnostics } from "./validate";
export { applyChange, diffEvaluations, evaluate, previewChange, DEFAULT_BUILDERS } from "./preview";
export type { Change, ClusterObject, ContextBuilders, Evaluation, NamespaceSummary, OutputChange, OutputDelta, PreviewResult } from "./preview";
export type * from "./types";
