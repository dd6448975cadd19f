import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/model/meta";
import { DirectorySource, readDirectory, readText } from "./directory";
import type { SourceProblem, SourceSink } from "./types";

const dirs: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-dir-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe("readText", () => {
  it("expands multi-document files and kind: List, skipping empty documents", () => {
    const objects: KubeObject[] = [];
    const problems: SourceProblem[] = [];
    readText(`${ns("a")}---\n---\napiVersion: v1\nkind: List\nitems:\n  - ${ns("b").trimEnd().replace(/\n/g, "\n    ")}\n  - ${ns("c").trimEnd().replace(/\n/g, "\n    ")}\n`, "f.yaml", objects, problems);
    expect(problems).toEqual([]);
    expect(objects.map((o) => o.metadata.name)).toEqual(["a", "b", "c"]);
  });

  it("reports a document that does not parse with file and line, and keeps the others", () => {
    const objects: KubeObject[] = [];
    const problems: SourceProblem[] = [];
    readText(`${ns("ok")}---\nkind: [unclosed\n`, "bad.yaml", objects, problems);
    expect(objects.map((o) => o.metadata.name)).toEqual(["ok"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe("bad.yaml");
    expect(problems[0]?.message).toMatch(/YAML does not parse/);
  });

  it("reports an object without a name, naming the field", () => {
    const objects: KubeObject[] = [];
    const problems: SourceProblem[] = [];
    readText("apiVersion: v1\nkind: Namespace\nmetadata: {}\n", "x.yaml", objects, problems);
    expect(objects).toEqual([]);
    expect(problems[0]?.fields?.[0]?.field).toBe("metadata.name");
  });
});

describe("readDirectory", () => {
  it("reads recursively in file order and ignores non-YAML and hidden files", async () => {
    const dir = tempDir({ "b/two.yaml": ns("two"), "a.yml": ns("one"), "notes.txt": "hi", ".hidden/x.yaml": ns("hidden"), "c.json": JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: "three" } }) });
    const read = await readDirectory(dir);
    expect(read.objects.map((o) => o.metadata.name)).toEqual(["one", "two", "three"]);
  });
});

describe("DirectorySource", () => {
  it("re-reads when a file changes on disk", async () => {
    const dir = tempDir({ "ns.yaml": ns("first") });
    const seen: string[][] = [];
    const sink: SourceSink = {
      replaceAll: (objects) => seen.push(objects.map((o) => o.metadata.name)),
      replaceKind: () => {},
      setAbsentGroups: () => {},
      upsert: () => {},
      remove: () => {},
      setHealth: () => {},
      markSynced: () => {},
    };
    const source = new DirectorySource(dir);
    source.start(sink);
    await waitFor(() => seen.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    fs.writeFileSync(path.join(dir, "ns.yaml"), ns("second"));
    await waitFor(() => seen.at(-1)?.[0] === "second");
    await source.stop();
    expect(seen.at(-1)).toEqual(["second"]);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
