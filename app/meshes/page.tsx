"use client";
import { Suspense } from "react";
import { ListPage } from "@/components/list-page";
import { meshColumns } from "@/components/meshes-table";
import { useMeshes } from "@/lib/client/api/meshes";

export default function MeshesPage() {
  return (
    <Suspense>
      <ListPage title="Meshes" intro="Istio control planes found in every cluster: one per istiod Deployment whose image is Istio's pilot." useList={useMeshes} columns={meshColumns} />
    </Suspense>
  );
}
