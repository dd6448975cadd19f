import type { ObjectRef } from "../snapshot/ref";

/**
 * Maps keyed by object identity without building string keys. A translation pass looks refs up tens of
 * thousands of times; a string key per lookup (and the garbage it leaves for the collector) costs more than
 * the lookup. Keys are indexed by namespace and name; the few sharing both are told apart by `same`.
 */
export class NamedMap<K extends { namespace: string; name: string }, V> {
  private readonly byNamespace = new Map<string, Map<string, { key: K; value: V; at: number }[]>>();
  private readonly inOrder: V[] = [];

  constructor(private readonly same: (a: K, b: K) => boolean) {}

  /** The value stored for a key equal to `key`. */
  get(key: K): V | undefined {
    const list = this.byNamespace.get(key.namespace)?.get(key.name);
    if (list) for (const e of list) if (this.same(e.key, key)) return e.value;
    return undefined;
  }

  /** Stores a value, replacing the one of an equal key (which keeps its place in the order). */
  set(key: K, value: V): void {
    let byName = this.byNamespace.get(key.namespace);
    if (!byName) this.byNamespace.set(key.namespace, (byName = new Map()));
    let list = byName.get(key.name);
    if (!list) byName.set(key.name, (list = []));
    for (const e of list) {
      if (!this.same(e.key, key)) continue;
      e.value = value;
      this.inOrder[e.at] = value;
      return;
    }
    list.push({ key, value, at: this.inOrder.push(value) - 1 });
  }

  /** Every value, in the order added. */
  values(): readonly V[] {
    return this.inOrder;
  }
}

/** True when two refs name the same object. */
export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a === b || (a.name === b.name && a.namespace === b.namespace && a.kind === b.kind && a.group === b.group && a.cluster === b.cluster);
}

/** A NamedMap keyed by ObjectRef. */
export function refMap<V>(): NamedMap<ObjectRef, V> {
  return new NamedMap<ObjectRef, V>(sameRef);
}
