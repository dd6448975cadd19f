import "server-only";
import { discover, type Discovery } from "@/lib/discovery";
import { buildGatewayModel, gatewayFindings, type GatewayAnalysisModel } from "@/lib/gateways";
import { attachPolicies, type AttachmentIndex } from "@/lib/policies";
import type { Snapshot } from "@/lib/snapshot/snapshot";
import { detectDrift, liveIstioObjects, translate, type DriftItem, type Translation } from "@/lib/translate";
import { DEFAULT_BUILDERS, validate, type ContextBuilders, type Diagnostic } from "@/lib/validate";
import { resolveWorkspaces, type WorkspaceIndex } from "@/lib/workspaces";
import { loadOpenApiDocs } from "../gateways/openapi-docs";
import { timeTranslation } from "../metrics/registry";
import type { MeshStore } from "./mesh-store";

/**
 * Everything derived from one snapshot. Each part is computed on first use and then kept for that
 * snapshot, so a request that needs only discovery (the clusters list after a Pod event, say) never
 * pays for workspaces, gateways or translation.
 */
export interface Derived {
  readonly snapshot: Snapshot;
  readonly discovery: Discovery;
  readonly workspaces: WorkspaceIndex;
  readonly attachment: AttachmentIndex;
  /** Gateway API, Gloo Gateway and Gloo Edge analysis (with the OpenAPI documents of directory sources). */
  readonly gateways: GatewayAnalysisModel;
  /** The Istio objects each cluster would get and a predicted status per Gloo input. */
  readonly translation: Translation;
  /** Every validation diagnostic with its catalogue code. */
  readonly diagnostics: Diagnostic[];
  /** Live generated Istio objects against the translation. */
  readonly drift: DriftItem[];
}

const cache = new WeakMap<Snapshot, Derived>();

/** The derived view of the store's current snapshot. */
export function derived(store: MeshStore): Derived {
  return derivedOf(store.snapshot(), store);
}

/** The derived view of any snapshot: the current one, or one with a draft applied (previews, traces). */
export function derivedOf(snapshot: Snapshot, store: MeshStore): Derived {
  let d = cache.get(snapshot);
  if (!d) {
    d = lazyDerived(snapshot, store);
    cache.set(snapshot, d);
  }
  return d;
}

function lazyDerived(snapshot: Snapshot, store: MeshStore): Derived {
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
  return {
    snapshot,
    get discovery() {
      return once("discovery", () => discover(snapshot));
    },
    get workspaces() {
      return once("workspaces", () => resolveWorkspaces(snapshot));
    },
    get attachment() {
      return once("attachment", () => attachPolicies(this.workspaces, this.discovery.workloads));
    },
    get gateways() {
      return once("gateways", () => gatewayModel(snapshot, store));
    },
    get translation() {
      return once("translation", () => timeTranslation(() => translate(snapshot, { workspaces: this.workspaces, attachment: this.attachment, discovery: this.discovery })));
    },
    get diagnostics() {
      return once("diagnostics", () => validate(snapshot, { workspaces: this.workspaces, attachment: this.attachment, discovery: this.discovery, translation: this.translation, gatewayFindings: gatewayFindings(this.gateways) }));
    },
    get drift() {
      return once("drift", () => detectDrift(this.translation, liveIstioObjects(snapshot.clusters)));
    },
  };
}

function gatewayModel(snapshot: Snapshot, store: MeshStore): GatewayAnalysisModel {
  return buildGatewayModel(snapshot, { openApiDocs: loadOpenApiDocs(snapshot, store.config) });
}

/** The pipeline for previews of this store: the gateway analysis reads the sources' OpenAPI documents, as `derived` does. */
export function previewBuilders(store: MeshStore): ContextBuilders {
  return { ...DEFAULT_BUILDERS, gatewayFindings: (s) => gatewayFindings(gatewayModel(s, store)) };
}
