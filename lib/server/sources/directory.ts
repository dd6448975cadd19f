import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { parseAllDocuments } from "yaml";
import { parseObject } from "@/lib/model/registry";
import type { KubeObject } from "@/lib/model/meta";
import { DirectoryWriter } from "./directory-writer";
import type { ClusterSource, SourceProblem, SourceSink } from "./types";

const YAML_FILE = /\.(ya?ml|json)$/i;
/** Top-level folder of OpenAPI documents kept beside a dump (read by lib/server/gateways, not as objects). */
export const OPENAPI_DIR = "openapi";
const RELOAD_DEBOUNCE_MS = 150;

/** The objects and problems read from one directory tree. */
export interface DirectoryRead {
  objects: KubeObject[];
  problems: SourceProblem[];
}

/**
 * Reads every YAML/JSON file below `root` (recursively, files in name order, except the OpenAPI documents in
 * `openapi/`): multi-document files and
 * `kind: List` are expanded. A file that does not parse, or an object that fails its schema, becomes a
 * problem naming the file, line and field; everything else still loads.
 */
export async function readDirectory(root: string): Promise<DirectoryRead> {
  const files = (await listFiles(root, true)).sort();
  const objects: KubeObject[] = [];
  const problems: SourceProblem[] = [];
  for (const file of files) {
    const rel = path.relative(root, file);
    let text: string;
    try {
      text = await fs.readFile(file, "utf8");
    } catch (err) {
      problems.push({ file: rel, message: `cannot read file: ${(err as Error).message}` });
      continue;
    }
    readText(text, rel, objects, problems);
  }
  return { objects, problems };
}

/** Parses one file's text into objects and problems (exported for tests). */
export function readText(text: string, file: string, objects: KubeObject[], problems: SourceProblem[]): void {
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      problems.push({ file, line: first.linePos?.[0]?.line, message: `YAML does not parse: ${first.message.split("\n")[0]}` });
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const line = doc.contents?.range ? lineOf(text, doc.contents.range[0]) : undefined;
    for (const item of expandList(value)) addObject(item, file, line, objects, problems);
  }
}

function expandList(value: unknown): unknown[] {
  const v = value as { kind?: unknown; items?: unknown };
  if (v && typeof v === "object" && typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) return v.items;
  return [value];
}

function addObject(raw: unknown, file: string, line: number | undefined, objects: KubeObject[], problems: SourceProblem[]): void {
  const result = parseObject(raw);
  if (result.ok) {
    objects.push(result.object);
    return;
  }
  const r = raw as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const name = typeof r?.metadata?.name === "string" ? r.metadata.name : "?";
  const ns = typeof r?.metadata?.namespace === "string" ? `${r.metadata.namespace}/` : "";
  const object = `${typeof r?.kind === "string" ? r.kind : "object"} ${ns}${name}`;
  problems.push({ file, line, object, message: `${object} is invalid: ${result.errors.map((e) => e.message).join("; ")}`, fields: result.errors });
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every YAML or JSON file below `dir`, skipping dot files and (at the top) the OpenAPI folder. */
export async function listFiles(dir: string, top = false): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith(".") && !(top && e.isDirectory() && e.name === OPENAPI_DIR))
      .map(async (e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return listFiles(full);
        return e.isFile() && YAML_FILE.test(e.name) ? [full] : [];
      }),
  );
  return nested.flat();
}

/** A cluster whose objects are YAML files on disk, re-read whenever a file changes. */
export class DirectorySource implements ClusterSource {
  readonly kind = "directory" as const;
  readonly description: string;
  private watcher: FSWatcher | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading: Promise<void> = Promise.resolve();
  /** Rewrites the YAML files in place; the watch then reloads them. */
  readonly writer: DirectoryWriter;

  /** Schedules a (debounced) reload once started. */
  private changed: () => void = () => {};

  constructor(private readonly root: string) {
    this.description = `directory ${root}`;
    // Meshpane's own writes reload at once: the file watch can miss an event (a file in a directory it
    // has only just started watching), and an applied draft must show.
    this.writer = new DirectoryWriter(root, (dir) => listFiles(dir, true), () => this.changed());
  }

  start(sink: SourceSink): void {
    const reload = () => {
      this.reading = this.reading.then(() => this.readInto(sink));
    };
    reload();
    this.changed = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(reload, RELOAD_DEBOUNCE_MS);
    };
    this.watcher = watch(this.root, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 } });
    this.watcher.on("all", () => this.changed());
    this.watcher.on("error", (err) => sink.setHealth("Degraded", `watching ${this.root} failed: ${String(err)}`));
  }

  async stop(): Promise<void> {
    this.changed = () => {};
    if (this.timer) clearTimeout(this.timer);
    await this.watcher?.close();
    await this.reading;
  }

  private async readInto(sink: SourceSink): Promise<void> {
    try {
      const { objects, problems } = await readDirectory(this.root);
      sink.replaceAll(objects, problems);
      sink.markSynced();
      sink.setHealth("Healthy");
    } catch (err) {
      sink.setHealth("Degraded", `reading ${this.root} failed: ${(err as Error).message}`);
    }
  }
}
