import { PrismaPg } from "@prisma/adapter-pg";

/** PostgreSQL catalog types the adapter does not know, by type id: `"char"` (18) and `name` (19). */
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type Queryable = { performIO(query: unknown): Promise<{ fields: Field[] }> };
const patched = new WeakSet<object>();

/**
 * The PostgreSQL adapter for Prisma's CLI (migrate deploy, migrate diff). Prisma 6.19's schema engine
 * reads the catalogs, whose `name` and `"char"` columns @prisma/adapter-pg rejects ("Column type 'name'
 * could not be deserialized", prisma/prisma#27403, open): this adapter reports them as `text`, which they
 * are on the wire. Only the CLI needs it; the app's models never return `name` columns.
 * Deliberately free of `server-only`: prisma.config.ts imports it.
 */
export function pgMigrateAdapter(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // Queryable is the base class of the adapter and of its transactions: patch it once.
    let proto: object | null = Object.getPrototypeOf(adapter) as object;
    while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto) as object | null;
    if (proto && !patched.has(proto)) {
      patched.add(proto);
      const q = proto as Queryable;
      const performIO = q.performIO;
      q.performIO = async function (this: Queryable, query: unknown) {
        const result = await performIO.call(this, query);
        for (const f of result.fields) if (CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
        return result;
      };
    }
    return adapter;
  };
  return factory;
}
