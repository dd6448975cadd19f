import type { DiffEntry } from "../diff";
import type { FieldError } from "../model/errors";
import type { ObjectRef } from "../snapshot/ref";
import type { PreviewView } from "./translation";

/**
 * The change path (DESIGN "Writes travel back through one path only"): drafts, their preview, apply and
 * the audit log, as the API answers them. Shared by the route handlers and the browser.
 *
 * Endpoints:
 * - `GET /api/v1/drafts?status=open|applied|discarded` → `{items: DraftSummary[]}` (the caller's own drafts)
 * - `POST /api/v1/drafts` body `DraftInput` → `DraftView`
 * - `GET /api/v1/drafts/{id}` → `DraftView`
 * - `PUT /api/v1/drafts/{id}` body `DraftInput & {revision}` → `DraftView`; 409 `StaleRevision` when another
 *   tab saved first (the answer's `fields` is empty; reload the draft, nothing is lost server-side)
 * - `DELETE /api/v1/drafts/{id}` → `{ok: true}` (marks it discarded; drafts are never hard-deleted)
 * - `POST /api/v1/drafts/{id}/preview` body `{contentHash}` → `DraftPreview` (also records a dry-run audit entry)
 * - `POST /api/v1/drafts/{id}/apply` body `{contentHash, force?}` → `ApplyResult`; 409 `PreviewRequired` unless
 *   that exact content had a successful preview; 403 when `force` is asked by a non platform admin
 * - `POST /api/v1/drafts/{id}/rebase` body `{index}` → `DraftView`: replays the user's edit of item `index`
 *   (base → draft) onto the live object and makes live the new base ("reload and reapply")
 * - `POST /api/v1/blast-radius` body `{cluster, yaml}` → `BlastRadius` (what a policy in that YAML selects now)
 * - `GET /api/v1/audit?actor=&action=&result=&cluster=&kind=&draft=&limit=&continue=` → `{items: AuditEntryView[], continue?, total}`
 */

/** What an item does to its object. */
export type DraftOp = "create" | "update" | "delete";

/** The object an update or delete started from. */
export interface DraftBase {
  ref: ObjectRef;
  /** The live resourceVersion when the edit started (null for directory sources). */
  resourceVersion: string | null;
  /** The live object then, as YAML: lets the server show what changed underneath and replay the edit. */
  yaml: string;
}

/** One object of a change set. */
export interface DraftItem {
  op: DraftOp;
  /** Cluster the object is written to. */
  cluster: string;
  /** The object as YAML text exactly as typed; it may not parse (nothing the user typed is lost). */
  yaml: string;
  /** Set for update and delete. */
  base?: DraftBase;
}

/** Body of create and update. */
export interface DraftInput {
  title?: string;
  items: DraftItem[];
}

export type DraftStatus = "open" | "applied" | "discarded";

/** A draft as stored. */
export interface DraftView {
  id: string;
  title: string;
  owner: string;
  status: DraftStatus;
  createdAt: string;
  updatedAt: string;
  /** Increments on every save; a PUT carries the revision it was based on. */
  revision: number;
  items: DraftItem[];
  /** Hash of the items as they stand; preview and apply name it. */
  contentHash: string;
  /** Content hash of the last successful preview, so Apply is enabled again after a reload; null if none. */
  previewedHash: string | null;
}

/** A line of the drafts list. */
export interface DraftSummary {
  id: string;
  title: string;
  owner: string;
  status: DraftStatus;
  updatedAt: string;
  itemCount: number;
  clusters: string[];
  /** "update RouteTable bookinfo/reviews" for the first items. */
  description: string;
}

/** What another writer changed, and who owns the fields this change touches. */
export interface ConflictView {
  ref: ObjectRef;
  message: string;
  baseResourceVersion: string | null;
  liveResourceVersion: string | null;
  /** Fields this change sets that another field manager owns (server-side apply conflict). */
  fields: { field: string; manager: string }[];
  /** Base → live: what changed underneath the edit. */
  changedUnderneath: DiffEntry[];
  liveYaml: string;
}

/** The server's dry run of one item. */
export interface DryRunView {
  ok: boolean;
  /** HTTP status of the dry run (kube), or null for directory sources and items that never got that far. */
  status: number | null;
  /** "server-side apply dry run accepted" / the API server's message / "schema and location check passed". */
  message: string;
  /** The API server's causes (422), as field errors relative to the object. */
  causes: FieldError[];
}

/** The preview of one item. */
export interface ItemPreview {
  index: number;
  /** Identity parsed from the YAML; null when it does not parse far enough. */
  ref: ObjectRef | null;
  /** YAML syntax, schema and location errors; `field` is a path in the object (`spec.http[0].forwardTo...`). */
  fieldErrors: FieldError[];
  dryRun: DryRunView;
  /** Live (or empty) → draft, normalised YAML both sides, plus the structured diff. */
  diff: { before: string; after: string; entries: DiffEntry[] };
  conflict: ConflictView | null;
}

/** The answer of the preview endpoint. */
export interface DraftPreview {
  contentHash: string;
  /** No field errors, every dry run passed, no conflict: Apply may be enabled for this content hash. */
  ok: boolean;
  items: ItemPreview[];
  /** The Istio outputs and diagnostics difference (null when an item does not parse). */
  translation: PreviewView | null;
}

/** The result of applying one item. */
export interface ApplyItemResult {
  index: number;
  ref: ObjectRef;
  ok: boolean;
  status: number;
  message: string;
  causes: FieldError[];
  conflict: ConflictView | null;
}

/** The answer of apply: items are applied in order, stopping at the first failure. */
export interface ApplyResult {
  ok: boolean;
  items: ApplyItemResult[];
  draft: DraftView;
}

/** What a policy selects now, from its YAML (the blast radius). */
export interface BlastRadius {
  policy: ObjectRef | null;
  routes: ObjectRef[];
  destinations: ObjectRef[];
  workloads: ObjectRef[];
  fieldErrors: FieldError[];
}

export type AuditAction = "dry-run" | "apply" | "force-apply";
export type AuditResult = "success" | "failure" | "conflict" | "denied";

/** One line of the append-only audit log. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: string;
  action: AuditAction;
  draftId: string | null;
  cluster: string;
  objects: ObjectRef[];
  result: AuditResult;
  status: number;
  message: string;
  /** sha256 of the canonical diff that was sent. */
  diffHash: string;
}

/** Filters of `GET /api/v1/audit`; absent or empty means any. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  result?: string;
  cluster?: string;
  kind?: string;
  draft?: string;
}
