import "server-only";
import { discover, type Discovery } from "@/lib/discovery";
import type { Snapshot } from "@/lib/snapshot/snapshot";
import type { MeshStore } from "./mesh-store";

export interface Derived {
  snapshot: Snapshot;
  discovery: Discovery;
}

const cache = new WeakMap<Snapshot, Derived>();

/** Everything derived from the current snapshot, computed once per snapshot version. */
export function derived(store: MeshStore): Derived {
  const snapshot = store.snapshot();
  let d = cache.get(snapshot);
  if (!d) {
    d = { snapshot, discovery: discover(snapshot) };
    cache.set(snapshot, d);
  }
  return d;
}
