/**
 * Workspaces (reference §2.3–2.4, §3): membership, settings, visibility through import/export, and
 * findings. One entry point, `resolveWorkspaces(snapshot)`, returns a `WorkspaceIndex`.
 */
export { resolveWorkspaces } from "./resolve";
export type * from "./types";
export { FINDING_CODES, describeRef, makeFinding, sortFindings, indexFindingsByWorkspace } from "./findings";
export type { Finding, FindingCode, Severity } from "./findings";
export { WORKSPACE_NOTES, type WorkspaceNote } from "./notes";
export { mergeOptions } from "./settings";
export type { VisibilityReason } from "./explain";
export {
  EXPORTABLE_GKS, EXTERNAL_SERVICE_GK, ROUTE_TABLE_GK, SERVICE_GK, VIRTUAL_DESTINATION_GK, WORKSPACE_GK, WORKSPACE_SETTINGS_GK,
  compareAge, isExportable, isWorkspaceConfig, refGroupKind,
} from "./kinds";
