import Link from "next/link";
import type { ReactNode } from "react";

const seg = (s: string) => encodeURIComponent(s === "" ? "_" : s);

/** Detail-page paths. Cluster-scoped objects use `_` as their namespace segment. */
export const paths = {
  mesh: (m: { cluster: string; namespace: string; name: string }) => `/meshes/${seg(m.cluster)}/${seg(m.namespace)}/${seg(m.name)}`,
  workload: (w: { cluster: string; namespace: string; name: string; kind: string }) => `/workloads/${seg(w.cluster)}/${seg(w.namespace)}/${seg(w.kind)}/${seg(w.name)}`,
  destination: (d: { cluster: string; namespace: string; name: string }) => `/destinations/${seg(d.cluster)}/${seg(d.namespace)}/${seg(d.name)}`,
};

/** Decodes a namespace path segment back (`_` is the cluster scope). */
export const namespaceFromSegment = (s: string) => (decodeURIComponent(s) === "_" ? "" : decodeURIComponent(s));

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-indigo-700 hover:underline">
      {children}
    </Link>
  );
}
