import "server-only";
import { loadConfig, type ClusterConfig } from "../config";
import { DirectorySource } from "../sources/directory";
import type { ClusterSource, SourceSink } from "../sources/types";
import { MeshStore } from "./mesh-store";

const holder = globalThis as typeof globalThis & { __meshpaneStore?: MeshStore };

/** The process-wide store, created and started on first use from the configuration. */
export function getMeshStore(): MeshStore {
  if (!holder.__meshpaneStore) {
    const store = new MeshStore(loadConfig(), makeSource);
    store.start();
    holder.__meshpaneStore = store;
  }
  return holder.__meshpaneStore;
}

function makeSource(cluster: ClusterConfig): ClusterSource {
  const s = cluster.source;
  if ("directory" in s) return new DirectorySource(s.directory);
  return new UnsupportedSource("kubeconfig" in s ? "kubeconfig" : "inCluster");
}

/** Until the Kubernetes source lands, such a cluster is shown as Degraded with the reason. */
class UnsupportedSource implements ClusterSource {
  readonly description: string;
  constructor(readonly kind: "kubeconfig" | "inCluster") {
    this.description = `${kind} source`;
  }
  start(sink: SourceSink): void {
    sink.setHealth("Degraded", `${this.kind} sources are not supported by this build of Meshpane yet`);
  }
  async stop(): Promise<void> {}
}
