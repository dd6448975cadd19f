import { describe, expect, it } from "vitest";
import type { Graph } from "@/lib/graph";
import { cardNodes, type CardState } from "./card-nodes";

const graph: Graph = {
  nodes: [
    { id: "ws:a", kind: "workspace", label: "a", workspace: "a" },
    { id: "ws:b", kind: "workspace", label: "b", workspace: "b" },
    { id: "pol:a", kind: "policy", label: "retry", parent: "ws:a", workspace: "a" },
  ],
  edges: [],
};
const positions = { "ws:a": { x: 0, y: 0, width: 300, height: 200 }, "ws:b": { x: 400, y: 0, width: 170, height: 52 }, "pol:a": { x: 16, y: 56, width: 170.4, height: 52 } };
const state: CardState = { matches: new Set(), marked: new Set(), selected: "", compact: false };

describe("React Flow nodes for the canvas", () => {
  it("sizes nodes in whole pixels, declares their handles and keeps children inside their parent", () => {
    const [a, , pol] = cardNodes(graph, positions, state);
    expect(pol).toMatchObject({ parentId: "ws:a", extent: "parent", width: 170, measured: { width: 170, height: 52 }, zIndex: 1 });
    expect(pol!.handles).toHaveLength(2);
    expect(a!.data).toMatchObject({ group: true, dimmed: false });
    expect(cardNodes(graph, positions, { ...state, compact: true })[2]!.handles).toEqual([]);
  });

  it("hands back the same object for a node whose inputs did not change, a new one for those that did", () => {
    const before = cardNodes(graph, positions, state);
    const after = cardNodes(graph, positions, { ...state, selected: "ws:b" });
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.selected).toBe(true);
    // A search dims the leaves that do not match, never the groups.
    const searched = cardNodes(graph, positions, { ...state, matches: new Set(["ws:b"]) });
    expect(searched.map((n) => n.data.dimmed)).toEqual([false, false, true]);
  });
});
