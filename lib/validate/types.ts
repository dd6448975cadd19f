import type { Discovery } from "../discovery/types";
import type { Finding as GatewayFinding } from "../gateways/findings";
import type { AttachmentIndex } from "../policies/types";
import type { ObjectRef } from "../snapshot/ref";
import type { Translation } from "../translate/types";
import type { WorkspaceIndex } from "../workspaces/types";

/** How bad a diagnostic is: `error` breaks config, `warning` is likely a mistake, `info` is worth knowing. */
export type DiagnosticSeverity = "error" | "warning" | "info";

/**
 * One semantic problem: a catalogue code, what must hold (`message`), the objects involved (the one to
 * fix first) and the field path in the first object, Kubernetes-style (`spec.http[1].forwardTo…`).
 */
export interface Diagnostic {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  objects: ObjectRef[];
  field: string;
}

/** What `validate` reads besides the snapshot: the derived results of the same snapshot version. */
export interface ValidateContext {
  workspaces: WorkspaceIndex;
  attachment: AttachmentIndex;
  discovery: Discovery;
  translation: Translation;
  /** The gateway analysis's findings (`gatewayFindings` of `lib/gateways`). */
  gatewayFindings: readonly GatewayFinding[];
}

/** One catalogue entry: a stable code with what must hold and an example that breaks it. */
export interface CatalogueEntry {
  code: string;
  severity: DiagnosticSeverity;
  title: string;
  /** What must hold, as a sentence. */
  explanation: string;
  /** A short configuration that triggers it. */
  example: string;
}
