import "server-only";
import { discover, type Discovery } from "@/lib/discovery";
import { buildGatewayModel, type GatewayAnalysisModel } from "@/lib/gateways";
import { attachPolicies, type AttachmentIndex } from "@/lib/policies";
import type { Snapshot } from "@/lib/snapshot/snapshot";
import { detectDrift, liveIstioObjects, translate, type DriftItem, type Translation } from "@/lib/translate";
import { validate, type Diagnostic } from "@/lib/validate";
import { resolveWorkspaces, type WorkspaceIndex } from "@/lib/workspaces";
import { loadOpenApiDocs } from "../gateways/openapi-docs";
import type { MeshStore } from "./mesh-store";

export interface Derived {
  snapshot: Snapshot;
  discovery: Discovery;
  workspaces: WorkspaceIndex;
  attachment: AttachmentIndex;
  /** Gateway API, Gloo Gateway and Gloo Edge analysis (with the OpenAPI documents of directory sources). */
  gateways: GatewayAnalysisModel;
  /** The Istio objects each cluster would get and a predicted status per Gloo input (computed on first use). */
  readonly translation: Translation;
  /** Every validation diagnostic with its catalogue code (computed on first use). */
  readonly diagnostics: Diagnostic[];
  /** Live generated Istio objects against the translation (computed on first use). */
  readonly drift: DriftItem[];
}

const cache = new WeakMap<Snapshot, Derived>();

/** Everything derived from the current snapshot, computed once per snapshot version. */
export function derived(store: MeshStore): Derived {
  const snapshot = store.snapshot();
  let d = cache.get(snapshot);
  if (!d) {
    const discovery = discover(snapshot);
    const workspaces = resolveWorkspaces(snapshot);
    const gateways = buildGatewayModel(snapshot, { openApiDocs: loadOpenApiDocs(snapshot, store.config) });
    d = lazyAnalysis({ snapshot, discovery, workspaces, attachment: attachPolicies(workspaces, discovery.workloads), gateways });
    cache.set(snapshot, d);
  }
  return d;
}

/** Adds translation, validation and drift, each computed once and only when first asked for. */
function lazyAnalysis(base: Omit<Derived, "translation" | "diagnostics" | "drift">): Derived {
  let translation: Translation | undefined;
  let diagnostics: Diagnostic[] | undefined;
  let drift: DriftItem[] | undefined;
  const { snapshot, workspaces, attachment, discovery } = base;
  return {
    ...base,
    get translation() {
      return (translation ??= translate(snapshot, { workspaces, attachment, discovery }));
    },
    get diagnostics() {
      return (diagnostics ??= validate(snapshot, { workspaces, attachment, discovery, translation: this.translation }));
    },
    get drift() {
      return (drift ??= detectDrift(this.translation, liveIstioObjects(snapshot.clusters)));
    },
  };
}
