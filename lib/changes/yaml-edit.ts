import { isMap, isScalar, isSeq, type Document, type Node } from "yaml";

/**
 * Writes `next` into the YAML node at `path` of `doc`, changing only what differs: untouched keys keep
 * their comments, order and formatting; new keys are appended; removed keys are deleted. This is how a
 * directory source's file is rewritten without losing what people wrote in it.
 */
export function updateDocumentValue(doc: Document, path: readonly (string | number)[], next: unknown): void {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!merge(doc, node as Node | null, next)) {
    if (path.length === 0) doc.contents = doc.createNode(next) as typeof doc.contents;
    else doc.setIn(path, doc.createNode(next));
  }
}

/** Merges in place; false when the node must be replaced as a whole (type changed, or no node). */
function merge(doc: Document, node: Node | null | undefined, next: unknown): boolean {
  if (!node) return false;
  if (isMap(node) && isPlainObject(next)) {
    const keys = new Set(Object.keys(next));
    for (const pair of [...node.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!keys.has(key)) node.delete(pair.key);
    }
    for (const [key, value] of Object.entries(next)) {
      const child = node.get(key, true) as Node | undefined;
      if (!merge(doc, child, value)) node.set(doc.createNode(key), doc.createNode(value));
    }
    return true;
  }
  if (isSeq(node) && Array.isArray(next)) {
    while (node.items.length > next.length) node.items.pop();
    next.forEach((value, i) => {
      const child = node.items[i] as Node | undefined;
      if (!merge(doc, child, value)) {
        if (i < node.items.length) node.items[i] = doc.createNode(value);
        else node.items.push(doc.createNode(value));
      }
    });
    return true;
  }
  if (isScalar(node) && !isCollection(next)) {
    if (node.value !== next) node.value = next;
    return true;
  }
  return false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isCollection(v: unknown): boolean {
  return typeof v === "object" && v !== null;
}
