import type { ObjectRef } from "../snapshot/ref";

/**
 * Maps keyed by object identity without building string keys. A translation pass looks refs up tens of
 * thousands of times; a string key per lookup (and the garbage it leaves for the collector) costs more than
 * the lookup. Keys are indexed by namespace and name; the few sharing both are told apart by `same`.
 */
export class NamedMap<K extends { namespace: string; name: string }, V> {
  /** One entry per (namespace, name) in the common case; a list when several keys share both. */
  private readonly byNamespace = new Map<string, Map<string, Entry<K, V> | Entry<K, V>[]>>();
  private readonly inOrder: V[] = [];

  constructor(private readonly same: (a: K, b: K) => boolean) {}

  /** The value stored for a key equal to `key`. */
  get(key: K): V | undefined {
    return this.find(this.byNamespace.get(key.namespace)?.get(key.name), key)?.value;
  }

  /** Stores a value, replacing the one of an equal key (which keeps its place in the order). */
  set(key: K, value: V): void {
    let byName = this.byNamespace.get(key.namespace);
    if (!byName) this.byNamespace.set(key.namespace, (byName = new Map()));
    const slot = byName.get(key.name);
    const found = this.find(slot, key);
    if (found) {
      found.value = value;
      this.inOrder[found.at] = value;
      return;
    }
    const entry = { key, value, at: this.inOrder.push(value) - 1 };
    if (slot === undefined) byName.set(key.name, entry);
    else if (Array.isArray(slot)) slot.push(entry);
    else byName.set(key.name, [slot, entry]);
  }

  /** Every value, in the order first set. */
  values(): readonly V[] {
    return this.inOrder;
  }

  private find(slot: Entry<K, V> | Entry<K, V>[] | undefined, key: K): Entry<K, V> | undefined {
    if (slot === undefined) return undefined;
    if (!Array.isArray(slot)) return this.same(slot.key, key) ? slot : undefined;
    for (const e of slot) if (this.same(e.key, key)) return e;
    return undefined;
  }
}

interface Entry<K, V> {
  key: K;
  value: V;
  at: number;
}

/** True when two refs name the same object. */
export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a === b || (a.name === b.name && a.namespace === b.namespace && a.kind === b.kind && a.group === b.group && a.cluster === b.cluster);
}

/** A NamedMap keyed by ObjectRef. */
export function refMap<V>(): NamedMap<ObjectRef, V> {
  return new NamedMap<ObjectRef, V>(sameRef);
}
