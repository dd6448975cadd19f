import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import { SERVER_METADATA } from "@/lib/diff";
import type { FieldError } from "@/lib/model/errors";
import type { KubeObject } from "@/lib/model/meta";
import { groupKind, splitApiVersion } from "@/lib/model/registry";
import type { ObjectWriter, WriteOptions, WriteOutcome } from "../types";
import { KubeApiError, kubeFetch } from "./http";
import { objectPath, type ServedKind } from "./served";

/** Field manager of every write (DESIGN "Names"). */
export const FIELD_MANAGER = "meshpane";
const REASONS = new Set<FieldError["reason"]>(["FieldValueRequired", "FieldValueInvalid", "FieldValueNotSupported", "FieldValueTypeInvalid", "FieldValueDuplicate"]);

/**
 * Writes through the API server: server-side apply with field manager `meshpane`, never forced unless the
 * caller says so; `dryRun=All` for previews; delete with a resourceVersion precondition. Errors come back
 * as the API server said them: status, message, causes on fields, and the field managers in a conflict.
 */
export class KubeWriter implements ObjectWriter {
  constructor(
    private readonly kc: KubeConfig,
    private readonly kinds: () => ReadonlyMap<string, ServedKind>,
    /** Why the cluster takes no writes from Meshpane (it may not impersonate), or null. */
    private readonly refusal: () => string | null = () => null,
  ) {}

  readOnly(): string | null {
    return this.refusal();
  }

  async apply(object: KubeObject, opts: WriteOptions): Promise<WriteOutcome> {
    const path = this.pathOf(object);
    if (typeof path !== "string") return path;
    const query = { fieldManager: FIELD_MANAGER, force: opts.force, dryRun: opts.dryRun ? "All" : undefined };
    return this.send({ method: "PATCH", path, query, body: JSON.stringify(forApply(object)), contentType: "application/apply-patch+yaml", headers: opts.headers }, opts.dryRun ? "server-side apply dry run accepted" : "applied");
  }

  async remove(object: KubeObject, opts: WriteOptions): Promise<WriteOutcome> {
    const path = this.pathOf(object);
    if (typeof path !== "string") return path;
    const body = { kind: "DeleteOptions", apiVersion: "v1", ...(opts.resourceVersion ? { preconditions: { resourceVersion: opts.resourceVersion } } : {}) };
    const outcome = await this.send({ method: "DELETE", path, query: { dryRun: opts.dryRun ? "All" : undefined }, body: JSON.stringify(body), contentType: "application/json", headers: opts.headers }, opts.dryRun ? "delete dry run accepted" : "deleted");
    return { ...outcome, object: null };
  }

  private pathOf(object: KubeObject): string | WriteOutcome {
    const refused = this.refusal();
    if (refused) return failure(403, `this cluster is read-only: ${refused}`);
    const { group, version } = splitApiVersion(object.apiVersion);
    const served = this.kinds().get(groupKind(group, object.kind));
    if (!served) return failure(404, `${object.kind}.${group || "core"} is not served by this cluster (is its CRD installed?)`);
    const apiVersion = group ? `${group}/${version}` : version;
    return objectPath({ ...served, apiVersion }, object.metadata.namespace ?? "", object.metadata.name);
  }

  private async send(req: Parameters<typeof kubeFetch>[1], okMessage: string): Promise<WriteOutcome> {
    try {
      const res = await kubeFetch(this.kc, req);
      const object = (await res.json()) as KubeObject;
      return { ok: true, status: res.status, message: okMessage, causes: [], conflicts: [], object };
    } catch (err) {
      if (!(err instanceof KubeApiError)) throw err;
      return fromApiError(err);
    }
  }
}

function forApply(object: KubeObject): KubeObject {
  const { status: _status, ...rest } = object;
  const metadata: Record<string, unknown> = { ...object.metadata };
  for (const k of SERVER_METADATA) delete metadata[k];
  return { ...rest, metadata } as KubeObject;
}

function fromApiError(err: KubeApiError): WriteOutcome {
  const conflicts = err.causes.filter((c) => c.reason === "FieldManagerConflict").map((c) => ({ field: (c.field ?? "").replace(/^\./, ""), manager: /conflict with "([^"]+)"/.exec(c.message ?? "")?.[1] ?? "unknown" }));
  const causes: FieldError[] = err.causes.filter((c) => c.reason !== "FieldManagerConflict").map((c) => {
    const field = (c.field ?? "<root>").replace(/^\./, "");
    const reason = REASONS.has(c.reason as FieldError["reason"]) ? (c.reason as FieldError["reason"]) : "FieldValueInvalid";
    return { field, reason, message: `${field}: ${c.message ?? err.message}` };
  });
  return { ok: false, status: err.status, message: err.message, causes, conflicts, object: null };
}

function failure(status: number, message: string): WriteOutcome {
  return { ok: false, status, message, causes: [], conflicts: [], object: null };
}
