import type { GraphNode } from "@/lib/graph";
import type { ObjectRef } from "@/lib/snapshot/ref";

const seg = (s: string) => encodeURIComponent(s === "" ? "_" : s);

/** The detail page of an object: its own page for policies, Services and workloads, else the object page. */
export function refHref(ref: ObjectRef): string {
  if (ref.kind.endsWith("Policy") && ref.group !== "") return `/policies/${seg(ref.cluster)}/${seg(ref.namespace)}/${seg(ref.kind)}/${seg(ref.name)}`;
  if (ref.kind === "Service" && ref.group === "") return `/destinations/${seg(ref.cluster)}/${seg(ref.namespace)}/${seg(ref.name)}`;
  if (ref.kind === "Gateway" && ref.group === "gateway.networking.k8s.io") return `/gateways/${seg(ref.cluster)}/${seg(ref.namespace)}/${seg(ref.name)}`;
  if (["Deployment", "StatefulSet", "DaemonSet"].includes(ref.kind)) return `/workloads/${seg(ref.cluster)}/${seg(ref.namespace)}/${seg(ref.kind)}/${seg(ref.name)}`;
  return `/objects/${seg(ref.cluster)}/${seg(ref.namespace)}/${seg(ref.group ? `${ref.kind}.${ref.group}` : ref.kind)}/${seg(ref.name)}`;
}

/** The detail page of the object a node stands for, if it has one. */
export function detailHref(node: GraphNode): string | null {
  if (node.kind === "workspace") return `/workspaces/${encodeURIComponent(node.label)}`;
  return node.ref ? refHref(node.ref) : null;
}
