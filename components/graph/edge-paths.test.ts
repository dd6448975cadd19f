import { describe, expect, it } from "vitest";
import type { GraphEdge } from "@/lib/graph";
import { edgePaths } from "./edge-paths";

const box = (x: number, y: number) => ({ x, y, width: 100, height: 40 });
const edge = (kind: GraphEdge["kind"], source: string, target: string): GraphEdge => ({ id: `${kind}:${source}->${target}`, kind, source, target, label: "" });

describe("bundled edge paths", () => {
  const boxes = new Map([["a", box(0, 0)], ["b", box(200, 0)], ["c", box(200, 100)]]);

  it("draws one line and one arrowhead per edge, from the source's right middle to the target's left middle", () => {
    const [exports] = edgePaths([edge("export", "a", "b")], boxes);
    expect(exports).toEqual({ kind: "export", lines: "M100 20L191 20", heads: "M200 20L191 24L191 16Z" });
  });

  it("bundles edges by kind and leaves out edges with an endpoint missing", () => {
    const paths = edgePaths([edge("export", "a", "b"), edge("import", "a", "c"), edge("export", "a", "c"), edge("export", "a", "gone")], boxes);
    expect(paths.map((p) => p.kind)).toEqual(["export", "import"]);
    expect(paths[0]!.lines.match(/M/g)).toHaveLength(2);
    expect(paths[0]!.heads.match(/Z/g)).toHaveLength(2);
    expect(paths[1]!.lines.match(/M/g)).toHaveLength(1);
  });
});
