import type { KindDef } from "./meta";

/** Filled in by the model work for this API group. */
export const kinds: readonly KindDef[] = [];
