import "server-only";
import { loadConfig, type ClusterConfig } from "../config";
import { DirectorySource } from "../sources/directory";
import { KubeSource } from "../sources/kube/kube-source";
import type { ClusterSource } from "../sources/types";
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
  return new KubeSource(s);
}
