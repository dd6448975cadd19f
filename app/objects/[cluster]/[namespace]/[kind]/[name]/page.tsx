"use client";
import { useParams } from "next/navigation";
import { DetailPage } from "@/components/detail";
import { namespaceFromSegment } from "@/components/links";

/** Any object Meshpane holds, by group-kind: where it lives and its YAML. */
export default function ObjectPage() {
  const p = useParams<{ cluster: string; namespace: string; kind: string; name: string }>();
  const [cluster, namespace, kind, name] = [decodeURIComponent(p.cluster), namespaceFromSegment(p.namespace), decodeURIComponent(p.kind), decodeURIComponent(p.name)];
  return <DetailPage kind={kind.split(".")[0] ?? kind} title={name} subtitle={`${cluster} · ${namespace || "cluster-scoped"}`} facts={[["Kind", kind], ["Cluster", cluster], ["Namespace", namespace || "—"]]} yaml={{ kind, cluster, namespace, name }} />;
}
