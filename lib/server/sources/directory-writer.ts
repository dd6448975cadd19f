import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { isMap, isSeq, parseAllDocuments, stringify, type Document } from "yaml";
import { updateDocumentValue } from "@/lib/changes";
import { SERVER_METADATA } from "@/lib/diff";
import type { KubeObject } from "@/lib/model/meta";
import { parseObject, splitApiVersion } from "@/lib/model/registry";
import type { ObjectWriter, WriteOptions, WriteOutcome } from "./types";

/** Folder (under the source root) where objects created from Meshpane are written, one file each. */
export const CREATED_DIR = "meshpane";

interface Located {
  file: string;
  docs: Document[];
  /** Index of the document holding the object, and the path inside it (`[]`, or `["items", i]` in a List). */
  doc: number;
  path: (string | number)[];
}

/**
 * Writes objects back to a directory of YAML (issue 7 §4): the file holding the object is rewritten
 * atomically (temp file + rename), keeping comments, key order and untouched documents; a new object
 * gets a file of its own under `meshpane/`. A dry run is the schema check. The change then comes back
 * through the source's file watch, like any other edit.
 */
export class DirectoryWriter implements ObjectWriter {
  private queue: Promise<unknown> = Promise.resolve();

  /** `written` runs after each write that reached the disk, so the source reloads without waiting on the file watch. */
  constructor(private readonly root: string, private readonly listFiles: (root: string) => Promise<string[]>, private readonly written: () => void = () => {}) {}

  /** A directory always takes writes (the process's file permissions have the last word). */
  readOnly(): null {
    return null;
  }

  apply(object: KubeObject, opts: WriteOptions): Promise<WriteOutcome> {
    const check = parseObject(object);
    if (!check.ok) return Promise.resolve({ ok: false, status: 422, message: `${object.kind} ${object.metadata.name} is invalid`, causes: check.errors, conflicts: [], object: null });
    if (opts.dryRun) return Promise.resolve(success(200, "schema and location check passed (directory source: no server dry run)", object));
    return this.serial(async () => {
      const found = await this.locate(object);
      if (!found) {
        const file = path.join(this.root, CREATED_DIR, object.metadata.namespace || "_cluster", `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`);
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeAtomically(file, `# Created with Meshpane\n${stringify(object)}`);
        this.written();
        return success(201, `created in ${path.relative(this.root, file)}`, object);
      }
      const doc = found.docs[found.doc]!;
      const existing = found.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc.toJS()) as KubeObject;
      updateDocumentValue(doc, found.path, keepServerFields(existing, object));
      await writeAtomically(found.file, render(found.docs, await fs.readFile(found.file, "utf8")));
      this.written();
      return success(200, `written to ${path.relative(this.root, found.file)}`, object);
    });
  }

  remove(object: KubeObject, opts: WriteOptions): Promise<WriteOutcome> {
    return this.serial(async () => {
      const found = await this.locate(object);
      if (!found) return { ok: false, status: 404, message: `${object.kind} ${object.metadata.namespace ?? ""}/${object.metadata.name} is in no file of ${this.root}`, causes: [], conflicts: [], object: null };
      if (opts.dryRun) return success(200, `would be removed from ${path.relative(this.root, found.file)}`, null);
      if (found.path.length > 0) found.docs[found.doc]!.deleteIn(found.path);
      else found.docs.splice(found.doc, 1);
      if (found.docs.length === 0) await fs.rm(found.file);
      else await writeAtomically(found.file, render(found.docs, await fs.readFile(found.file, "utf8")));
      this.written();
      return success(200, `removed from ${path.relative(this.root, found.file)}`, null);
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async locate(object: KubeObject): Promise<Located | null> {
    const want = identity(object);
    for (const file of (await this.listFiles(this.root)).sort()) {
      const docs = parseAllDocuments(await fs.readFile(file, "utf8"));
      if (!Array.isArray(docs)) continue;
      for (const [i, doc] of docs.entries()) {
        if (doc.errors.length > 0) continue;
        const value = doc.toJS() as unknown;
        if (identity(value) === want) return { file, docs, doc: i, path: [] };
        const items = (value as { kind?: string; items?: unknown[] } | null)?.kind === "List" ? ((value as { items?: unknown[] }).items ?? []) : [];
        const at = items.findIndex((item) => identity(item) === want);
        if (at >= 0 && isMap(doc.contents) && isSeq(doc.get("items", true))) return { file, docs, doc: i, path: ["items", at] };
      }
    }
    return null;
  }
}

/** A dump's status and server-set metadata stay as they were unless the edit sets them itself. */
function keepServerFields(existing: KubeObject, next: KubeObject): KubeObject {
  const metadata: Record<string, unknown> = { ...next.metadata };
  for (const k of SERVER_METADATA) if (metadata[k] === undefined && existing.metadata?.[k] !== undefined) metadata[k] = existing.metadata[k];
  const status = next.status ?? existing.status;
  return { ...next, metadata, ...(status !== undefined ? { status } : {}) } as KubeObject;
}

function identity(value: unknown): string | null {
  const o = value as Partial<KubeObject> | null;
  if (!o || typeof o !== "object" || typeof o.apiVersion !== "string" || typeof o.kind !== "string" || !o.metadata) return null;
  return [splitApiVersion(o.apiVersion).group, o.kind, o.metadata.namespace ?? "", o.metadata.name].join("/");
}

/** Keeps the file's flow-collection style (`{a: 1}` or `{ a: 1 }`) and document separators. */
function render(docs: Document[], original: string): string {
  const flowCollectionPadding = /[{[] \S/.test(original);
  return docs.map((d, i) => {
    if (i > 0 && d.directives) d.directives.docStart = true;
    return d.toString({ flowCollectionPadding });
  }).join("");
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.meshpane-${process.pid}.tmp`);
  await fs.writeFile(tmp, text, "utf8");
  await fs.rename(tmp, file);
}

function success(status: number, message: string, object: KubeObject | null): WriteOutcome {
  return { ok: true, status, message, causes: [], conflicts: [], object };
}
