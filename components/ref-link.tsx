import type { ObjectRef } from "@/lib/snapshot/ref";
import { refHref } from "./graph/node-links";
import { TextLink } from "./links";

/** A link to an object's detail page, labelled `Kind namespace/name` (with the cluster when asked). */
export function RefLink({ target: r, showCluster = false }: { target: ObjectRef; showCluster?: boolean }) {
  return <TextLink href={refHref(r)}>{`${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}${showCluster ? ` (${r.cluster})` : ""}`}</TextLink>;
}
