import { describe, expect, it } from "vitest";
import type { Graph } from "@/lib/graph";
import { filterGraph } from "./filter-graph";
import type { ReadFilter } from "./visibility";

const ref = (namespace: string, name: string) => ({ cluster: "c1", group: "", kind: "Service", namespace, name });
const graph: Graph = {
  nodes: [
    { id: "ws:a", kind: "workspace", label: "a", workspace: "a" },
    { id: "ws:b", kind: "workspace", label: "b", workspace: "b" },
    { id: "cl:c1", kind: "cluster", label: "c1", workspace: "", parent: "ws:a" },
    { id: "ns:b-ns", kind: "namespace", label: "b-ns", workspace: "b", parent: "cl:c1" },
    { id: "svc:imported", kind: "destination", label: "imported", workspace: "b", parent: "ns:b-ns", ref: ref("b-ns", "imported") },
    { id: "svc:private", kind: "destination", label: "private", workspace: "b", parent: "ns:b-ns", ref: ref("b-ns", "private") },
    { id: "agg:b", kind: "aggregate", label: "+ 3", workspace: "b" },
  ],
  edges: [
    { id: "import:ws:b->ws:a", source: "ws:b", target: "ws:a", kind: "import", label: "" },
    { id: "contains:ns:b-ns->svc:imported", source: "ns:b-ns", target: "svc:imported", kind: "contains", label: "" },
  ],
};

const filter = (visible: string[], refs: string[]): ReadFilter => ({
  all: false,
  set: new Set(visible),
  workspace: (w) => w != null && visible.includes(w),
  namespace: () => false,
  ref: (r) => refs.includes(r.name),
  requireRef: () => {},
});

describe("filterGraph", () => {
  it("keeps visible workspaces, readable objects and their enclosing groups; drops the rest and dangling edges", () => {
    const out = filterGraph(graph, filter(["a"], ["imported"]));
    expect(out.nodes.map((n) => n.id)).toEqual(["ws:a", "cl:c1", "ns:b-ns", "svc:imported"]);
    expect(out.edges.map((e) => e.id)).toEqual(["contains:ns:b-ns->svc:imported"]);
  });

  it("returns the graph untouched for platform admins", () => {
    expect(filterGraph(graph, { ...filter([], []), all: true })).toBe(graph);
  });
});
