import "server-only";
import { discover, type Discovery } from "@/lib/discovery";
import { buildGatewayModel, type GatewayAnalysisModel } from "@/lib/gateways";
import { attachPolicies, type AttachmentIndex } from "@/lib/policies";
import type { Snapshot } from "@/lib/snapshot/snapshot";
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
    d = { snapshot, discovery, workspaces, attachment: attachPolicies(workspaces, discovery.workloads), gateways };
    cache.set(snapshot, d);
  }
  return d;
}
