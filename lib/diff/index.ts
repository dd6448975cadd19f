/** Normalisation and structured diffs of Kubernetes objects (DESIGN "lib/diff"). */
export { normalizeObject, sortKeys, SERVER_METADATA } from "./normalize";
export { structuredDiff, valueAt, type DiffEntry } from "./structured";
