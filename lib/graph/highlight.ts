import { refKey, type ObjectRef } from "../snapshot/ref";
import type { WorkspaceIndex } from "../workspaces/types";
import { workspaceNodeId } from "./workspaces";
import type { Graph, GraphHighlight } from "./types";

/** The ref a `refKey` (`cluster|Kind.group|namespace|name`) was made from; null when it is not one. */
export function parseRefKey(key: string): ObjectRef | null {
  const parts = key.split("|");
  if (parts.length !== 4) return null;
  const [cluster = "", gk = "", namespace = "", name = ""] = parts;
  const dot = gk.indexOf(".");
  return { cluster, kind: dot < 0 ? gk : gk.slice(0, dot), group: dot < 0 ? "" : gk.slice(dot + 1), namespace, name };
}

/**
 * Marks the objects named by `keys` (refKeys, as a policy's blast radius lists them) in a graph: the nodes
 * standing for them, and in the collapsed workspaces view the workspaces owning them. `workspace` and
 * `expand` say which workspace view shows them: the owner of the first key that has one, expanded down to
 * the namespace of a workload.
 */
export function highlightGraph(graph: Graph, index: WorkspaceIndex, keys: readonly string[]): GraphHighlight {
  const wanted = new Set(keys);
  const refs = keys.map(parseRefKey).filter((r): r is ObjectRef => r !== null);
  const owners = new Set(refs.map((r) => index.workspaceOfObject(r)).filter((w): w is string => w !== undefined));
  const nodes = graph.nodes
    .filter((n) => (n.ref && wanted.has(refKey(n.ref)) && n.kind !== "workspace") || (n.kind === "workspace" && n.parent === undefined && owners.has(n.label) && !graph.nodes.some((c) => c.parent === n.id)))
    .map((n) => n.id);
  const first = refs.find((r) => index.workspaceOfObject(r) !== undefined);
  const workspace = first ? index.workspaceOfObject(first) : undefined;
  if (!first || workspace === undefined) return { nodes, expand: [] };
  const expand = [workspaceNodeId(workspace)];
  for (const r of refs) {
    if (index.workspaceOfObject(r) !== workspace || !["Deployment", "StatefulSet", "DaemonSet"].includes(r.kind)) continue;
    expand.push(`cl:${workspace}:${r.cluster}`, `ns:${workspace}:${r.cluster}/${r.namespace}`);
  }
  return { nodes, workspace, expand: [...new Set(expand)] };
}
