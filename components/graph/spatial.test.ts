import { describe, expect, it } from "vitest";
import { absoluteBoxes, boundsOf, nextInDirection } from "./spatial";

const box = (x: number, y: number) => ({ x, y, width: 10, height: 10 });

describe("keyboard geometry", () => {
  const boxes = new Map([["c", box(100, 100)], ["right", box(200, 110)], ["far-right", box(400, 100)], ["up", box(100, 0)], ["diag", box(200, 250)]]);

  it("moves to the nearest node in the arrow's direction, staying on the row", () => {
    expect(nextInDirection(boxes, "c", "right")).toBe("right");
    expect(nextInDirection(boxes, "c", "up")).toBe("up");
    expect(nextInDirection(boxes, "c", "down")).toBe("diag");
    expect(nextInDirection(boxes, "c", "left")).toBeNull();
    expect(nextInDirection(boxes, "missing", "left")).toBeNull();
  });

  it("positions children relative to their parents and bounds the whole graph", () => {
    const graph = { nodes: [{ id: "p", kind: "workspace" as const, label: "p", workspace: "p" }, { id: "k", kind: "policy" as const, label: "k", parent: "p", workspace: "p" }], edges: [] };
    const abs = absoluteBoxes(graph, { p: { x: 10, y: 20, width: 100, height: 100 }, k: { x: 5, y: 5, width: 10, height: 10 } });
    expect(abs.get("k")).toEqual({ x: 15, y: 25, width: 10, height: 10 });
    expect(boundsOf(abs.values())).toEqual({ x: 10, y: 20, width: 100, height: 100 });
    expect(boundsOf([])).toBeNull();
  });
});
